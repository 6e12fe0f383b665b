import { createColumnHelper } from '@tanstack/react-table';
import { useState, type FormEvent } from 'react';
import { Tab, TabList, TabPanel, Tabs } from 'react-aria-components';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { meetingStatusLabels, type MeetingSummary } from '../../../shared/api/meetings';
import { formatDate, formatDateWithDay } from '../../../shared/domain/dates';
import { useApi, useApiMutation } from '../../api/hooks';
import {
  Button,
  DateInput,
  ErrorNote,
  ProblemNote,
  SelectInput,
  TextInput,
  useDateCheck,
} from '../../components/forms';
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
  col.accessor((m) => m.venue || 'Not set', { id: 'venue', header: 'Venue' }),
  col.accessor((m) => m.chair ?? 'Not set', { id: 'chair', header: 'Chair' }),
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

/**
 * Meetings, upcoming or past (one list at a time, as tabs), and a new meeting's form, opened on
 * request and closed again when the clerk switches between the lists.
 */
export function MeetingsScreen() {
  const q = useApi('meeting.list', {});
  const [params, setParams] = useSearchParams();
  const list = params.get('list') === 'past' ? 'past' : 'upcoming';
  const [creating, setCreating] = useState(false);
  return (
    <div>
      <h1>Meetings</h1>
      <QueryState query={q}>
        {(d) => (
          <Tabs
            className="tabs"
            selectedKey={list}
            onSelectionChange={(k) => {
              setCreating(false);
              setParams(k === 'past' ? { list: 'past' } : {}, { replace: true });
            }}
          >
            <div className="tabs-bar">
              <TabList aria-label="Which meetings" className="tab-list">
                <Tab id="upcoming" className="tab">
                  Upcoming ({d.upcoming.length})
                </Tab>
                <Tab id="past" className="tab">
                  Past ({d.past.length})
                </Tab>
              </TabList>
              {creating ? null : (
                <Button onPress={() => setCreating(true)} aria-expanded={false}>
                  New meeting…
                </Button>
              )}
            </div>
            {creating ? <NewMeeting onClose={() => setCreating(false)} /> : null}
            <TabPanel id="upcoming" className="tab-panel">
              <MeetingTable rows={d.upcoming} caption="Upcoming meetings" />
            </TabPanel>
            <TabPanel id="past" className="tab-panel">
              <MeetingTable rows={d.past} caption="Past meetings" />
            </TabPanel>
          </Tabs>
        )}
      </QueryState>
    </div>
  );
}

function NewMeeting({ onClose }: { onClose: () => void }) {
  const board = useApi('board.get', {});
  const info = useApi('app.info', {});
  const [date, setDate] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const dateCheck = useDateCheck(date, info.data?.today, { pastYears: 1, futureYears: 3 }, () =>
    setProblem(null),
  );
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
    const far = dateCheck.problem('Date');
    setProblem(far);
    if (far) return;
    create.mutate(
      { date, startTime: time, venue, chairMemberId: chair === 'none' ? null : Number(chair), type, from },
      { onSuccess: (r) => navigate(`/meetings/${r.id}`) },
    );
  };
  return (
    <section aria-labelledby="new-h" className="card new-meeting">
      <h2 id="new-h">New meeting</h2>
      <form noValidate onSubmit={submit}>
        <div className="form-grid">
          <DateInput
            label="Date"
            value={date}
            onChange={(v) => {
              setDate(v);
              setProblem(null);
            }}
            error={issue('date')}
            check={dateCheck}
            autoFocus
          />
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
        </div>
        <ProblemNote problem={problem} />
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
          values={{ date, startTime: time, venue }}
        />
        <div className="toolbar">
          <Button type="submit" isDisabled={create.isPending}>
            Create meeting
          </Button>
          <Button variant="secondary" onPress={onClose}>
            Cancel
          </Button>
        </div>
      </form>
    </section>
  );
}
