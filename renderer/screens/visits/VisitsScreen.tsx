import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { settingKindLabels, settingKinds, type SettingKind, type Visit } from '../../../shared/api/visits';
import { formatDate, formatDateWithDay } from '../../../shared/domain/dates';
import { actionStatusLabel } from '../../../shared/domain/overdue';
import { useApi, useApiMutation } from '../../api/hooks';
import { ConfirmDelete } from '../../components/bin';
import {
  Button,
  DateInput,
  ErrorNote,
  issueOf,
  NativeSelect,
  ProblemNote,
  TextAreaInput,
  TextInput,
} from '../../components/forms';
import { QueryState } from '../../components/QueryState';

type Lists = { members: { id: number; name: string }[]; meetings: { id: number; date: string }[] };

const urgencies = [
  { id: 'high', label: 'High' },
  { id: 'medium', label: 'Medium' },
  { id: 'low', label: 'Low' },
] as const;

/**
 * Member visits: elected members' visits to children's homes and other settings (e.g. Regulation
 * 44-style visits), what they found, the follow-up actions (in the action log too), and reporting
 * them to the Board under one agenda item. Settings are named, children never.
 */
export function VisitsScreen() {
  const q = useApi('visit.list', {});
  const [adding, setAdding] = useState(false);
  return (
    <div className="visits-screen">
      <h1>Member visits</h1>
      <p className="muted">
        Visits by members to the council’s children’s homes and other settings: who went, where, when and what
        they found. Name the setting, never a child. Follow-up actions join the action log; visits are
        reported to the Board on a meeting’s agenda and summarised in the annual report.
      </p>
      <QueryState query={q}>
        {(d) => (
          <>
            {adding ? (
              <VisitForm lists={d} visit={null} onDone={() => setAdding(false)} />
            ) : (
              <Button onPress={() => setAdding(true)}>Record a visit</Button>
            )}
            <ReportToBoard visits={d.visits} meetings={d.meetings} />
            <section aria-labelledby="visits-h">
              <h2 id="visits-h">Visits ({d.visits.length})</h2>
              {d.visits.length === 0 ? <p>No visits have been recorded yet.</p> : null}
              {d.visits.map((v) => (
                <VisitCard key={v.id} v={v} lists={d} />
              ))}
            </section>
          </>
        )}
      </QueryState>
    </div>
  );
}

function VisitCard({ v, lists }: { v: Visit; lists: Lists }) {
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [addingAction, setAddingAction] = useState(false);
  if (editing) return <VisitForm lists={lists} visit={v} onDone={() => setEditing(false)} />;
  const heading = `${v.setting}, ${formatDate(v.date)}`;
  return (
    <article className="card visit" aria-labelledby={`visit-${v.id}`} data-testid={`visit-${v.id}`}>
      <h3 id={`visit-${v.id}`}>{heading}</h3>
      <p className="muted">
        {settingKindLabels[v.settingKind]} · {v.announced ? 'Announced' : 'Unannounced'} visit by{' '}
        {v.members.map((m) => m.name).join(', ')}
      </p>
      <h4>Findings</h4>
      <p className="preserve-lines">{v.findings || 'No findings recorded.'}</p>
      <p>
        {v.reportedAt ? (
          <>
            Reported to the Board at the{' '}
            <Link to={`/meetings/${v.reportedAt.meetingId}`}>
              meeting on {formatDate(v.reportedAt.meetingDate)}
            </Link>
            , item {v.reportedAt.position}.
          </>
        ) : (
          'Not yet reported to the Board.'
        )}
      </p>
      <h4>Follow-up actions</h4>
      {v.actions.length === 0 ? <p className="muted">None.</p> : null}
      <ul className="plain">
        {v.actions.map((a) => (
          <li key={a.id}>
            <Link to={`/actions?focus=${a.id}`}>{a.description}</Link> — {a.owner || 'no owner'}
            {a.dueDate ? `, due ${formatDate(a.dueDate)}` : ''} ({actionStatusLabel(a.status, a.overdue)})
          </li>
        ))}
      </ul>
      {addingAction ? (
        <VisitActionForm visit={v} members={lists.members} onDone={() => setAddingAction(false)} />
      ) : null}
      <div className="toolbar">
        {!addingAction ? (
          <Button variant="secondary" size="small" onPress={() => setAddingAction(true)}>
            Add a follow-up action
          </Button>
        ) : null}
        <Button
          variant="secondary"
          size="small"
          aria-label={`Change the visit to ${heading}`}
          onPress={() => setEditing(true)}
        >
          Change
        </Button>
        <Button
          variant="secondary"
          size="small"
          aria-label={`Delete the visit to ${heading}`}
          onPress={() => setDeleting(true)}
        >
          Delete
        </Button>
      </div>
      {deleting ? (
        <ConfirmDelete
          isOpen
          onClose={() => setDeleting(false)}
          method="visit.delete"
          input={{ id: v.id }}
          kind="visit"
          recordId={v.id}
          what={`the visit to ${heading}`}
          detail="Its follow-up actions stay in the action log."
          action="Delete the visit"
        />
      ) : null}
    </article>
  );
}

