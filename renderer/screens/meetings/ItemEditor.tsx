import { useEffect, useState, type FormEvent } from 'react';
import { Checkbox, CheckboxGroup, Label } from 'react-aria-components';
import { purposeLabels, purposes, type Purpose } from '../../../shared/api/meetings';
import { useApiMutation } from '../../api/hooks';
import { Button, ErrorNote, SelectInput, TextInput } from '../../components/forms';
import { ConfirmDelete } from '../../components/bin';
import { Papers } from './Papers';
import type { Item, Meeting } from './parts';

function LinkGroup(props: {
  label: string;
  options: { id: number; code: string; title: string }[];
  value: number[];
  onChange: (v: number[]) => void;
}) {
  if (props.options.length === 0) return null;
  return (
    <CheckboxGroup
      className="field checkbox-group"
      value={props.value.map(String)}
      onChange={(v) => props.onChange(v.map(Number))}
    >
      <Label>{props.label}</Label>
      {props.options.map((o) => (
        <Checkbox key={o.id} value={String(o.id)} className="checkbox">
          <span className="box" aria-hidden="true" />
          {o.code} {o.title}
        </Checkbox>
      ))}
    </CheckboxGroup>
  );
}

/** Edits one agenda item; keyed by item id so switching items starts afresh. */
export function ItemEditor({
  m,
  item,
  onRemoved,
  onDirtyChange,
}: {
  m: Meeting;
  item: Item;
  onRemoved: () => void;
  /** Told whether the form holds changes not yet saved (the agenda asks before switching). */
  onDirtyChange?: (dirty: boolean) => void;
}) {
  const [title, setTitle] = useState(item.title);
  const [presenter, setPresenter] = useState(item.presenter);
  const [purpose, setPurpose] = useState<Purpose>(item.purpose);
  const [minutes, setMinutes] = useState(item.minutesAllowed === null ? '' : String(item.minutesAllowed));
  const [exempt, setExempt] = useState(item.exempt);
  const [paragraph, setParagraph] = useState(item.exemptParagraph);
  const [priorityIds, setPriorityIds] = useState(item.priorityIds);
  const [pledgeIds, setPledgeIds] = useState(item.pledgeIds);
  const [principleIds, setPrincipleIds] = useState(item.principleIds);
  const [papers, setPapers] = useState(item.papers);
  const [confirmRemove, setConfirmRemove] = useState(false);
  const [saved, setSaved] = useState(false);
  const update = useApiMutation('item.update');
  const minutesNumber = minutes.trim() === '' ? null : Number(minutes);
  const minutesError =
    minutesNumber !== null && (!Number.isInteger(minutesNumber) || minutesNumber < 1 || minutesNumber > 600)
      ? 'Time allowed must be whole minutes from 1 to 600'
      : undefined;
  const fieldError = (name: string) =>
    (update.error as { issues?: { path: string; message: string }[] } | null)?.issues?.find((i) =>
      i.path.startsWith(name),
    )?.message;

  const values = {
    itemId: item.id,
    title,
    presenter,
    purpose,
    minutesAllowed: minutesNumber,
    exempt,
    exemptParagraph: paragraph,
    priorityIds,
    pledgeIds,
    principleIds,
    papers,
  };
  // What the board file holds: the item as loaded, then as last saved from here.
  const [baseline, setBaseline] = useState(() =>
    JSON.stringify({
      ...values,
      title: item.title,
      presenter: item.presenter,
      purpose: item.purpose,
      minutesAllowed: item.minutesAllowed,
      exempt: item.exempt,
      exemptParagraph: item.exemptParagraph,
      priorityIds: item.priorityIds,
      pledgeIds: item.pledgeIds,
      principleIds: item.principleIds,
      papers: item.papers,
    }),
  );
  const current = JSON.stringify(values);
  const dirty = current !== baseline;
  useEffect(() => onDirtyChange?.(dirty), [dirty, onDirtyChange]);
  useEffect(() => () => onDirtyChange?.(false), [onDirtyChange]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (minutesError) return;
    setSaved(false);
    update.mutate(values, {
      onSuccess: () => {
        setSaved(true);
        setBaseline(current);
      },
    });
  };

  return (
    <form className="item-editor" noValidate onSubmit={submit} aria-labelledby="item-editor-h">
      <h3 id="item-editor-h">Item {item.position}: edit</h3>
      <TextInput label="Title" value={title} onChange={setTitle} isRequired error={fieldError('title')} />
      <TextInput label="Presenter" value={presenter} onChange={setPresenter} />
      <SelectInput
        label="Purpose"
        value={purpose}
        onChange={setPurpose}
        options={purposes.map((p) => ({ id: p, label: purposeLabels[p] }))}
      />
      <TextInput
        label="Time allowed (minutes)"
        value={minutes}
        onChange={setMinutes}
        type="number"
        error={minutesError ?? fieldError('minutesAllowed')}
      />
      <div className="field">
        <label className="inline-check">
          <input type="checkbox" checked={exempt} onChange={(e) => setExempt(e.target.checked)} /> Part B:
          exempt from the public minutes
        </label>
      </div>
      {exempt ? (
        <TextInput
          label="Exempt under (Schedule 12A paragraph)"
          description="e.g. Paragraph 1 — information relating to an individual"
          value={paragraph}
          onChange={setParagraph}
          error={fieldError('exemptParagraph')}
        />
      ) : null}
      <LinkGroup
        label="Linked priorities"
        options={m.linkOptions.priorities}
        value={priorityIds}
        onChange={setPriorityIds}
      />
      <LinkGroup
        label="Linked pledges"
        options={m.linkOptions.pledges}
        value={pledgeIds}
        onChange={setPledgeIds}
      />
      <LinkGroup
        label="Corporate Parenting Principles"
        options={m.linkOptions.principles}
        value={principleIds}
        onChange={setPrincipleIds}
      />
      <Papers papers={papers} onChange={setPapers} errorFor={(i) => fieldError(`papers.${i}`)} />
      <ErrorNote
        error={update.error}
        labels={{
          title: 'Title',
          presenter: 'Presenter',
          purpose: 'Purpose',
          minutesAllowed: 'Time allowed (minutes)',
          exemptParagraph: 'Exempt under (Schedule 12A paragraph)',
        }}
      />
      {saved && !update.isPending ? (
        <p role="status" className="ok-note">
          Item {item.position} saved.
        </p>
      ) : null}
      <div className="toolbar sticky-footer">
        <Button type="submit" isDisabled={update.isPending}>
          Save item
        </Button>
        {dirty ? <span className="muted">Unsaved changes</span> : null}
        <Button variant="danger" onPress={() => setConfirmRemove(true)}>
          Remove item
        </Button>
      </div>
      <ConfirmDelete
        isOpen={confirmRemove}
        onClose={() => setConfirmRemove(false)}
        method="item.remove"
        input={{ itemId: item.id }}
        kind="item"
        recordId={item.id}
        what={`item ${item.position}, “${item.title}”`}
        detail="Its minutes, decisions and actions go with it; the other items are renumbered."
        action="Remove the item"
        onDeleted={onRemoved}
      />
    </form>
  );
}
