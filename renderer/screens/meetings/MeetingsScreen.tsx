import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { meetingStatusLabels, type MeetingSummary } from '../../../shared/api/meetings';
import { formatDate, formatDateWithDay } from '../../../shared/domain/dates';
import { useApi, useApiMutation } from '../../api/hooks';
import { Button, DateInput, ErrorNote, SelectInput, TextInput } from '../../components/forms';
import { QueryState } from '../../components/QueryState';

function MeetingTable({ rows, caption }: { rows: MeetingSummary[]; caption: string }) {
  if (rows.length === 0) return <p>None.</p>;
  return (
    <table className="data-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Date</th>
          <th scope="col">Time</th>
          <th scope="col">Type</th>
          <th scope="col">Status</th>
          <th scope="col">Items</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((m) => (
          <tr key={m.id}>
            <td>
              <Link to={`/meetings/${m.id}`}>{formatDateWithDay(m.date)}</Link>
            </td>
            <td>{m.startTime}</td>
            <td>{m.type === 'extraordinary' ? 'Extraordinary' : 'Ordinary'}</td>
            <td>
              {meetingStatusLabels[m.status]}
              {m.approvedAtMeetingDate ? ` at the meeting of ${formatDate(m.approvedAtMeetingDate)}` : ''}
            </td>
            <td>{m.itemCount}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function MeetingsScreen() {
  const q = useApi('meeting.list', {});
  return (
    <div>
      <h1>Meetings</h1>
      <QueryState query={q}>
        {(d) => (
          <>
            <section aria-labelledby="upcoming-h">
              <h2 id="upcoming-h">Upcoming</h2>
              <MeetingTable rows={d.upcoming} caption="Upcoming meetings" />
            </section>
            <NewMeeting />
            <section aria-labelledby="past-h">
              <h2 id="past-h">Past</h2>
              <MeetingTable rows={d.past} caption="Past meetings" />
            </section>
          </>
        )}
      </QueryState>
    </div>
  );
}

function NewMeeting() {
  const board = useApi('board.get', {});
  const [date, setDate] = useState('');
  const [time, setTime] = useState('10:00');
  const [venue, setVenue] = useState('');
  const [chair, setChair] = useState('none');
  const [type, setType] = useState<'ordinary' | 'extraordinary'>('ordinary');
  const [from, setFrom] = useState<'template' | 'copy_last'>('template');
  const create = useApiMutation('meeting.create');
  const navigate = useNavigate();
  const issue = (f: string) =>
    (create.error as { issues?: { path: string; message: string }[] } | null)?.issues?.find(
      (i) => i.path === f,
    )?.message;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      { date, startTime: time, venue, chairMemberId: chair === 'none' ? null : Number(chair), type, from },
      { onSuccess: (r) => navigate(`/meetings/${r.id}`) },
    );
  };
  return (
    <section aria-labelledby="new-h" className="card new-meeting">
      <h2 id="new-h">New meeting</h2>
      <form noValidate onSubmit={submit}>
        <DateInput label="Date" value={date} onChange={setDate} error={issue('date')} />
        <TextInput
          label="Start time"
          description="24-hour, e.g. 10:00"
          value={time}
          onChange={setTime}
          error={issue('startTime')}
        />
        <TextInput label="Venue" value={venue} onChange={setVenue} error={issue('venue')} />
        <SelectInput
          label="Chair"
          value={chair}
          onChange={setChair}
          options={[
            { id: 'none', label: 'Not set' },
            ...(board.data?.members
              .filter((mb) => mb.activeTo === null)
              .map((mb) => ({ id: String(mb.id), label: mb.name })) ?? []),
          ]}
        />
        <SelectInput
          label="Type"
          value={type}
          onChange={setType}
          options={[
            { id: 'ordinary', label: 'Ordinary' },
            { id: 'extraordinary', label: 'Extraordinary' },
          ]}
        />
        <SelectInput
          label="Agenda"
          value={from}
          onChange={setFrom}
          options={[
            { id: 'template', label: 'The standard agenda' },
            { id: 'copy_last', label: 'A copy of the last meeting’s agenda' },
          ]}
        />
        <ErrorNote
          error={create.error}
          labels={{
            date: 'Date',
            startTime: 'Start time',
            venue: 'Venue',
            chairMemberId: 'Chair',
            type: 'Type',
            from: 'Agenda',
          }}
        />
        <Button type="submit" isDisabled={create.isPending}>
          Create meeting
        </Button>
      </form>
    </section>
  );
}
