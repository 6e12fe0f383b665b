import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import {
  attendanceLabels,
  meetingQuorum,
  meetingStatusLabels,
  purposeLabels,
} from '../../../shared/api/meetings';
import { formatDate, formatDateWithDay, parseUkDate, ukDateError } from '../../../shared/domain/dates';
import { roleLabel } from '../../../shared/domain/quorum';
import { useApi, useApiMutation } from '../../api/hooks';
import { DateInput, DialogBox, ErrorNote } from '../../components/forms';
import { QueryState } from '../../components/QueryState';
import { MattersArising } from '../actions/MattersArising';
import { MinutesEditor, type MinutesEditorHandle } from './MinutesEditor';
import { MinutesView } from './MinutesView';
import { Actions, ApprovedNote, Decisions, minutesOpen, type Item, type Meeting } from './parts';

const shortcuts: [string, string][] = [
  ['Alt+R', 'Attendance'],
  ['Alt+I', 'Declarations of interest'],
  ['Alt+M', 'Minutes of the current item'],
  ['Alt+D', 'Add a decision'],
  ['Alt+A', 'Add an action'],
  ['Ctrl+. or Alt+→', 'Next item'],
  ['Ctrl+, or Alt+←', 'Previous item'],
  ['Alt+P', 'Approve the last meeting’s minutes (on the minutes item)'],
  ['Alt+S / Alt+E', 'Start / end the meeting'],
  ['Ctrl+B, Ctrl+I', 'Bold, italic'],
  ['Ctrl+Shift+8, Ctrl+Shift+7', 'Bulleted, numbered list (or type “- ” or “1. ”)'],
  ['Escape', 'Close a form'],
];

export function LiveMeetingScreen() {
  const { id } = useParams();
  const q = useApi('meeting.get', { id: Number(id) });
  const [params] = useSearchParams();
  // A link to an item wins; otherwise the clerk comes back to the item they were on.
  // Read once: the stored place changes as the clerk moves, and must not remount the screen.
  const [storedItem] = useState(() => Number(sessionStorage.getItem(placeKey(Number(id), 'item'))));
  const itemId = Number(params.get('item')) || storedItem;
  return (
    <QueryState query={q}>
      {(m) => (
        <Live
          key={`${m.id}:${itemId}`}
          m={m}
          startIndex={Math.max(
            0,
            m.items.findIndex((i) => i.id === itemId),
          )}
        />
      )}
    </QueryState>
  );
}

/** Where the clerk was in this meeting (item, timers), kept for the browser tab's life so a reload loses nothing. */
const placeKey = (meetingId: number, what: 'item' | 'timers') => `cpb-live-${meetingId}-${what}`;

function storedTimers(meetingId: number): Record<number, number> {
  try {
    const v = JSON.parse(sessionStorage.getItem(placeKey(meetingId, 'timers')) ?? '{}') as unknown;
    return v && typeof v === 'object' ? (v as Record<number, number>) : {};
  } catch {
    return {};
  }
}

