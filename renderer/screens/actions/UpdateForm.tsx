import { useState, type FormEvent, type KeyboardEvent } from 'react';
import type { ActionRow } from '../../../shared/api/actions';
import { useApiMutation } from '../../api/hooks';
import {
  Button,
  DateInput,
  ErrorNote,
  issueOf,
  ProblemNote,
  SelectInput,
  TextAreaInput,
  TextInput,
  useDateCheck,
} from '../../components/forms';
import { actionStatusLabels, statusOptions } from './labels';

type Status = ActionRow['status'];

/**
 * Records a dated update on an action. At a meeting (matters arising) it is recorded against the
 * meeting and can mark the action complete; elsewhere it takes a date, an author and any new status.
 * Ctrl+Enter (Cmd+Enter) in the text records it, so the clerk never needs the mouse.
 */
export function UpdateForm(props: {
  action: Pick<ActionRow, 'id' | 'status' | 'owner' | 'description'>;
  today: string;
  /** Recorded as matters arising at this meeting, dated the meeting's date. */
  meeting?: { id: number; date: string };
  onSaved?: () => void;
  /** Put focus in the update text on opening (in a dialog, so typing is never lost). */
  autoFocus?: boolean;
}) {
  const { action, meeting } = props;
  const add = useApiMutation('action.addUpdate');
  const [text, setText] = useState('');
  const [date, setDate] = useState(props.today);
  const [author, setAuthor] = useState('');
  const [status, setStatus] = useState<Status | 'same'>('same');
  const [complete, setComplete] = useState(false);
  const [saved, setSaved] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  // An update dated a year back or in the future is asked about first (not at a meeting: its date).
  const dateCheck = useDateCheck(meeting ? '' : date, props.today, { pastYears: 1, futureYears: 0 }, () =>
    setProblem(null),
  );

  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    const far = dateCheck.problem('Date');
    setProblem(far);
    if (far) return;
    const newStatus: Status | undefined = meeting
      ? complete
        ? 'complete'
        : undefined
      : status !== 'same' && status !== action.status
        ? status
        : undefined;
    add.mutate(
      {
        actionId: action.id,
        text,
        date: meeting ? meeting.date : date,
        ...(author.trim() ? { author } : {}),
        ...(meeting ? { meetingId: meeting.id } : {}),
        ...(newStatus ? { status: newStatus } : {}),
      },
      {
        onSuccess: (a) => {
          setText('');
          setComplete(false);
          setStatus('same');
          setSaved(
            `Update recorded${newStatus ? `; the action is now ${actionStatusLabels[a.status].toLowerCase()}` : ''}.`,
          );
          props.onSaved?.();
        },
      },
    );
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) submit(e as unknown as FormEvent);
  };
  const idBase = `update-${meeting ? `m${meeting.id}-` : ''}${action.id}`;

  return (
    <form
      className="update-form"
      noValidate
      onSubmit={submit}
      onKeyDown={onKeyDown}
      aria-label={`Record an update on: ${action.description}`}
    >
      <TextAreaInput
        label="Update"
        value={text}
        onChange={(v) => {
          setText(v);
          setSaved('');
        }}
        rows={2}
        description="Ctrl+Enter records it."
        autoFocus={props.autoFocus}
        isRequired
        error={issueOf(add.error, 'text')}
      />
      {meeting ? (
        <div className="check-field">
          <input
            id={`${idBase}-complete`}
            type="checkbox"
            checked={complete}
            onChange={(e) => setComplete(e.target.checked)}
          />
          <label htmlFor={`${idBase}-complete`}>Mark complete</label>
        </div>
      ) : (
        <div className="form-row">
          <DateInput
            label="Date"
            value={date}
            onChange={(v) => {
              setDate(v);
              setProblem(null);
            }}
            check={dateCheck}
            error={issueOf(add.error, 'date')}
          />
          <TextInput
            label="Author"
            value={author}
            onChange={setAuthor}
            description={`Leave blank for ${action.owner}.`}
          />
          <SelectInput
            label="Status"
            value={status}
            onChange={setStatus}
            options={[
              { id: 'same' as const, label: `Leave as ${actionStatusLabels[action.status].toLowerCase()}` },
              ...statusOptions.filter((o) => o.id !== action.status),
            ]}
          />
        </div>
      )}
      <Button type="submit" isDisabled={add.isPending}>
        {meeting && complete ? 'Record update and mark complete' : 'Record update'}
      </Button>
      <ProblemNote problem={problem} />
      <ErrorNote
        error={add.error}
        labels={{ text: 'Update', date: 'Date', author: 'Author', status: 'Status' }}
        values={{ text, date, author }}
      />
      <p className="saved-note" role="status">
        {saved}
      </p>
    </form>
  );
}
