import { History } from '../audit/History';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { itemKinds, meetingStatusLabels, type ItemKind } from '../../../shared/api/meetings';
import { formatDate, formatTimestamp } from '../../../shared/domain/dates';
import { useApi, useApiMutation } from '../../api/hooks';
import {
  Button,
  DateInput,
  ErrorNote,
  ProblemNote,
  SelectInput,
  TextAreaInput,
  TextInput,
  useDateCheck,
} from '../../components/forms';
import { QueryState } from '../../components/QueryState';
import { ConfirmDelete } from '../../components/bin';
import { useUnsavedGuard } from '../../components/unsaved';
import { AgendaList } from './AgendaList';
import { ItemEditor } from './ItemEditor';
import { MeetingCoverage } from './MeetingCoverage';
import { MeetingSnapshot } from './MeetingSnapshot';
import { useFreezeBeforeStart } from './live/FreezeBeforeStart';
import { MinutesView } from './MinutesView';
import { PaperLink } from './Papers';
import { ItemActions, ItemDecisions } from './live/ItemOutcomes';
import {
  Actions,
  ApprovedNote,
  Decisions,
  isEditable,
  meetingTitle,
  minutesOpen,
  type Meeting,
} from './parts';
import { declarationNote, presenceLines } from './record-words';

export function MeetingScreen() {
  const { id } = useParams();
  const q = useApi('meeting.get', { id: Number(id) });
  return <QueryState query={q}>{(m) => <MeetingPage m={m} />}</QueryState>;
}

function MeetingPage({ m }: { m: Meeting }) {
  const editable = isEditable(m);
  const hasRecord =
    m.status === 'in_progress' || m.status === 'minutes_draft' || m.status === 'minutes_approved';
  return (
    <div className="meeting-page">
      <p>
        <Link to="/meetings">← All meetings</Link>
      </p>
      <h1>{meetingTitle(m)}</h1>
      <p>
        <span className="status-badge" data-testid="meeting-status">
          {meetingStatusLabels[m.status]}
        </span>{' '}
        · {m.startTime} · {m.venue || 'No venue set'}
        {m.chair ? ` · Chair: ${m.chair}` : ''}
      </p>
      <ApprovedNote m={m} />
      {editable ? <Lifecycle m={m} /> : null}
      {editable ? <Details m={m} /> : null}
      {editable ? <AgendaBuilder m={m} /> : null}
      <MeetingSnapshot meetingId={m.id} locked={m.status === 'minutes_approved'} />
      <MeetingCoverage meetingId={m.id} />
      {hasRecord ? <Record m={m} /> : null}
      {m.status === 'minutes_approved' ? <Amendments m={m} /> : null}
      <History entity="meeting" id={m.id} what="this meeting" />
    </div>
  );
}