const mmss = (s: number) => `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;

function Live({ m, startIndex }: { m: Meeting; startIndex: number }) {
  const [index, setIndex] = useState(startIndex);
  const [form, setForm] = useState<'none' | 'decision' | 'action'>('none');
  // The form open now, for a deferred focus to check: it must never pull focus out of a new form.
  const formNow = useRef(form);
  formNow.current = form;
  const [approveOpen, setApproveOpen] = useState(false);
  const [elapsed, setElapsed] = useState<Record<number, number>>(() => storedTimers(m.id));
  const editorRef = useRef<MinutesEditorHandle>(null);
  const latest = useRef(new Map<number, Record<string, unknown>>());
  const attendanceRef = useRef<HTMLDivElement>(null);
  const declRef = useRef<HTMLSelectElement>(null);
  const focusEditorNext = useRef(false);
  const status = useApiMutation('meeting.setStatus');
  const editable = minutesOpen(m);
  const item: Item | undefined = m.items[Math.min(index, m.items.length - 1)];
  useEffect(() => {
    if (item) sessionStorage.setItem(placeKey(m.id, 'item'), String(item.id));
  }, [m.id, item]);
  useEffect(() => {
    sessionStorage.setItem(placeKey(m.id, 'timers'), JSON.stringify(elapsed));
  }, [m.id, elapsed]);
  const canApprove = item?.kind === 'minutes' && editable && m.previousMeeting?.status === 'minutes_draft';

  const go = useCallback(
    async (delta: number) => {
      await editorRef.current?.flush();
      setForm('none');
      focusEditorNext.current = true;
      setIndex((i) => Math.max(0, Math.min(m.items.length - 1, i + delta)));
    },
    [m.items.length],
  );
  const jump = async (i: number) => {
    await editorRef.current?.flush();
    setForm('none');
    focusEditorNext.current = true;
    setIndex(i);
  };

  useEffect(() => {
    if (!focusEditorNext.current) return;
    focusEditorNext.current = false;
    const t = setTimeout(
      () =>
        editorRef.current ? editorRef.current.focus() : document.getElementById('current-item')?.focus(),
      0,
    );
    return () => clearTimeout(t);
  }, [index]);

  const setMeetingStatus = useCallback(
    async (to: 'in_progress' | 'minutes_draft') => {
      await editorRef.current?.flush();
      status.mutate(
        { id: m.id, status: to },
        {
          onSuccess: () =>
            void (
              to === 'in_progress' &&
              setTimeout(() => attendanceRef.current?.querySelector('select')?.focus(), 50)
            ),
        },
      );
    },
    [m.id, status],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (approveOpen) return;
      const plainAlt = e.altKey && !e.ctrlKey && !e.metaKey && !e.shiftKey;
      const ctrl = (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey;
      let handled = true;
      if ((plainAlt && e.code === 'ArrowRight') || (ctrl && e.key === '.')) void go(1);
      else if ((plainAlt && e.code === 'ArrowLeft') || (ctrl && e.key === ',')) void go(-1);
      else if (plainAlt && e.code === 'KeyD' && editable) setForm('decision');
      else if (plainAlt && e.code === 'KeyA' && editable) setForm('action');
      else if (plainAlt && e.code === 'KeyM') editorRef.current?.focus();
      else if (plainAlt && e.code === 'KeyR') attendanceRef.current?.querySelector('select')?.focus();
      else if (plainAlt && e.code === 'KeyI') declRef.current?.focus();
      else if (plainAlt && e.code === 'KeyP' && canApprove) setApproveOpen(true);
      else if (
        plainAlt &&
        e.code === 'KeyS' &&
        (m.status === 'agenda_published' || m.status === 'minutes_draft')
      )
        void setMeetingStatus('in_progress');
      else if (plainAlt && e.code === 'KeyE' && m.status === 'in_progress')
        void setMeetingStatus('minutes_draft');
      else handled = false;
      if (handled) {
        e.preventDefault();
        e.stopPropagation();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [go, editable, canApprove, approveOpen, m.status, setMeetingStatus]);

  useEffect(() => {
    if (m.status !== 'in_progress' || !item) return;
    const t = setInterval(() => setElapsed((e) => ({ ...e, [item.id]: (e[item.id] ?? 0) + 1 })), 1000);
    return () => clearInterval(t);
  }, [item, m.status]);

  const closeForm = () => {
    setForm('none');
    formNow.current = 'none';
    setTimeout(() => formNow.current === 'none' && editorRef.current?.focus(), 0);
  };

  return (
    <div className="live">
      <header className="live-head">
        <h1>Live meeting: {formatDateWithDay(m.date)}</h1>
        <p>
          <span className="status-badge" data-testid="meeting-status">
            {meetingStatusLabels[m.status]}
          </span>{' '}
          · {m.startTime} · {m.venue || 'No venue set'}
          {m.chair ? ` · Chair: ${m.chair}` : ''} · <Link to={`/meetings/${m.id}`}>Agenda and details</Link>
        </p>
        <ApprovedNote m={m} />
        {m.status === 'draft' ? <p>Publish the agenda before starting the meeting.</p> : null}
        {m.status === 'agenda_published' ? (
          <button type="button" onClick={() => void setMeetingStatus('in_progress')}>
            Start the meeting (Alt+S)
          </button>
        ) : null}
        {m.status === 'in_progress' ? (
          <button type="button" className="secondary" onClick={() => void setMeetingStatus('minutes_draft')}>
            End the meeting (Alt+E)
          </button>
        ) : null}
        {m.status === 'minutes_draft' ? (
          <p>
            The meeting has ended; its minutes are in draft and can still be corrected here until they are
            approved.{' '}
            <button type="button" className="secondary" onClick={() => void setMeetingStatus('in_progress')}>
              Resume the meeting (Alt+S)
            </button>
          </p>
        ) : null}
        <ErrorNote error={status.error} />
      </header>

      <div className="live-grid">
        <aside className="live-side">
          <nav aria-label="Agenda">
            <h2>Agenda</h2>
            <ol className="agenda-nav">
              {m.items.map((it, i) => (
                <li key={it.id}>
                  <button
                    type="button"
                    className={`link-button ${it === item ? 'current' : ''}`}
                    aria-current={it === item ? 'step' : undefined}
                    onClick={() => void jump(i)}
                  >
                    {it.position}. {it.title}
                    {it.exempt ? ' (Part B)' : ''}
                  </button>
                </li>
              ))}
            </ol>
          </nav>
          <Attendance
            m={m}
            editable={m.status !== 'minutes_approved' && m.status !== 'draft'}
            containerRef={attendanceRef}
          />
          <Declarations m={m} editable={editable} selectRef={declRef} />
          <section aria-labelledby="shortcuts-h" className="shortcuts">
            <h2 id="shortcuts-h">Keyboard shortcuts</h2>
            <dl>
              {shortcuts.map(([k, what]) => (
                <div key={k}>
                  <dt>
                    <kbd>{k}</kbd>
                  </dt>
                  <dd>{what}</dd>
                </div>
              ))}
            </dl>
          </section>
        </aside>

        {item ? (
          <section className="live-item" aria-labelledby="current-item" key={item.id}>
            <h2 id="current-item" tabIndex={-1}>
              Item {item.position} of {m.items.length}: {item.title}
              {item.exempt ? <span className="badge"> Part B — exempt ({item.exemptParagraph})</span> : null}
            </h2>
            <p className="muted">
              {purposeLabels[item.purpose]}
              {item.presenter ? ` · Presenter: ${item.presenter}` : ''}
            </p>
            <Timer seconds={elapsed[item.id] ?? 0} allowed={item.minutesAllowed} />
            {item.kind === 'minutes' ? (
              <Approval m={m} open={approveOpen} setOpen={setApproveOpen} canApprove={canApprove} />
            ) : null}
            <h3>Minutes</h3>
            {editable ? (
              <MinutesEditor
                key={item.id}
                ref={editorRef}
                itemId={item.id}
                label={`Minutes of item ${item.position}: ${item.title}`}
                initial={latest.current.get(item.id) ?? item.minutesDoc}
                onSaved={(doc) => latest.current.set(item.id, doc)}
              />
            ) : (
              <>
                {m.status !== 'minutes_approved' ? (
                  <p className="muted">Minutes can be typed once the meeting has started.</p>
                ) : null}
                <MinutesView doc={item.minutesDoc} />
              </>
            )}
            <h3>Decisions</h3>
            <ItemDecisions item={item} editable={editable} />
            {form === 'decision' ? <DecisionForm itemId={item.id} onDone={closeForm} /> : null}
            <h3>Actions</h3>
            <ItemActions item={item} editable={editable} />
            {form === 'action' ? <ActionForm m={m} itemId={item.id} onDone={closeForm} /> : null}
            {editable && form === 'none' ? (
              <div className="toolbar">
                <button type="button" className="secondary" onClick={() => setForm('decision')}>
                  Add decision (Alt+D)
                </button>
                <button type="button" className="secondary" onClick={() => setForm('action')}>
                  Add action (Alt+A)
                </button>
              </div>
            ) : null}
            {item.kind === 'minutes' || item.kind === 'action_log' ? (
              <MattersArising meetingId={m.id} />
            ) : null}
            <div className="toolbar">
              <button type="button" className="secondary" disabled={index === 0} onClick={() => void go(-1)}>
                ← Previous item (Ctrl+,)
              </button>
              <button type="button" disabled={index >= m.items.length - 1} onClick={() => void go(1)}>
                Next item (Ctrl+.) →
              </button>
            </div>
          </section>
        ) : (
          <p>This meeting has no agenda items yet.</p>
        )}
      </div>
    </div>
  );
}

function Timer({ seconds, allowed }: { seconds: number; allowed: number | null }) {
  const over = allowed !== null && seconds > allowed * 60;
  return (
    <p className={`timer ${over ? 'over' : ''}`} data-testid="item-timer">
      Time on this item: <strong>{mmss(seconds)}</strong>
      {allowed !== null ? ` of ${allowed} minutes allowed` : ' (no time allowed set)'}
      {over ? <strong> — over time by {mmss(seconds - allowed * 60)}</strong> : null}
    </p>
  );
}

function Approval({
  m,
  open,
  setOpen,
  canApprove,
}: {
  m: Meeting;
  open: boolean;
  setOpen: (o: boolean) => void;
  canApprove: boolean;
}) {
  const approve = useApiMutation('meeting.approveMinutes');
  const prev = m.previousMeeting;
  if (!prev) return <p className="muted">There is no earlier meeting whose minutes need approving.</p>;
  const when = formatDate(prev.date);
  return (
    <div className="approval-panel">
      {prev.status === 'minutes_approved' ? (
        <p data-testid="approval-state">
          The minutes of the meeting held on <a href={`#/meetings/${prev.id}`}>{when}</a> are approved
          {prev.approvedAtMeetingId === m.id ? ' (approved at this meeting)' : ''} and locked.
        </p>
      ) : canApprove ? (
        <>
          <button type="button" onClick={() => setOpen(true)}>
            Approve the minutes of {when} (Alt+P)
          </button>
          <DialogBox title={`Approve the minutes of ${when}?`} isOpen={open} onClose={() => setOpen(false)}>
            <p>
              The Board agrees the minutes of the meeting held on {when} as a correct record. Once approved
              they are locked: later corrections are recorded as amendments.
            </p>
            <ErrorNote error={approve.error} />
            <div className="toolbar">
              <button
                type="button"
                autoFocus
                onClick={() =>
                  approve.mutate(
                    { meetingId: prev.id, atMeetingId: m.id },
                    { onSuccess: () => setOpen(false) },
                  )
                }
              >
                Approve the minutes
              </button>
              <button type="button" className="secondary" onClick={() => setOpen(false)}>
                Cancel
              </button>
            </div>
          </DialogBox>
        </>
      ) : (
        <p>
          The minutes of the meeting held on <a href={`#/meetings/${prev.id}`}>{when}</a> are at “
          {meetingStatusLabels[prev.status]}”
          {prev.status !== 'minutes_draft'
            ? ': that meeting must end before its minutes can be approved.'
            : ': start this meeting to approve them.'}
        </p>
      )}
    </div>
  );
}

