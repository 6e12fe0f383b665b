import { useEffect, useState, type FormEvent } from 'react';
import { Checkbox, CheckboxGroup, Label } from 'react-aria-components';
import { ApiError } from '../../../shared/api';
import { purposeLabels, purposes, type Purpose } from '../../../shared/api/meetings';
import { paragraphChoice, publicTitleOf, schedule12aParagraphs } from '../../../shared/domain/publishing';
import { useApiMutation } from '../../api/hooks';
import { Button, ErrorNote, SelectInput, TextAreaInput, TextInput } from '../../components/forms';
import { ConfirmDelete } from '../../components/bin';
import { History } from '../audit/History';
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

/** The other person's details a conflict carries (see the core's staleSave). */
interface TheirItem {
  revision: number;
  title: string;
  presenter: string;
  purpose: Purpose;
  minutesAllowed: number | null;
  exempt: boolean;
  exemptParagraph: number | null;
  publicTitle: string;
  reportAuthor: string;
  reportPurpose: string;
  recommendations: string;
}
function conflictOf(error: Error | null): TheirItem | null {
  if (!(error instanceof ApiError) || error.code !== 'conflict') return null;
  const c = error.current as Partial<TheirItem> | undefined;
  return c && typeof c.revision === 'number' && typeof c.title === 'string' ? (c as TheirItem) : null;
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
  const [paragraph, setParagraph] = useState<number | null>(item.exemptParagraph);
  const [publicTitle, setPublicTitle] = useState(item.publicTitle);
  const [reportAuthor, setReportAuthor] = useState(item.reportAuthor);
  const [reportPurpose, setReportPurpose] = useState(item.reportPurpose);
  const [recommendations, setRecommendations] = useState(item.recommendations);
  const [priorityIds, setPriorityIds] = useState(item.priorityIds);
  const [pledgeIds, setPledgeIds] = useState(item.pledgeIds);
  const [principleIds, setPrincipleIds] = useState(item.principleIds);
  const [papers, setPapers] = useState(item.papers);
  const [confirmRemove, setConfirmRemove] = useState(false);
  const [saved, setSaved] = useState(false);
  // The revision this form started from: a save from a stale copy is refused, not silently applied.
  const [base, setBase] = useState(item.revision);
  const update = useApiMutation('item.update');
  const theirs = conflictOf(update.error);
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
    publicTitle,
    reportAuthor,
    reportPurpose,
    recommendations,
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
      publicTitle: item.publicTitle,
      reportAuthor: item.reportAuthor,
      reportPurpose: item.reportPurpose,
      recommendations: item.recommendations,
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
    // baseRevision travels beside the values, so the unsaved-changes check compares only the item.
    update.mutate(
      { ...values, baseRevision: base },
      {
        onSuccess: (r) => {
          setBase(r.revision);
          setSaved(true);
          setBaseline(current);
        },
      },
    );
  };
  /** Shows the other person's details in the form, to carry on from theirs. */
  const loadTheirs = () => {
    if (!theirs) return;
    setTitle(theirs.title);
    setPresenter(theirs.presenter);
    setPurpose(theirs.purpose);
    setMinutes(theirs.minutesAllowed === null ? '' : String(theirs.minutesAllowed));
    setExempt(theirs.exempt);
    setParagraph(theirs.exemptParagraph);
    setPublicTitle(theirs.publicTitle);
    setReportAuthor(theirs.reportAuthor);
    setReportPurpose(theirs.reportPurpose);
    setRecommendations(theirs.recommendations);
    setBase(theirs.revision);
    update.reset();
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
        <>
          <SelectInput
            label="Exempt under (Schedule 12A paragraph)"
            description="Part 1 of Schedule 12A to the Local Government Act 1972: the exclusion resolution cites it."
            value={paragraph === null ? null : String(paragraph)}
            onChange={(v) => setParagraph(Number(v))}
            options={schedule12aParagraphs.map((n) => ({ id: String(n), label: paragraphChoice(n) }))}
          />
          {fieldError('exemptParagraph') ? (
            <p className="field-error">{fieldError('exemptParagraph')}</p>
          ) : null}
          <TextInput
            label="Public title"
            description={`What the public agenda and minutes call this item; the real title is never printed in them. Empty: “${publicTitleOf({ publicTitle: '', exemptParagraph: paragraph })}”.`}
            value={publicTitle}
            onChange={setPublicTitle}
            error={fieldError('publicTitle')}
          />
        </>
      ) : null}
      <TextInput
        label="Report author"
        description="Name and job title, for the agenda pack."
        value={reportAuthor}
        onChange={setReportAuthor}
        error={fieldError('reportAuthor')}
      />
      <TextAreaInput
        label="Purpose of the report"
        value={reportPurpose}
        onChange={setReportPurpose}
        rows={2}
        error={fieldError('reportPurpose')}
      />
      <TextAreaInput
        label="Recommendations"
        description="One a line; the agenda numbers them under “The Board is recommended to:”."
        value={recommendations}
        onChange={setRecommendations}
        rows={3}
        error={fieldError('recommendations')}
      />
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
          publicTitle: 'Public title',
          reportAuthor: 'Report author',
          reportPurpose: 'Purpose of the report',
          recommendations: 'Recommendations',
        }}
      />
      {theirs ? (
        <div className="toolbar" data-testid="item-conflict">
          <Button variant="secondary" onPress={loadTheirs}>
            Load their version
          </Button>
          <Button
            variant="secondary"
            onPress={() => {
              // Keep mine: the next save goes on top of theirs, deliberately.
              setBase(theirs.revision);
              update.reset();
            }}
          >
            Keep mine (then save again)
          </Button>
        </div>
      ) : null}
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
      <History entity="item" id={item.id} what={`item ${item.position}`} />
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