function Lifecycle({ m }: { m: Meeting }) {
  const set = useApiMutation('meeting.setStatus');
  const [confirmDelete, setConfirmDelete] = useState(false);
  const navigate = useNavigate();
  const freezeGate = useFreezeBeforeStart(m);
  // Before the meeting's day, starting it is an early start: the reason shown is sent and recorded.
  const early = m.status === 'agenda_published' && m.today < m.date;
  const [earlyReason, setEarlyReason] = useState('Started before its scheduled day');
  const move = (status: Meeting['status'], then?: () => void) =>
    set.mutate(
      { id: m.id, status, ...(status === 'in_progress' && early ? { early: { reason: earlyReason } } : {}) },
      { onSuccess: then },
    );
  const start = async () =>
    (await freezeGate.confirmStart()) && move('in_progress', () => navigate(`/meetings/${m.id}/live`));
  return (
    <section aria-labelledby="lifecycle-h" className="lifecycle">
      <h2 id="lifecycle-h" className="visually-hidden">
        Meeting status
      </h2>
      <div className="toolbar">
        {m.status === 'draft' ? (
          <Button onPress={() => move('agenda_published')}>Publish the agenda</Button>
        ) : null}
        {m.status === 'agenda_published' ? (
          <>
            <Button onPress={() => void start()}>Start the meeting</Button>
            <Button variant="secondary" onPress={() => move('draft')}>
              Back to draft agenda
            </Button>
          </>
        ) : null}
        {m.status === 'in_progress' || m.status === 'minutes_draft' ? (
          <Link className="button" to={`/meetings/${m.id}/live`}>
            {m.status === 'in_progress' ? 'Open live meeting mode' : 'Correct the draft minutes (live mode)'}
          </Link>
        ) : null}
        {m.status === 'agenda_published' ? (
          <Link className="button secondary" to={`/meetings/${m.id}/live`}>
            Open live meeting mode
          </Link>
        ) : null}
        {m.status === 'draft' || m.status === 'agenda_published' ? (
          <Button variant="danger" onPress={() => setConfirmDelete(true)}>
            Delete this meeting
          </Button>
        ) : null}
      </div>
      <ConfirmDelete
        isOpen={confirmDelete}
        onClose={() => setConfirmDelete(false)}
        method="meeting.delete"
        input={{ id: m.id }}
        kind="meeting"
        recordId={m.id}
        what={`the meeting of ${formatDate(m.date)}`}
        detail={`Its ${m.items.length === 1 ? 'agenda item goes' : `${m.items.length} agenda items go`} with it, with their minutes, decisions and actions.`}
        action="Delete the meeting"
        onDeleted={() => void navigate('/meetings')}
        backTo={(id) => `/meetings/${id}`}
      />
      {early ? (
        <div className="early-start">
          <p>
            This meeting is dated {formatDate(m.date)}. Starting it before then is recorded in the minutes as
            an early start, with this reason.
          </p>
          <TextInput label="Reason for starting early" value={earlyReason} onChange={setEarlyReason} />
        </div>
      ) : null}
      {m.earlyStartReason ? <p>Started before its scheduled day: {m.earlyStartReason}</p> : null}
      <ErrorNote error={set.error} />
      {freezeGate.dialog}
    </section>
  );
}