function ItemDecisions({ item, editable }: { item: Item; editable: boolean }) {
  const del = useApiMutation('decision.delete');
  return (
    <>
      <Decisions item={item} onDelete={editable ? (id) => del.mutate({ id }) : undefined} />
      {item.decisions.length === 0 ? <p className="muted">No decisions recorded.</p> : null}
      <ErrorNote error={del.error} />
    </>
  );
}

function ItemActions({ item, editable }: { item: Item; editable: boolean }) {
  const del = useApiMutation('meeting.deleteAction');
  return (
    <>
      <Actions item={item} onDelete={editable ? (id) => del.mutate({ id }) : undefined} />
      {item.actions.length === 0 ? <p className="muted">No actions recorded.</p> : null}
      <ErrorNote error={del.error} />
    </>
  );
}

function DecisionForm({ itemId, onDone }: { itemId: number; onDone: (added: boolean) => void }) {
  const [text, setText] = useState('');
  const add = useApiMutation('decision.add');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate({ itemId, text }, { onSuccess: () => onDone(true) });
  };
  return (
    <form
      className="inline-form"
      aria-label="Add a decision"
      onSubmit={submit}
      onKeyDown={(e) => e.key === 'Escape' && onDone(false)}
    >
      <div className="field">
        <label htmlFor="decision-text">RESOLVED that…</label>
        <span className="hint" id="decision-hint">
          Type the resolution; Enter records it, Escape cancels.
        </span>
        <input
          id="decision-text"
          autoFocus
          aria-describedby="decision-hint"
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      </div>
      <ErrorNote error={add.error} />
      <div className="toolbar">
        <button type="submit" disabled={add.isPending}>
          Record decision
        </button>
        <button type="button" className="secondary" onClick={() => onDone(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function ActionForm({ m, itemId, onDone }: { m: Meeting; itemId: number; onDone: (added: boolean) => void }) {
  const [description, setDescription] = useState('');
  const [owner, setOwner] = useState<string>('');
  const [ownerName, setOwnerName] = useState('');
  const [due, setDue] = useState('');
  const [urgency, setUrgency] = useState<'high' | 'medium' | 'low'>('medium');
  const [problem, setProblem] = useState<string | null>(null);
  const add = useApiMutation('meeting.addAction');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const dueDate = due.trim() === '' ? null : parseUkDate(due);
    if (dueDate === null && due.trim() !== '')
      return setProblem(`Due date: ${ukDateError(due)}, or leave it empty`);
    if (owner === '') return setProblem('Owner: choose a member, or “Someone else” and type a name');
    setProblem(null);
    add.mutate(
      {
        itemId,
        description,
        ownerMemberId: owner === 'other' ? null : Number(owner),
        ownerName: owner === 'other' ? ownerName : '',
        dueDate,
        urgency,
      },
      { onSuccess: () => onDone(true) },
    );
  };
  return (
    <form
      className="inline-form"
      aria-label="Add an action"
      onSubmit={submit}
      onKeyDown={(e) => e.key === 'Escape' && onDone(false)}
    >
      <div className="field">
        <label htmlFor="action-description">Action</label>
        <input
          id="action-description"
          autoFocus
          value={description}
          onChange={(e) => setDescription(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="action-owner">Owner</label>
        <select id="action-owner" value={owner} onChange={(e) => setOwner(e.target.value)}>
          <option value="">Choose…</option>
          {m.members.map((mb) => (
            <option key={mb.id} value={String(mb.id)}>
              {mb.name}
            </option>
          ))}
          <option value="other">Someone else (type a name)</option>
        </select>
      </div>
      {owner === 'other' ? (
        <div className="field">
          <label htmlFor="action-owner-name">Owner’s name or team</label>
          <input id="action-owner-name" value={ownerName} onChange={(e) => setOwnerName(e.target.value)} />
        </div>
      ) : null}
      <DateInput label="Due date" value={due} onChange={setDue} />
      <div className="field">
        <label htmlFor="action-urgency">Priority</label>
        <select id="action-urgency" value={urgency} onChange={(e) => setUrgency(e.target.value as 'high')}>
          <option value="high">High</option>
          <option value="medium">Medium</option>
          <option value="low">Low</option>
        </select>
      </div>
      {problem ? (
        <p role="alert" className="field-error">
          {problem}
        </p>
      ) : null}
      <ErrorNote error={add.error} />
      <div className="toolbar">
        <button type="submit" disabled={add.isPending}>
          Record action
        </button>
        <button type="button" className="secondary" onClick={() => onDone(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function Attendance({
  m,
  editable,
  containerRef,
}: {
  m: Meeting;
  editable: boolean;
  containerRef: React.RefObject<HTMLDivElement | null>;
}) {
  const [local, setLocal] = useState(() => new Map(m.attendance.map((a) => [a.memberId, a])));
  const set = useApiMutation('attendance.set');
  const records = [...local.values()].filter(
    (a) => a.status !== 'substitute' || a.substituteForMemberId !== null,
  );
  const quorum = meetingQuorum(m.quorum, m.members, records);
  const change = (memberId: number, status: string, forId: number | null) => {
    const next = new Map(local);
    if (status === '') next.delete(memberId);
    else
      next.set(memberId, {
        memberId,
        status: status as 'present',
        substituteForMemberId: status === 'substitute' ? forId : null,
      });
    setLocal(next);
    if (status === 'substitute' && forId === null) return; // saved once we know whom they attend for
    set.mutate({
      meetingId: m.id,
      memberId,
      status: status === '' ? null : (status as 'present'),
      substituteForMemberId: status === 'substitute' ? forId : null,
    });
  };
  return (
    <section aria-labelledby="attendance-h" className="attendance">
      <h2 id="attendance-h">Attendance</h2>
      <p
        role="status"
        aria-live="polite"
        className={`quorum ${quorum.met ? 'met' : 'short'}`}
        data-testid="quorum"
      >
        <span aria-hidden="true">{quorum.met ? '✔ ' : '✖ '}</span>
        {quorum.text}
      </p>
      <div ref={containerRef}>
        <table className="data-table">
          <caption className="visually-hidden">Attendance</caption>
          <thead>
            <tr>
              <th scope="col">Member</th>
              <th scope="col">Attendance</th>
            </tr>
          </thead>
          <tbody>
            {m.members.map((mb) => {
              const a = local.get(mb.id);
              return (
                <tr key={mb.id}>
                  <th scope="row">
                    {mb.name}
                    <div className="hint">
                      {roleLabel[mb.role]}
                      {mb.voting ? ', voting' : ''}
                    </div>
                  </th>
                  <td>
                    <label className="visually-hidden" htmlFor={`att-${mb.id}`}>
                      Attendance of {mb.name}
                    </label>
                    <select
                      id={`att-${mb.id}`}
                      disabled={!editable}
                      value={a?.status ?? ''}
                      onChange={(e) => change(mb.id, e.target.value, a?.substituteForMemberId ?? null)}
                    >
                      <option value="">Not recorded</option>
                      {(['present', 'apologies', 'absent', 'substitute'] as const).map((s) => (
                        <option key={s} value={s}>
                          {attendanceLabels[s]}
                        </option>
                      ))}
                    </select>
                    {a?.status === 'substitute' ? (
                      <>
                        <label className="visually-hidden" htmlFor={`att-for-${mb.id}`}>
                          {mb.name} attends as substitute for
                        </label>
                        <select
                          id={`att-for-${mb.id}`}
                          disabled={!editable}
                          value={a.substituteForMemberId === null ? '' : String(a.substituteForMemberId)}
                          onChange={(e) =>
                            change(mb.id, 'substitute', e.target.value === '' ? null : Number(e.target.value))
                          }
                        >
                          <option value="">Substitute for whom?</option>
                          {m.members
                            .filter((x) => x.id !== mb.id)
                            .map((x) => (
                              <option key={x.id} value={String(x.id)}>
                                {x.name}
                              </option>
                            ))}
                        </select>
                      </>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <ErrorNote error={set.error} />
    </section>
  );
}

function Declarations({
  m,
  editable,
  selectRef,
}: {
  m: Meeting;
  editable: boolean;
  selectRef: React.RefObject<HTMLSelectElement | null>;
}) {
  const [memberId, setMemberId] = useState('');
  const [itemId, setItemId] = useState('');
  const [nature, setNature] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const add = useApiMutation('declaration.add');
  const remove = useApiMutation('declaration.remove');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (memberId === '') return setProblem('Member: choose who is declaring an interest');
    setProblem(null);
    add.mutate(
      { meetingId: m.id, memberId: Number(memberId), itemId: itemId === '' ? null : Number(itemId), nature },
      {
        onSuccess: () => {
          setMemberId('');
          setItemId('');
          setNature('');
          selectRef.current?.focus();
        },
      },
    );
  };
  return (
    <section aria-labelledby="declarations-h" className="declarations">
      <h2 id="declarations-h">Declarations of interest</h2>
      {m.declarations.length === 0 ? <p className="muted">None declared.</p> : null}
      <ul className="plain" data-testid="declarations">
        {m.declarations.map((d) => (
          <li key={d.id}>
            {d.member}
            {d.itemPosition !== null ? ` (item ${d.itemPosition})` : ''}: {d.nature}{' '}
            {editable ? (
              <button type="button" className="secondary small" onClick={() => remove.mutate({ id: d.id })}>
                Remove
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      {editable ? (
        <form onSubmit={submit} aria-label="Record a declaration of interest">
          <div className="field">
            <label htmlFor="decl-member">Member</label>
            <select
              id="decl-member"
              ref={selectRef}
              value={memberId}
              onChange={(e) => setMemberId(e.target.value)}
            >
              <option value="">Choose…</option>
              {m.members.map((mb) => (
                <option key={mb.id} value={String(mb.id)}>
                  {mb.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="decl-item">Agenda item</label>
            <select id="decl-item" value={itemId} onChange={(e) => setItemId(e.target.value)}>
              <option value="">The whole meeting</option>
              {m.items.map((it) => (
                <option key={it.id} value={String(it.id)}>
                  {it.position}. {it.title}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="decl-nature">Nature of the interest</label>
            <input id="decl-nature" value={nature} onChange={(e) => setNature(e.target.value)} />
          </div>
          {problem ? (
            <p role="alert" className="field-error">
              {problem}
            </p>
          ) : null}
          <ErrorNote error={add.error ?? remove.error} />
          <button type="submit" className="secondary" disabled={add.isPending}>
            Record declaration
          </button>
        </form>
      ) : null}
    </section>
  );
}