function VisitForm({ lists, visit, onDone }: { lists: Lists; visit: Visit | null; onDone: () => void }) {
  const create = useApiMutation('visit.create');
  const update = useApiMutation('visit.update');
  const [date, setDate] = useState(visit?.date ?? '');
  const [setting, setSetting] = useState(visit?.setting ?? '');
  const [kind, setKind] = useState<SettingKind>(visit?.settingKind ?? 'childrens_home');
  const [unannounced, setUnannounced] = useState(visit ? !visit.announced : false);
  const [who, setWho] = useState<Set<number>>(new Set(visit?.members.map((m) => m.id) ?? []));
  const [findings, setFindings] = useState(visit?.findings ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const error = create.error ?? update.error;
  // Members who made the visit stay choosable even if no longer active.
  const members = [
    ...lists.members,
    ...(visit?.members.filter((m) => !lists.members.some((x) => x.id === m.id)) ?? []),
  ];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (who.size === 0) return setProblem('Visited by: tick at least one member who made the visit');
    setProblem(null);
    const fields = {
      date,
      setting,
      settingKind: kind,
      announced: !unannounced,
      findings,
      memberIds: [...who],
    };
    if (visit)
      update.mutate({ id: visit.id, ...fields, baseRevision: visit.revision }, { onSuccess: onDone });
    else create.mutate(fields, { onSuccess: onDone });
  };
  return (
    <form
      className="card inline-form visit-form"
      aria-label={visit ? `Change the visit to ${visit.setting}` : 'Record a visit'}
      onSubmit={submit}
      onKeyDown={(e) => e.key === 'Escape' && onDone()}
    >
      <h2>{visit ? 'Change the visit' : 'Record a visit'}</h2>
      <div className="form-row">
        <DateInput
          label="Date of the visit"
          value={date}
          onChange={setDate}
          error={issueOf(error, 'date')}
          autoFocus
        />
        <TextInput
          label="Setting"
          description="The home’s or service’s name — never a child’s"
          value={setting}
          onChange={setSetting}
          error={issueOf(error, 'setting')}
        />
        <NativeSelect
          label="Kind of setting"
          value={kind}
          onChange={(v) => setKind(v as SettingKind)}
          options={settingKinds.map((k) => ({ id: k, label: settingKindLabels[k] }))}
        />
      </div>
      <div className="field">
        <label className="inline-check">
          <input type="checkbox" checked={unannounced} onChange={(e) => setUnannounced(e.target.checked)} />{' '}
          Unannounced visit
        </label>
      </div>
      <fieldset className="member-checks">
        <legend>Visited by</legend>
        {members.map((m) => (
          <label key={m.id} className="inline-check">
            <input
              type="checkbox"
              checked={who.has(m.id)}
              onChange={(e) => {
                const next = new Set(who);
                if (e.target.checked) next.add(m.id);
                else next.delete(m.id);
                setWho(next);
              }}
            />{' '}
            {m.name}
          </label>
        ))}
      </fieldset>
      <TextAreaInput
        label="Findings"
        description="What members saw and heard: the home’s strengths, concerns, what young people said (without names)."
        rows={5}
        value={findings}
        onChange={setFindings}
        error={issueOf(error, 'findings')}
      />
      <ProblemNote problem={problem} />
      <ErrorNote
        error={error}
        labels={{ date: 'Date of the visit', memberIds: 'Visited by', setting: 'Setting' }}
      />
      <div className="toolbar">
        <Button type="submit" isDisabled={create.isPending || update.isPending}>
          {visit ? 'Save the visit' : 'Record the visit'}
        </Button>
        <Button variant="secondary" onPress={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

function VisitActionForm({
  visit,
  members,
  onDone,
}: {
  visit: Visit;
  members: Lists['members'];
  onDone: () => void;
}) {
  const add = useApiMutation('visit.addAction');
  const [description, setDescription] = useState('');
  const [owner, setOwner] = useState('');
  const [ownerName, setOwnerName] = useState('');
  const [due, setDue] = useState('');
  const [urgency, setUrgency] = useState<'high' | 'medium' | 'low'>('medium');
  const [problem, setProblem] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (owner === '') return setProblem('Owner: choose a member, or “Someone else” and type a name');
    setProblem(null);
    add.mutate(
      {
        visitId: visit.id,
        description,
        ownerMemberId: owner === 'other' ? null : Number(owner),
        ownerName: owner === 'other' ? ownerName : '',
        dueDate: due === '' ? null : due,
        urgency,
      },
      { onSuccess: onDone },
    );
  };
  return (
    <form
      className="inline-form"
      aria-label={`Add a follow-up action from the visit to ${visit.setting}`}
      onSubmit={submit}
      onKeyDown={(e) => e.key === 'Escape' && onDone()}
    >
      <TextInput label="Action" autoFocus value={description} onChange={setDescription} />
      <div className="form-row">
        <NativeSelect
          label="Owner"
          value={owner}
          onChange={setOwner}
          placeholder="Choose…"
          options={[
            ...members.map((m) => ({ id: String(m.id), label: m.name })),
            { id: 'other', label: 'Someone else (type a name)' },
          ]}
        />
        {owner === 'other' ? (
          <TextInput label="Owner’s name or team" value={ownerName} onChange={setOwnerName} />
        ) : null}
        <DateInput label="Due date" value={due} onChange={setDue} error={issueOf(add.error, 'dueDate')} />
        <NativeSelect
          label="Priority"
          value={urgency}
          onChange={(v) => setUrgency(v as typeof urgency)}
          options={urgencies}
        />
      </div>
      <ProblemNote problem={problem} />
      <ErrorNote
        error={add.error}
        labels={{ description: 'Action', dueDate: 'Due date', ownerName: 'Owner' }}
      />
      <div className="toolbar">
        <Button type="submit" size="small" isDisabled={add.isPending}>
          Add the action
        </Button>
        <Button variant="secondary" size="small" onPress={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

/** Choose visits not yet reported and a meeting that has not started: they go on its agenda under one item. */
function ReportToBoard({ visits, meetings }: { visits: Visit[]; meetings: Lists['meetings'] }) {
  const report = useApiMutation('visit.reportAt');
  const waiting = visits.filter((v) => v.reportedAt === null);
  const [chosen, setChosen] = useState<Set<number>>(new Set());
  const [meetingId, setMeetingId] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<{ meetingId: number; text: string } | null>(null);
  if (waiting.length === 0 && !done) return null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (chosen.size === 0) return setProblem('Visits: tick the visits to report');
    if (meetingId === '') return setProblem('Meeting: choose the meeting to report them at');
    setProblem(null);
    const m = meetings.find((x) => String(x.id) === meetingId)!;
    report.mutate(
      { meetingId: m.id, visitIds: [...chosen] },
      {
        onSuccess: (r) => {
          setDone({
            meetingId: m.id,
            text: `${chosen.size} ${chosen.size === 1 ? 'visit' : 'visits'} ${r.added ? 'added to a new “Member visits” item' : 'added to the “Member visits” item'} on the agenda of ${formatDateWithDay(m.date)}.`,
          });
          setChosen(new Set());
        },
      },
    );
  };
  return (
    <section aria-labelledby="report-visits-h" className="card edit-control">
      <h2 id="report-visits-h">Report visits to the Board</h2>
      {waiting.length ? (
        <form onSubmit={submit} aria-label="Report visits to the Board">
          <fieldset className="member-checks">
            <legend>Visits not yet reported</legend>
            {waiting.map((v) => (
              <label key={v.id} className="inline-check">
                <input
                  type="checkbox"
                  checked={chosen.has(v.id)}
                  onChange={(e) => {
                    const next = new Set(chosen);
                    if (e.target.checked) next.add(v.id);
                    else next.delete(v.id);
                    setChosen(next);
                  }}
                />{' '}
                {v.setting}, {formatDate(v.date)}
              </label>
            ))}
          </fieldset>
          <NativeSelect
            label="Meeting"
            value={meetingId}
            onChange={setMeetingId}
            placeholder={meetings.length ? 'Choose…' : 'No meeting has a draft or published agenda'}
            options={meetings.map((m) => ({ id: String(m.id), label: formatDateWithDay(m.date) }))}
          />
          <ProblemNote problem={problem} />
          <ErrorNote error={report.error} />
          <Button type="submit" variant="secondary" isDisabled={report.isPending}>
            Put them on the agenda
          </Button>
        </form>
      ) : null}
      <p role="status">
        {done ? (
          <>
            {done.text} <Link to={`/meetings/${done.meetingId}`}>Open the agenda</Link>
          </>
        ) : null}
      </p>
    </section>
  );
}
