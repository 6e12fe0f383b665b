import { useState, type FormEvent } from 'react';
import { parseUkDate, ukDateError } from '../../../../shared/domain/dates';
import { useApiMutation } from '../../../api/hooks';
import {
  Button,
  DateInput,
  ErrorNote,
  NativeSelect,
  ProblemNote,
  TextInput,
} from '../../../components/forms';
import { urgencyLabels, type Meeting } from '../parts';

type Urgency = keyof typeof urgencyLabels;
const urgencies = (Object.keys(urgencyLabels) as Urgency[]).map((u) => ({ id: u, label: urgencyLabels[u] }));

/** An action arising from the item: what, who (a member or anyone named), when, how urgent. */
export function ActionForm({
  m,
  itemId,
  onDone,
}: {
  m: Meeting;
  itemId: number;
  onDone: (added: boolean) => void;
}) {
  const [description, setDescription] = useState('');
  const [owner, setOwner] = useState<string>('');
  const [ownerName, setOwnerName] = useState('');
  const [due, setDue] = useState('');
  const [urgency, setUrgency] = useState<Urgency>('medium');
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
      <TextInput label="Action" autoFocus value={description} onChange={setDescription} />
      <NativeSelect
        id="action-owner"
        label="Owner"
        value={owner}
        onChange={setOwner}
        placeholder="Choose…"
        options={[
          ...m.members.map((mb) => ({ id: String(mb.id), label: mb.name })),
          { id: 'other', label: 'Someone else (type a name)' },
        ]}
      />
      {owner === 'other' ? (
        <TextInput label="Owner’s name or team" value={ownerName} onChange={setOwnerName} />
      ) : null}
      <DateInput label="Due date" value={due} onChange={setDue} />
      <NativeSelect
        id="action-urgency"
        label="Priority"
        value={urgency}
        onChange={(v) => setUrgency(v as Urgency)}
        options={urgencies}
      />
      <ProblemNote problem={problem} />
      <ErrorNote error={add.error} />
      <div className="toolbar">
        <Button type="submit" isDisabled={add.isPending}>
          Record action
        </Button>
        <Button variant="secondary" onPress={() => onDone(false)}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