function Details({ m }: { m: Meeting }) {
  const [date, setDate] = useState(m.date);
  const [time, setTime] = useState(m.startTime);
  const [venue, setVenue] = useState(m.venue);
  const [chair, setChair] = useState(m.chairMemberId === null ? 'none' : String(m.chairMemberId));
  const [type, setType] = useState<'ordinary' | 'extraordinary'>(m.type);
  const update = useApiMutation('meeting.update');
  const [saved, setSaved] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const dateCheck = useDateCheck(date === m.date ? '' : date, m.today, { pastYears: 1, futureYears: 3 }, () =>
    setProblem(null),
  );
  const issue = (f: string) =>
    (update.error as { issues?: { path: string; message: string }[] } | null)?.issues?.find(
      (i) => i.path === f,
    )?.message;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const far = dateCheck.problem('Date');
    setProblem(far);
    if (far) return;
    update.mutate(
      {
        id: m.id,
        date,
        startTime: time,
        venue,
        chairMemberId: chair === 'none' ? null : Number(chair),
        type,
      },
      { onSuccess: () => setSaved(true) },
    );
  };
  return (
    <details className="card details-card">
      <summary>Date, time, venue, chair and type</summary>
      <form noValidate onSubmit={submit}>
        <DateInput
          label="Date"
          value={date}
          onChange={(v) => {
            setDate(v);
            setProblem(null);
          }}
          error={issue('date')}
          check={dateCheck}
        />
        <TextInput
          label="Start time"
          description="24-hour, e.g. 10:00"
          value={time}
          onChange={setTime}
          error={issue('startTime')}
        />
        <TextInput label="Venue" value={venue} onChange={setVenue} />
        <SelectInput
          label="Chair"
          value={chair}
          onChange={setChair}
          options={[
            { id: 'none', label: 'Not set' },
            ...m.members.map((mb) => ({ id: String(mb.id), label: mb.name })),
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
        <ProblemNote problem={problem} />
        <ErrorNote
          error={update.error}
          labels={{
            date: 'Date',
            startTime: 'Start time',
            venue: 'Venue',
            chairMemberId: 'Chair',
            type: 'Type',
          }}
          values={{ date, startTime: time, venue }}
        />
        {saved ? (
          <p role="status" className="ok-note">
            Saved.
          </p>
        ) : null}
        <Button type="submit">Save details</Button>
      </form>
    </details>
  );
}

const kindLabels: Record<ItemKind, string> = {
  welcome: 'Welcome and apologies',
  declarations: 'Declarations of interest',
  minutes: 'Minutes of the last meeting',
  action_log: 'Action log',
  voice: 'Voice of the child',
  scorecard: 'Performance scorecard',
  priority: 'Priority item',
  aob: 'Any other business',
  next_meeting: 'Date of next meeting',
  other: 'Other item',
};

function AgendaBuilder({ m }: { m: Meeting }) {
  const [selected, setSelected] = useState<number | null>(m.items[0]?.id ?? null);
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<ItemKind>('priority');
  const reorder = useApiMutation('item.reorder');
  const add = useApiMutation('item.add');
  const [order, setOrder] = useState<number[] | null>(null);
  // Show the new order at once, and keep showing it until the board's order is the same: moves
  // made back to back (Alt+↓ Alt+↓) each start from the one before, never from a stale refetch.
  const serverOrder = m.items.map((i) => i.id).join(',');
  if (order && order.join(',') === serverOrder) setOrder(null);
  const items =
    order && order.length === m.items.length && order.every((id) => m.items.some((i) => i.id === id))
      ? order.map((id) => m.items.find((i) => i.id === id)!)
      : m.items;
  const item = m.items.find((i) => i.id === selected) ?? null;
  const [itemDirty, setItemDirty] = useState(false);
  const { guard, dialog } = useUnsavedGuard(itemDirty, item ? `Item ${item.position}` : 'This item');
  return (
    <section aria-labelledby="agenda-h" className="agenda-builder">
      {dialog}
      <h2 id="agenda-h">Agenda</h2>
      <p className="hint">
        Select an item to edit it. To move an item, drag its handle; or press Alt+↑ or Alt+↓ on it; or Tab to
        its handle, press Enter, use the arrow keys and press Enter to drop it (Escape cancels).
      </p>
      <div className="builder-grid">
        <div>
          <AgendaList
            items={items.map((it, i) => ({ ...it, position: i + 1 }))}
            selectedId={selected}
            onSelect={(id) => (id === selected ? undefined : guard(() => setSelected(id)))}
            onReorder={(ids) => {
              setOrder(ids);
              reorder.mutate({ meetingId: m.id, itemIds: ids }, { onError: () => setOrder(null) });
            }}
          />
          <ErrorNote error={reorder.error} />
          <form
            noValidate
            className="add-item"
            onSubmit={(e) => {
              e.preventDefault();
              add.mutate(
                { meetingId: m.id, title, kind, afterPosition: null },
                {
                  onSuccess: (r) => {
                    setTitle('');
                    guard(() => setSelected(r.id));
                  },
                },
              );
            }}
          >
            <h3>Add an item</h3>
            <TextInput label="Title" value={title} onChange={setTitle} />
            <SelectInput
              label="Kind"
              value={kind}
              onChange={setKind}
              options={itemKinds.map((k) => ({ id: k, label: kindLabels[k] }))}
            />
            <ErrorNote error={add.error} labels={{ title: 'Title', kind: 'Kind' }} values={{ title }} />
            <Button type="submit">Add item</Button>
          </form>
        </div>
        <div>
          {item ? (
            <ItemEditor
              key={item.id}
              m={m}
              item={item}
              onRemoved={() => setSelected(null)}
              onDirtyChange={setItemDirty}
            />
          ) : (
            <p>Select an item to edit it.</p>
          )}
        </div>
      </div>
    </section>
  );
}

/** The record of the meeting: attendance, declarations and, per item, minutes, decisions and actions. */
function Record({ m }: { m: Meeting }) {
  const byId = new Map(m.members.map((mb) => [mb.id, mb.name]));
  const groups = (['present', 'substitute', 'apologies', 'absent'] as const).map((s) => ({
    s,
    names: m.attendance
      .filter((a) => a.status === s)
      .map(
        (a) =>
          `${byId.get(a.memberId) ?? '?'}${a.substituteForMemberId ? ` (for ${byId.get(a.substituteForMemberId) ?? '?'})` : ''}`,
      ),
  }));
  const heading = { present: 'Present', substitute: 'Substitutes', apologies: 'Apologies', absent: 'Absent' };
  return (
    <section aria-labelledby="record-h" className="record">
      <h2 id="record-h">Minutes</h2>
      <dl className="attendance-summary">
        {groups.map((g) => (
          <div key={g.s}>
            <dt>{heading[g.s]}</dt>
            <dd>{g.names.length ? g.names.join('; ') : 'None'}</dd>
          </div>
        ))}
      </dl>
      <PresenceSummary m={m} />
      {m.approvalAmendments ? (
        <p data-testid="approval-amendments">
          <strong>Approved subject to amendments:</strong> {m.approvalAmendments}
        </p>
      ) : null}
      <h3>Declarations of interest</h3>
      {m.declarations.length === 0 ? (
        <p>None.</p>
      ) : (
        <ul>
          {m.declarations.map((d) => (
            <li key={d.id}>
              {d.member}
              {d.itemPosition !== null ? ` (item ${d.itemPosition})` : ''}: {d.nature}
              {declarationNote(d) ? ` — ${declarationNote(d)}` : ''}
            </li>
          ))}
        </ul>
      )}
      {m.items.map((it) => (
        <article key={it.id} className="minute-item" aria-labelledby={`minute-${it.id}`}>
          <h3 id={`minute-${it.id}`}>
            {it.position}. {it.title}
            {it.exempt ? (
              <span className="badge">
                {' '}
                Part B — exempt{it.exemptParagraph ? `, paragraph ${it.exemptParagraph}` : ''}
              </span>
            ) : null}
          </h3>
          {it.papers.length ? (
            <p className="papers-line">
              Papers:{' '}
              {it.papers.map((p, i) => (
                <span key={i}>
                  <PaperLink paper={p} />
                  {i < it.papers.length - 1 ? '; ' : ''}
                </span>
              ))}
            </p>
          ) : null}
          <MinutesView doc={it.minutesDoc} />
          {minutesOpen(m) ? (
            // Until the minutes are approved, what was recorded can be put right here too.
            <>
              <ItemDecisions item={it} editable />
              <ItemActions m={m} item={it} editable />
            </>
          ) : (
            <>
              <Decisions item={it} />
              <Actions item={it} />
            </>
          )}
          {m.amendments
            .filter((a) => a.itemId === it.id)
            .map((a) => (
              <p key={a.id} className="amendment-inline">
                <strong>Amendment</strong> ({formatTimestamp(a.createdAt)}, {a.author}): {a.text}
              </p>
            ))}
        </article>
      ))}
    </section>
  );
}

/** Remote attendance, late arrivals and early departures, as recorded in live mode. */
function PresenceSummary({ m }: { m: Meeting }) {
  const lines = presenceLines(m);
  if (!lines.length) return null;
  return (
    <ul className="plain" data-testid="presence-summary">
      {lines.map((l) => (
        <li key={l}>{l}.</li>
      ))}
    </ul>
  );
}

function Amendments({ m }: { m: Meeting }) {
  const [text, setText] = useState('');
  const [itemId, setItemId] = useState('none');
  const amend = useApiMutation('minutes.amend');
  const [saved, setSaved] = useState(false);
  return (
    <section aria-labelledby="amend-h" className="amendments">
      <h2 id="amend-h">Amendments</h2>
      {m.amendments.length === 0 ? (
        <p>No amendments have been recorded.</p>
      ) : (
        <ol data-testid="amendments">
          {m.amendments.map((a) => (
            <li key={a.id}>
              {a.text}{' '}
              <span className="muted">
                — {a.author}, {formatTimestamp(a.createdAt)}
                {a.itemTitle ? `, on “${a.itemTitle}”` : ''}
              </span>
            </li>
          ))}
        </ol>
      )}
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setSaved(false);
          amend.mutate(
            { meetingId: m.id, itemId: itemId === 'none' ? null : Number(itemId), text },
            {
              onSuccess: () => {
                setText('');
                setSaved(true);
              },
            },
          );
        }}
      >
        <h3>Record an amendment</h3>
        <p className="hint">
          The approved minutes of {formatDate(m.date)} stay as they were; the correction is recorded beside
          them with who and when.
        </p>
        <SelectInput
          label="Agenda item"
          value={itemId}
          onChange={setItemId}
          options={[
            { id: 'none', label: 'The minutes as a whole' },
            ...m.items.map((i) => ({ id: String(i.id), label: `${i.position}. ${i.title}` })),
          ]}
        />
        <TextAreaInput label="Correction" value={text} onChange={setText} />
        <ErrorNote
          error={amend.error}
          labels={{ text: 'Correction', itemId: 'Agenda item' }}
          values={{ text }}
        />
        {saved ? (
          <p role="status" className="ok-note">
            Amendment recorded.
          </p>
        ) : null}
        <Button type="submit">Record amendment</Button>
      </form>
    </section>
  );
}
