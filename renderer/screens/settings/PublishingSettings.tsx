import { useState, type FormEvent } from 'react';
import type { Publishing } from '../../../shared/api/publishing';
import { STANDARD_PUBLIC_NOTICE, minuteSeries } from '../../../shared/domain/publishing';
import { useApi, useApiMutation } from '../../api/hooks';
import { Button, ErrorNote, SelectInput, TextAreaInput, TextInput } from '../../components/forms';
import { QueryState } from '../../components/QueryState';

type Issues = { issues?: { path: string; message: string }[] } | null;
const issueOf = (e: Error | null, f: string) => (e as Issues)?.issues?.find((i) => i.path === f)?.message;

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const labels: Record<keyof Publishing, string> = {
  contactName: 'Contact officer',
  contactTitle: 'Contact officer’s job title',
  contactEmail: 'Contact email',
  contactPhone: 'Contact telephone',
  summonsBy: 'Summons issued by',
  publicNotice: 'Public access and filming notice',
  youngPeopleFirstNames: 'Young people by first name',
  minutePrefix: 'Minute number prefix',
  yearStartMonth: 'Municipal year starts in',
};

/** What the board's published documents say: the agenda's front sheet, names in public, minute numbers. */
export function PublishingSettings() {
  const q = useApi('board.publishing', {});
  return (
    <section aria-labelledby="publishing-h" className="card">
      <h2 id="publishing-h">Agenda and minutes</h2>
      <p className="muted">What the agenda pack’s front sheet and the published minutes say.</p>
      <QueryState query={q}>{(p) => <PublishingForm current={p} />}</QueryState>
    </section>
  );
}

function PublishingForm({ current }: { current: Publishing }) {
  const [v, setV] = useState(current);
  const [saved, setSaved] = useState(false);
  const save = useApiMutation('board.setPublishing');
  // Follow changes saved elsewhere without remounting, so focus stays on the form (WCAG 2.4.3).
  const [seen, setSeen] = useState(current);
  if (JSON.stringify(seen) !== JSON.stringify(current)) {
    setSeen(current);
    setV(current);
  }
  const set =
    <K extends keyof Publishing>(k: K) =>
    (value: Publishing[K]) => {
      setSaved(false);
      setV((old) => ({ ...old, [k]: value }));
    };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    save.mutate(v, { onSuccess: () => setSaved(true) });
  };
  return (
    <form noValidate onSubmit={submit}>
      <TextInput
        label={labels.contactName}
        description="Named on the agenda’s front sheet for questions and requests to film."
        value={v.contactName}
        onChange={set('contactName')}
        error={issueOf(save.error, 'contactName')}
      />
      <TextInput
        label={labels.contactTitle}
        value={v.contactTitle}
        onChange={set('contactTitle')}
        error={issueOf(save.error, 'contactTitle')}
      />
      <TextInput
        label={labels.contactEmail}
        value={v.contactEmail}
        onChange={set('contactEmail')}
        error={issueOf(save.error, 'contactEmail')}
      />
      <TextInput
        label={labels.contactPhone}
        value={v.contactPhone}
        onChange={set('contactPhone')}
        error={issueOf(save.error, 'contactPhone')}
      />
      <TextInput
        label={labels.summonsBy}
        description="The proper officer who signs the summons, e.g. “Sarah Whitfield, Director of Law and Governance”."
        value={v.summonsBy}
        onChange={set('summonsBy')}
        error={issueOf(save.error, 'summonsBy')}
      />
      <TextAreaInput
        label={labels.publicNotice}
        description={`Empty: the standard wording — “${STANDARD_PUBLIC_NOTICE.slice(0, 90)}…”`}
        value={v.publicNotice}
        onChange={set('publicNotice')}
        rows={4}
        error={issueOf(save.error, 'publicNotice')}
      />
      <div className="field">
        <label className="inline-check">
          <input
            type="checkbox"
            checked={v.youngPeopleFirstNames}
            onChange={(e) => set('youngPeopleFirstNames')(e.target.checked)}
          />{' '}
          In public documents, name young people by first name only (e.g. “Jade” for Jade Robinson)
        </label>
      </div>
      <TextInput
        label={labels.minutePrefix}
        description={`Minutes are numbered ${minuteSeries(v.minutePrefix || 'CPB', '2026-06-01', v.yearStartMonth)}/1, /2… through the municipal year, across its meetings.`}
        value={v.minutePrefix}
        onChange={set('minutePrefix')}
        error={issueOf(save.error, 'minutePrefix')}
      />
      <SelectInput
        label={labels.yearStartMonth}
        value={String(v.yearStartMonth)}
        onChange={(m) => set('yearStartMonth')(Number(m))}
        options={MONTHS.map((name, k) => ({ id: String(k + 1), label: name }))}
        description="Approved minutes keep the numbers they were approved with."
      />
      <ErrorNote error={save.error} labels={labels} />
      {saved ? (
        <p role="status" className="ok-note">
          Agenda and minutes settings saved.
        </p>
      ) : null}
      <Button type="submit">Save agenda and minutes settings</Button>
    </form>
  );
}
