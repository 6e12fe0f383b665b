import { useEffect, useRef, useState, type FormEvent } from 'react';
import {
  measureNoteMax,
  type ScorecardWalkGroup,
  type ScorecardWalkRow,
  type WalkMeasure,
} from '../../../../shared/api/walk';
import { formatDate, formatTimestamp, parseUkDate, ukDateError } from '../../../../shared/domain/dates';
import { useApiMutation } from '../../../api/hooks';
import { ErrorNote } from '../../../components/forms';
import type { Meeting } from '../parts';
import { WalkMeasureLine } from './WalkMeasure';

/**
 * The scorecard item: the meeting's scorecard grouped by priority, red and amber first, each
 * measure with a short minute of its discussion and, where agreed, a decision or action about it.
 */
export function ScorecardWalk({
  m,
  itemId,
  groups,
  open,
  onChart,
}: {
  m: Meeting;
  itemId: number;
  groups: ScorecardWalkGroup[];
  open: boolean;
  onChart: (m: WalkMeasure) => void;
}) {
  return (
    <div className="walk-scorecard">
      {!open ? (
        <p className="muted">
          {m.status === 'minutes_approved'
            ? 'These minutes are approved and locked; the notes on measures are shown as minuted.'
            : 'Notes on each measure can be typed once the meeting has started.'}
        </p>
      ) : (
        <p className="hint">Type a short minute under any measure discussed; it is saved as you go.</p>
      )}
      {groups.map((g) => (
        <section
          key={`${g.priorityId ?? 0}:${g.priorityTitle}`}
          aria-labelledby={`walk-g-${g.priorityId ?? 0}`}
          data-testid={`walk-group-${g.priorityCode || 'none'}`}
        >
          <h3 id={`walk-g-${g.priorityId ?? 0}`}>
            {g.priorityCode ? `${g.priorityCode} ` : ''}
            {g.priorityTitle}{' '}
            <span className="muted small">
              ({g.red} red, {g.amber} amber)
            </span>
          </h3>
          <ul className="plain walk-measures">
            {g.rows.map((r) => (
              <WalkMeasureLine key={r.code} m={r} onChart={onChart}>
                <MeasureMinute m={m} itemId={itemId} row={r} open={open} />
              </WalkMeasureLine>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

function MeasureMinute({
  m,
  itemId,
  row,
  open,
}: {
  m: Meeting;
  itemId: number;
  row: ScorecardWalkRow;
  open: boolean;
}) {
  const [form, setForm] = useState<'none' | 'decision' | 'action'>('none');
  const agreed = (
    <>
      {row.decisions.length > 0 ? (
        <ul className="plain small" aria-label={`Decisions on ${row.code}`}>
          {row.decisions.map((d) => (
            <li key={d.id}>
              <strong>RESOLVED</strong> that {d.text}
            </li>
          ))}
        </ul>
      ) : null}
      {row.actions.length > 0 ? (
        <ul className="plain small" aria-label={`Actions on ${row.code}`}>
          {row.actions.map((a) => (
            <li key={a.id}>
              Action: {a.description} — {a.owner || 'no owner'}
              {a.dueDate ? `, by ${formatDate(a.dueDate)}` : ''}
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
  if (row.measureId === null) return null;
  if (!open)
    return (
      <>
        {row.note ? <p className="walk-note-text">{row.note.text}</p> : null}
        {agreed}
      </>
    );
  return (
    <div className="walk-minute">
      <NoteField itemId={itemId} measureId={row.measureId} code={row.code} initial={row.note?.text ?? ''} />
      {agreed}
      {form === 'decision' ? (
        <MeasureDecision itemId={itemId} row={row} onDone={() => setForm('none')} />
      ) : form === 'action' ? (
        <MeasureAction m={m} itemId={itemId} row={row} onDone={() => setForm('none')} />
      ) : (
        <div className="toolbar">
          <button type="button" className="secondary small edit-control" onClick={() => setForm('decision')}>
            Decision on {row.code}
          </button>
          <button type="button" className="secondary small edit-control" onClick={() => setForm('action')}>
            Action on {row.code}
          </button>
        </div>
      )}
    </div>
  );
}

/** A short note, saved half a second after typing stops and when the field is left. */
function NoteField({
  itemId,
  measureId,
  code,
  initial,
}: {
  itemId: number;
  measureId: number;
  code: string;
  initial: string;
}) {
  const [text, setText] = useState(initial);
  const saved = useRef(initial);
  const save = useApiMutation('measureNote.save');
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const timer = useRef<number | undefined>(undefined);
  const flush = (value: string) => {
    window.clearTimeout(timer.current);
    const t = value.trim();
    if (t === saved.current.trim()) return;
    saved.current = t;
    save.mutate({ itemId, measureId, text: t }, { onSuccess: (r) => setSavedAt(r.savedAt) });
  };
  useEffect(() => () => window.clearTimeout(timer.current), []);
  const id = `note-${itemId}-${measureId}`;
  return (
    <div className="field walk-note">
      <label htmlFor={id}>Minute on {code}</label>
      <textarea
        id={id}
        rows={2}
        maxLength={measureNoteMax}
        value={text}
        onChange={(e) => {
          const v = e.target.value;
          setText(v);
          window.clearTimeout(timer.current);
          timer.current = window.setTimeout(() => flush(v), 500);
        }}
        onBlur={() => flush(text)}
      />
      <span className="hint" aria-live="polite" data-testid={`note-state-${code}`}>
        {save.isPending ? 'Saving…' : savedAt ? `Saved at ${formatTimestamp(savedAt).slice(-5)}` : ''}
      </span>
      <ErrorNote error={save.error} labels={{ text: `Minute on ${code}` }} />
    </div>
  );
}

function MeasureDecision({
  itemId,
  row,
  onDone,
}: {
  itemId: number;
  row: ScorecardWalkRow;
  onDone: () => void;
}) {
  const [text, setText] = useState('');
  const add = useApiMutation('decision.add');
  const id = `decision-${row.code}`;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate({ itemId, text, measureId: row.measureId }, { onSuccess: onDone });
  };
  return (
    <form
      className="inline-form"
      aria-label={`Decision on ${row.code}`}
      onSubmit={submit}
      onKeyDown={(e) => e.key === 'Escape' && onDone()}
    >
      <div className="field">
        <label htmlFor={id}>RESOLVED that… ({row.code})</label>
        <input id={id} autoFocus value={text} onChange={(e) => setText(e.target.value)} />
      </div>
      <ErrorNote error={add.error} labels={{ text: `RESOLVED that… (${row.code})` }} />
      <div className="toolbar">
        <button type="submit" className="small" disabled={add.isPending}>
          Record decision
        </button>
        <button type="button" className="secondary small" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function MeasureAction({
  m,
  itemId,
  row,
  onDone,
}: {
  m: Meeting;
  itemId: number;
  row: ScorecardWalkRow;
  onDone: () => void;
}) {
  const [description, setDescription] = useState('');
  const [owner, setOwner] = useState('');
  const [due, setDue] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const add = useApiMutation('meeting.addAction');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const dueDate = due.trim() === '' ? null : parseUkDate(due);
    if (dueDate === null && due.trim() !== '')
      return setProblem(`Due date: ${ukDateError(due)}, or leave it empty`);
    if (owner === '') return setProblem('Owner: choose who will do it');
    setProblem(null);
    add.mutate(
      {
        itemId,
        description,
        ownerMemberId: Number(owner),
        ownerName: '',
        dueDate,
        urgency: 'medium',
        measureId: row.measureId,
      },
      { onSuccess: onDone },
    );
  };
  const p = `measure-action-${row.code}`;
  return (
    <form
      className="inline-form"
      aria-label={`Action on ${row.code}`}
      onSubmit={submit}
      onKeyDown={(e) => e.key === 'Escape' && onDone()}
    >
      <div className="field">
        <label htmlFor={`${p}-what`}>Action on {row.code}</label>
        <input
          id={`${p}-what`}
          autoFocus
          value={description}
          onChange={(e) => setDescription(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${p}-owner`}>Owner</label>
        <select id={`${p}-owner`} value={owner} onChange={(e) => setOwner(e.target.value)}>
          <option value="">Choose…</option>
          {m.members.map((mb) => (
            <option key={mb.id} value={String(mb.id)}>
              {mb.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${p}-due`}>Due date (e.g. 31/03/2027)</label>
        <input id={`${p}-due`} value={due} onChange={(e) => setDue(e.target.value)} />
      </div>
      {problem ? (
        <p role="alert" className="field-error">
          {problem}
        </p>
      ) : null}
      <ErrorNote
        error={add.error}
        labels={{ description: `Action on ${row.code}`, ownerMemberId: 'Owner', dueDate: 'Due date' }}
      />
      <div className="toolbar">
        <button type="submit" className="small" disabled={add.isPending}>
          Record action
        </button>
        <button type="button" className="secondary small" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
