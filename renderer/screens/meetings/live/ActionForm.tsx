import { useState, type FormEvent, type Ref } from 'react';
import { isoToUkDate, parseUkDate, ukDateError } from '../../../../shared/domain/dates';
import { useApiMutation } from '../../../api/hooks';
import {
  Button,
  DateInput,
  ErrorNote,
  NativeSelect,
  ProblemNote,
  TextInput,
  useDateCheck,
} from '../../../components/forms';
import { labelled } from '../../../components/messages';
import { urgencyLabels, type Item, type Meeting } from '../parts';

type Urgency = keyof typeof urgencyLabels;
type MeetingAction = Item['actions'][number];
/** The action as someone else saved it (a conflict's `current`). */
type Theirs = {
  revision: number;
  description: string;
  owner: string;
  ownerMemberId: number | null;
  dueDate: string | null;
  urgency: Urgency;
};
const urgencies = (Object.keys(urgencyLabels) as Urgency[]).map((u) => ({ id: u, label: urgencyLabels[u] }));
const LABELS = {
  description: 'Action',
  ownerMemberId: 'Owner',
  ownerName: 'Owner’s name or team',
  owner: 'Owner',
  'owner.name': 'Owner’s name or team',
  dueDate: 'Due date',
  urgency: 'Priority',
};

/**
 * An action arising from the item: what, who (a member or anyone named), when, how urgent. With
 * `action`, the same form changes one already recorded (until the minutes are approved), from the
 * revision shown, so a change made meanwhile elsewhere is never overwritten unseen.
 */
export function ActionForm({
  m,
  itemId,
  action,
  onDone,
  formRef,
}: {
  m: Meeting;
  itemId: number;
  action?: MeetingAction;
  onDone: (saved: boolean) => void;
  formRef?: Ref<HTMLFormElement>;
}) {
  const [description, setDescription] = useState(action?.description ?? '');
  const [owner, setOwner] = useState<string>(
    action ? (action.ownerMemberId !== null ? String(action.ownerMemberId) : 'other') : '',
  );
  const [ownerName, setOwnerName] = useState(action && action.ownerMemberId === null ? action.owner : '');
  const [due, setDue] = useState(action?.dueDate ?? '');
  const [urgency, setUrgency] = useState<Urgency>(action?.urgency ?? 'medium');
  const [problem, setProblem] = useState<string | null>(null);
  // The revision this form started from: a change saved elsewhere since is not overwritten unseen.
  const [base, setBase] = useState(action?.revision);
  const dueCheck = useDateCheck(due, m.today, {}, () => setProblem(null));
  const add = useApiMutation('meeting.addAction');
  const update = useApiMutation('action.update');
  const error = action ? update.error : add.error;
  const theirs = (error as { current?: Theirs } | null)?.current;
  /** Each field's change clears what was said about the form (its own check runs again on submit). */
  const edit =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setProblem(null);
    };
  const submit = (e?: FormEvent, from = base) => {
    e?.preventDefault();
    const dueDate = due.trim() === '' ? null : parseUkDate(due);
    const found =
      description.trim() === ''
        ? labelled('Action', 'is required')
        : owner === ''
          ? labelled('Owner', 'choose a member, or “Someone else” and type a name')
          : owner === 'other' && ownerName.trim() === ''
            ? labelled('Owner’s name or team', 'is required')
            : dueDate === null && due.trim() !== ''
              ? labelled('Due date', `${ukDateError(isoToUkDate(due))}, or leave it empty`)
              : dueCheck.problem('Due date');
    setProblem(found);
    if (found) return;
    const done = { onSuccess: () => onDone(true) };
    if (action)
      update.mutate(
        {
          id: action.id,
          description,
          owner: owner === 'other' ? { name: ownerName } : { memberId: Number(owner) },
          dueDate,
          urgency,
          baseRevision: from,
        },
        done,
      );
    else
      add.mutate(
        {
          itemId,
          description,
          ownerMemberId: owner === 'other' ? null : Number(owner),
          ownerName: owner === 'other' ? ownerName : '',
          dueDate,
          urgency,
        },
        done,
      );
  };
  return (
    <form
      ref={formRef}
      className="inline-form"
      aria-label={action ? 'Edit the action' : 'Add an action'}
      data-live-form="action"
      noValidate
      onSubmit={submit}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onDone(false);
        }
      }}
    >
      <TextInput label="Action" autoFocus value={description} onChange={edit(setDescription)} />
      <div className="form-row">
        <NativeSelect
          id={action ? `action-owner-${action.id}` : 'action-owner'}
          label="Owner"
          value={owner}
          onChange={edit(setOwner)}
          placeholder="Choose…"
          options={[
            ...m.members.map((mb) => ({ id: String(mb.id), label: mb.name })),
            { id: 'other', label: 'Someone else (type a name)' },
          ]}
        />
        {owner === 'other' ? (
          <TextInput label="Owner’s name or team" value={ownerName} onChange={edit(setOwnerName)} />
        ) : null}
        <DateInput label="Due date" value={due} onChange={edit(setDue)} check={dueCheck} />
        <NativeSelect
          id={action ? `action-urgency-${action.id}` : 'action-urgency'}
          label="Priority"
          value={urgency}
          onChange={(v) => setUrgency(v as Urgency)}
          options={urgencies}
        />
      </div>
      <ProblemNote problem={problem} />
      {action && theirs && typeof theirs.revision === 'number' ? (
        <div className="conflict-offer">
          <p>
            Their version: {theirs.description} — {theirs.owner}, due{' '}
            {theirs.dueDate ? isoToUkDate(theirs.dueDate) : 'no date'}, {urgencyLabels[theirs.urgency]}{' '}
            priority.
          </p>
          <div className="toolbar">
            <Button
              variant="secondary"
              size="small"
              onPress={() => {
                setDescription(theirs.description);
                setOwner(theirs.ownerMemberId !== null ? String(theirs.ownerMemberId) : 'other');
                setOwnerName(theirs.ownerMemberId === null ? theirs.owner : '');
                setDue(theirs.dueDate ?? '');
                setUrgency(theirs.urgency);
                setBase(theirs.revision);
                update.reset();
              }}
            >
              Use their version
            </Button>
            <Button
              variant="secondary"
              size="small"
              onPress={() => {
                setBase(theirs.revision);
                submit(undefined, theirs.revision);
              }}
            >
              Keep mine (save over theirs)
            </Button>
          </div>
        </div>
      ) : null}
      <ErrorNote
        error={error}
        labels={LABELS}
        values={{ description, ownerName, dueDate: due, urgency, ownerMemberId: owner }}
      />
      <div className="toolbar">
        <Button type="submit" isDisabled={add.isPending || update.isPending}>
          {action ? 'Save action' : 'Record action'}
        </Button>
        <Button variant="secondary" onPress={() => onDone(false)}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
