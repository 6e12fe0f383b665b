import { useState, type FormEvent, type RefObject } from 'react';
import {
  declarationKindLabels,
  declarationKinds,
  type DeclarationKind,
} from '../../../../shared/api/meetings';
import { useApiMutation } from '../../../api/hooks';
import { Button, ErrorNote, NativeSelect, ProblemNote, TextInput } from '../../../components/forms';
import type { Meeting } from '../parts';
import { LivePanel } from './LivePanel';
import { declarationNote } from '../record-words';

/**
 * Declarations of interest: the list, and a form to record one — member, item or whole meeting,
 * the type of interest, its nature, and whether the member withdrew for the item (a member who
 * withdraws does not count towards that item's quorum or vote on it). A disclosable pecuniary
 * interest on an item means withdrawing, unless the member has a dispensation.
 */
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
  const [kind, setKind] = useState<DeclarationKind | ''>('');
  const [nature, setNature] = useState('');
  const [withdrew, setWithdrew] = useState(false);
  const [dispensation, setDispensation] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const add = useApiMutation('declaration.add');
  const remove = useApiMutation('declaration.remove');
  const chooseKind = (k: string) => {
    setKind(k as DeclarationKind | '');
    // A pecuniary interest in an item: the member leaves for it (untick if they have a dispensation).
    if (k === 'disclosable_pecuniary' && itemId !== '') setWithdrew(true);
    if (k !== 'disclosable_pecuniary') setDispensation(false);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (memberId === '') return setProblem('Member: choose who is declaring an interest');
    if (kind === '') return setProblem('Type of interest: choose the type of interest declared');
    setProblem(null);
    add.mutate(
      {
        meetingId: m.id,
        memberId: Number(memberId),
        itemId: itemId === '' ? null : Number(itemId),
        nature,
        kind,
        withdrew,
        dispensation,
      },
      {
        onSuccess: () => {
          setMemberId('');
          setItemId('');
          setKind('');
          setNature('');
          setWithdrew(false);
          setDispensation(false);
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
            {d.itemPosition !== null ? ` (item ${d.itemPosition})` : ''}: {d.nature}
            {declarationNote(d) ? <span className="hint"> — {declarationNote(d)}</span> : null}{' '}
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
            onChange={(v) => {
              setItemId(v);
              if (v === '') setWithdrew(false);
              else if (kind === 'disclosable_pecuniary' && !dispensation) setWithdrew(true);
            }}
            placeholder="The whole meeting"
            options={m.items.map((it) => ({ id: String(it.id), label: `${it.position}. ${it.title}` }))}
          />
          <NativeSelect
            id="decl-kind"
            label="Type of interest"
            value={kind}
            onChange={chooseKind}
            placeholder="Choose…"
            options={declarationKinds.map((k) => ({ id: k, label: declarationKindLabels[k] }))}
          />
          <TextInput label="Nature of the interest" value={nature} onChange={setNature} />
          <div className="field">
            <label className="inline-check">
              <input
                type="checkbox"
                checked={withdrew}
                disabled={itemId === ''}
                onChange={(e) => {
                  setWithdrew(e.target.checked);
                  if (e.target.checked) setDispensation(false);
                }}
              />{' '}
              Withdrew from the meeting for the item
            </label>
          </div>
          {kind === 'disclosable_pecuniary' ? (
            <div className="field">
              <label className="inline-check">
                <input
                  type="checkbox"
                  checked={dispensation}
                  onChange={(e) => {
                    setDispensation(e.target.checked);
                    if (e.target.checked) setWithdrew(false);
                  }}
                />{' '}
                Stayed under a dispensation
              </label>
            </div>
          ) : null}
          <ProblemNote problem={problem} />
          <ErrorNote
            error={add.error ?? remove.error}
            labels={{
              kind: 'Type of interest',
              withdrew: 'Withdrew',
              dispensation: 'Dispensation',
              nature: 'Nature of the interest',
              memberId: 'Member',
              itemId: 'Agenda item',
            }}
            values={{ memberId, itemId, kind, nature, withdrew, dispensation }}
          />
          <Button type="submit" variant="secondary" isDisabled={add.isPending}>
            Record declaration
          </Button>
        </form>
      ) : null}
    </LivePanel>
  );
}
