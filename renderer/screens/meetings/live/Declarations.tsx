import { useState, type FormEvent, type RefObject } from 'react';
import { useApiMutation } from '../../../api/hooks';
import { Button, ErrorNote, NativeSelect, ProblemNote, TextInput } from '../../../components/forms';
import type { Meeting } from '../parts';
import { LivePanel } from './LivePanel';

/** Declarations of interest: the list, and a form to record one (member, item or whole meeting, nature). */
export function Declarations({
  m,
  editable,
  selectRef,
  open,
  onToggle,
}: {
  m: Meeting;
  editable: boolean;
  selectRef: RefObject<HTMLSelectElement | null>;
  open: boolean;
  onToggle: () => void;
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
    <LivePanel
      id="declarations"
      title={`Declarations of interest (${m.declarations.length})`}
      keys="Alt+I"
      open={open}
      onToggle={onToggle}
    >
      {m.declarations.length === 0 ? <p className="muted">None declared.</p> : null}
      <ul className="plain" data-testid="declarations">
        {m.declarations.map((d) => (
          <li key={d.id}>
            {d.member}
            {d.itemPosition !== null ? ` (item ${d.itemPosition})` : ''}: {d.nature}{' '}
            {editable ? (
              <Button variant="secondary" size="small" onPress={() => remove.mutate({ id: d.id })}>
                Remove
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
      {editable ? (
        <form onSubmit={submit} aria-label="Record a declaration of interest">
          <NativeSelect
            id="decl-member"
            ref={selectRef}
            label="Member"
            value={memberId}
            onChange={setMemberId}
            placeholder="Choose…"
            options={m.members.map((mb) => ({ id: String(mb.id), label: mb.name }))}
          />
          <NativeSelect
            id="decl-item"
            label="Agenda item"
            value={itemId}
            onChange={setItemId}
            placeholder="The whole meeting"
            options={m.items.map((it) => ({ id: String(it.id), label: `${it.position}. ${it.title}` }))}
          />
          <TextInput label="Nature of the interest" value={nature} onChange={setNature} />
          <ProblemNote problem={problem} />
          <ErrorNote
            error={add.error ?? remove.error}
            labels={{ memberId: 'Member', itemId: 'Agenda item', nature: 'Nature of the interest' }}
            values={{ memberId, itemId, nature }}
          />
          <Button type="submit" variant="secondary" isDisabled={add.isPending}>
            Record declaration
          </Button>
        </form>
      ) : null}
    </LivePanel>
  );
}
