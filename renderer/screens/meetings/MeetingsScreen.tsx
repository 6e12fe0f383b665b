import { createColumnHelper } from '@tanstack/react-table';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { meetingStatusLabels, type MeetingSummary } from '../../../shared/api/meetings';
import { formatDate, formatDateWithDay } from '../../../shared/domain/dates';
import { useApi, useApiMutation } from '../../api/hooks';
import { Button, DateInput, ErrorNote, SelectInput, TextInput } from '../../components/forms';
import { DataTable } from '../../components/DataTable';
import { QueryState } from '../../components/QueryState';
import { useSortableTable } from '../../components/SortableThead';

const col = createColumnHelper<MeetingSummary>();
const columns = [
  col.accessor('date', {
    header: 'Date',
    cell: (c) => <Link to={`/meetings/${c.row.original.id}`}>{formatDateWithDay(c.getValue())}</Link>,
  }),
  col.accessor('startTime', { header: 'Time' }),
  col.accessor((m) => (m.type === 'extraordinary' ? 'Extraordinary' : 'Ordinary'), {
    id: 'type',
    header: 'Type',
  }),
  col.accessor((m) => meetingStatusLabels[m.status], {
    id: 'status',
    header: 'Status',
    cell: (c) =>
      `${c.getValue()}${c.row.original.approvedAtMeetingDate ? ` at the meeting of ${formatDate(c.row.original.approvedAtMeetingDate)}` : ''}`,
  }),
  col.accessor('itemCount', { header: 'Items' }),
];

/** Meetings in date order (soonest first, or newest first for past ones): the order is the point, so not sortable. */
function MeetingTable({ rows, caption }: { rows: MeetingSummary[]; caption: string }) {
  const table = useSortableTable(rows, columns, { sortable: false });
  if (rows.length === 0) return <p>None.</p>;
  return <DataTable table={table} caption={caption} className="data-table" />;
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
