import { useRef, useState } from 'react';
import { Label, Radio, RadioGroup, Text } from 'react-aria-components';
import { ApiError, type ApiInput } from '../../../shared/api';
import {
  documentFields,
  documentFileName,
  documentFormatLabel,
  documentFormats,
  documentKindLabel,
  documentKinds,
  exportDocumentInput,
  type DocumentFormat,
  type DocumentKind,
  type ExportOptions,
} from '../../../shared/api/exports';
import { formatDate, formatDateWithDay, isIsoDate } from '../../../shared/domain/dates';
import { call, isElectron } from '../../api/client';
import { useApi } from '../../api/hooks';
import { QueryState } from '../../components/QueryState';
import { Button, DateInput, humanisePath, Reads, SelectInput, userMessage } from '../../components/forms';
import { AnnualWords } from './AnnualWords';

const kindHelp: Record<DocumentKind, string> = {
  agenda:
    'Front sheet with summons, contact officer and public notice; the numbered agenda; each report’s author, purpose, recommendations and papers; the scorecard summary; Part B last.',
  minutes:
    'Numbered minutes (CPB/26/27/14): attendance, declarations, resolutions, actions, the exclusion resolution, closing time, the Chair’s signature and an action schedule.',
  actions:
    'Every action (or those raised in a period) by status and urgency, with the latest update, how finished ones ended, and overdue stated and shaded.',
  scorecard:
    'The reporting period, contents, and every measure with its definition, owner, source, RAG, comparators, chart and commentary; the children in care profile.',
  annual:
    'The chair’s foreword and the words you write below, with the year’s meetings, decisions, actions, member visits, themes, voice of the child, figures and forward plan.',
  'forward-plan':
    'The meetings between the dates and the reports due at each (IRO, Virtual School Head, fostering…), who presents and whether they are on the agenda yet.',
};

const statusLabel: Record<ExportOptions['meetings'][number]['status'], string> = {
  draft: 'agenda in draft',
  agenda_published: 'agenda published',
  in_progress: 'in progress',
  minutes_draft: 'minutes in draft',
  minutes_approved: 'minutes approved',
};

type Progress =
  | { state: 'idle' }
  | { state: 'working' }
  | { state: 'done'; text: string }
  | { state: 'error'; text: string };

const MIME: Record<DocumentFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};

/** Browser mode: hand the document to the browser as a download. */
function download(fileName: string, base64: string, format: DocumentFormat): void {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const blob = new Blob([bytes], { type: MIME[format] });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Reports: every Word document the board publishes, files or is inspected on. */
export function ReportsScreen() {
  const options = useApi('export.options', {});
  const info = useApi('app.info', {});
  return (
    <div className="reports-screen">
      <h1>Reports</h1>
      <p className="muted">
        Save the board’s documents as Word files to edit, or as PDF to publish. Both have the same pages:
        heading styles, numbered items, tables and “Page X of Y” footers; the PDF is tagged for screen
        readers.
      </p>
      <QueryState query={options}>{(o) => <ReportForm options={o} board={info.data ?? null} />}</QueryState>
    </div>
  );
}

function ReportForm({
  options,
  board,
}: {
  options: ExportOptions;
  board: { authority: string; name: string } | null;
}) {
  const [kind, setKind] = useState<DocumentKind>('minutes');
  const held = options.meetings.filter(
    (m) => m.status === 'in_progress' || m.status === 'minutes_draft' || m.status === 'minutes_approved',
  );
  const [meetingId, setMeetingId] = useState<string | null>(null);
  const [version, setVersion] = useState<'public' | 'confidential'>('public');
  // Minutes are made for meetings held; a draft before the meeting only when asked for.
  const [draft, setDraft] = useState(false);
  const [scorecardBasis, setScorecardBasis] = useState<string>('current');
  const [from, setFrom] = useState(options.yearFrom);
  const [to, setTo] = useState(options.yearTo);
  // An optional period (scorecard, action log): empty means every figure or action.
  const [periodFrom, setPeriodFrom] = useState('');
  const [periodTo, setPeriodTo] = useState('');
  const [format, setFormat] = useState<DocumentFormat>('docx');
  const [progress, setProgress] = useState<Progress>({ state: 'idle' });
  const saveButton = useRef<HTMLButtonElement>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});

  const meetingChoices = kind === 'minutes' && !draft ? held : options.meetings;
  // Meetings come newest first: the agenda defaults to the next meeting, the minutes to the latest one held.
  const upcoming = options.meetings.filter((m) => m.date >= options.today).at(-1);
  const defaultMeeting = (
    kind === 'agenda' ? (upcoming ?? options.meetings[0]) : (held[0] ?? options.meetings[0])
  )?.id;
  const chosenMeeting =
    meetingId !== null && meetingChoices.some((m) => String(m.id) === meetingId)
      ? meetingId
      : defaultMeeting !== undefined
        ? String(defaultMeeting)
        : null;
  const meeting = options.meetings.find((m) => String(m.id) === chosenMeeting) ?? null;
  // What each kind takes comes from its schema; the same schema checks the choices below.
  const fields = documentFields[kind];
  const needsMeeting = fields.meeting === 'required';
  // A frozen scorecard has its own figures: a period applies to the current figures only.
  const offersPeriod =
    fields.range === 'optional' && !(fields.meeting === 'optional' && scorecardBasis !== 'current');
  const withSnapshot = options.meetings.filter((m) => m.snapshot);

  const meetingLabel = (m: ExportOptions['meetings'][number]) =>
    `${formatDateWithDay(m.date)}, ${m.startTime} — ${statusLabel[m.status]}${m.exemptItems ? ` (${m.exemptItems} Part B ${m.exemptItems === 1 ? 'item' : 'items'})` : ''}`;

  function buildInput(): { input: ApiInput<'export.document'>; name: string } | null {
    const checked = exportDocumentInput.safeParse({
      kind,
      ...(needsMeeting ? { meetingId: meeting?.id } : {}),
      ...(fields.meeting === 'optional' && scorecardBasis !== 'current'
        ? { meetingId: Number(scorecardBasis) }
        : {}),
      ...(fields.version ? { public: version === 'public' } : {}),
      ...(fields.draft && draft ? { draft: true } : {}),
      ...(fields.range === 'required' ? { from, to } : {}),
      ...(offersPeriod && periodFrom ? { from: periodFrom } : {}),
      ...(offersPeriod && periodTo ? { to: periodTo } : {}),
      format,
    });
    const problems: Record<string, string> = {};
    for (const issue of checked.error?.issues ?? []) {
      const field = issue.path[0];
      if (field === 'meetingId') problems.meeting = 'Choose a meeting.';
      const last = fields.range === 'required' ? to : periodTo;
      if (field === 'from') problems.from = 'Enter the first day as a date like 01/04/2026.';
      if (field === 'to')
        problems.to = isIsoDate(last)
          ? 'The last day must be on or after the first day.'
          : 'Enter the last day as a date like 31/03/2027.';
    }
    setErrors(problems);
    if (!checked.success) return null;
    const input = checked.data;
    const b = board ?? { authority: 'CPB', name: 'CPB' };
    const today = formatDate(options.today);
    const meetingDate = formatDate(meeting?.date ?? options.today);
    const range = (r: { from?: string; to?: string }) => ({
      ...(r.from ? { from: formatDate(r.from) } : {}),
      ...(r.to ? { to: formatDate(r.to) } : {}),
    });
    switch (input.kind) {
      case 'agenda':
        return {
          input,
          name: documentFileName(b, { kind: input.kind, meetingDate, public: input.public }, format),
        };
      case 'minutes':
        return {
          input,
          name: documentFileName(b, { kind: input.kind, meetingDate, public: input.public }, format),
        };
      case 'actions':
        return {
          input,
          name: documentFileName(
            b,
            { kind: input.kind, today, public: input.public, ...range(input) },
            format,
          ),
        };
      case 'scorecard':
        return { input, name: documentFileName(b, { kind: input.kind, today, ...range(input) }, format) };
      case 'annual':
      case 'forward-plan':
        return {
          input,
          name: documentFileName(
            b,
            { kind: input.kind, from: formatDate(input.from), to: formatDate(input.to) },
            format,
          ),
        };
    }
  }

  async function save() {
    const built = buildInput();
    if (!built) {
      setProgress({ state: 'error', text: 'Some choices need attention: see the messages above.' });
      return;
    }
    setProgress({ state: 'working' });
    try {
      if (isElectron() && window.cpb) {
        const r = await window.cpb.saveDocument({
          suggestedName: built.name,
          input: built.input,
        });
        if (!r.ok) throw new ApiError(r.error.code, r.error.message, r.error.issues);
        setProgress(
          r.value.saved
            ? { state: 'done', text: `Saved ${r.value.path ?? built.name}.` }
            : { state: 'done', text: 'Not saved: the save dialog was cancelled.' },
        );
      } else {
        const doc = await call('export.document', built.input);
        download(doc.fileName, doc.dataBase64, format);
        setProgress({
          state: 'done',
          text: `Downloaded ${doc.fileName}. Your browser has put it in your downloads folder.`,
        });
      }
    } catch (e) {
      const err = e as ApiError;
      const issues = err.issues?.map((i) => `${humanisePath(i.path)}: ${i.message}`).join('; ');
      const message = err.code === 'invalid_input' && issues ? issues : userMessage(err.message);
      setProgress({ state: 'error', text: `The document could not be made: ${message}` });
    } finally {
      // Focus stays on the button (WCAG 2.4.3), even if the browser dropped it while the document was made.
      if (!document.activeElement || document.activeElement === document.body) saveButton.current?.focus();
    }
  }

  return (
    <>
      {/* Making a document only reads the board, so it works on a read-only board too. */}
      <Reads>
        <form
          className="report-form"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <RadioGroup
            className="field radio-group"
            value={kind}
            onChange={(v) => {
              setKind(v as DocumentKind);
              setErrors({});
              setProgress({ state: 'idle' });
            }}
          >
            <Label className="group-label">Document</Label>
            {documentKinds.map((k) => (
              <Radio key={k} value={k} className="radio">
                <span className="radio-label">{documentKindLabel[k]}</span>
                <Text slot="description" className="hint">
                  {kindHelp[k]}
                </Text>
              </Radio>
            ))}
          </RadioGroup>

          {needsMeeting ? (
            meetingChoices.length ? (
              <>
                <SelectInput
                  label="Meeting"
                  value={chosenMeeting}
                  onChange={(v) => setMeetingId(v)}
                  options={meetingChoices.map((m) => ({ id: String(m.id), label: meetingLabel(m) }))}
                  description={
                    kind === 'minutes'
                      ? draft
                        ? 'Every meeting: one not yet held gets draft minutes, stamped as such.'
                        : 'Meetings that have been held.'
                      : undefined
                  }
                />
                {errors.meeting ? <p className="field-error">{errors.meeting}</p> : null}
              </>
            ) : (
              <p className="field-error">
                {kind === 'minutes'
                  ? 'No meeting has been held yet, so there are no minutes to save.'
                  : 'There are no meetings yet: add one under Meetings first.'}
              </p>
            )
          ) : null}

          {fields.draft ? (
            <div className="field">
              <label className="inline-check">
                <input type="checkbox" checked={draft} onChange={(e) => setDraft(e.target.checked)} /> Draft
                minutes for a meeting not yet held (stamped “DRAFT — meeting not yet held” on every page)
              </label>
            </div>
          ) : null}

          {fields.version ? (
            <RadioGroup
              className="field radio-group"
              value={version}
              onChange={(v) => setVersion(v as 'public' | 'confidential')}
            >
              <Label className="group-label">Version</Label>
              <Radio value="public" className="radio">
                <span className="radio-label">Public</span>
                <Text slot="description" className="hint">
                  Part B (exempt) items show only their number and public title; young people are named by
                  first name if the board’s setting says so.
                </Text>
              </Radio>
              <Radio value="confidential" className="radio">
                <span className="radio-label">Confidential</span>
                <Text slot="description" className="hint">
                  Everything, including Part B items, marked CONFIDENTIAL on every page.
                </Text>
              </Radio>
            </RadioGroup>
          ) : null}

          {fields.meeting === 'optional' ? (
            <SelectInput
              label="Figures"
              value={scorecardBasis}
              onChange={setScorecardBasis}
              options={[
                { id: 'current', label: `Current figures (${formatDate(options.today)})` },
                ...withSnapshot.map((m) => ({
                  id: String(m.id),
                  label: `Frozen for the meeting on ${formatDate(m.date)}`,
                })),
              ]}
            />
          ) : null}

          {fields.range === 'required' ? (
            <div className="toolbar">
              <DateInput label="From" value={from} onChange={setFrom} error={errors.from} isRequired />
              <DateInput label="To" value={to} onChange={setTo} error={errors.to} isRequired />
            </div>
          ) : null}

          {offersPeriod ? (
            <fieldset className="period-fieldset">
              <legend>Period (optional)</legend>
              <p className="hint">
                {kind === 'scorecard'
                  ? 'Only figures for periods that ended between these dates. Leave both empty for the latest figures.'
                  : 'Only actions raised between these dates. Leave both empty for every action.'}
              </p>
              <div className="toolbar">
                <DateInput label="From" value={periodFrom} onChange={setPeriodFrom} error={errors.from} />
                <DateInput label="To" value={periodTo} onChange={setPeriodTo} error={errors.to} />
              </div>
            </fieldset>
          ) : null}

          <RadioGroup
            className="field radio-group"
            value={format}
            onChange={(v) => setFormat(v as DocumentFormat)}
          >
            <Label className="group-label">Format</Label>
            {documentFormats.map((f) => (
              <Radio key={f} value={f} className="radio">
                <span className="radio-label">{documentFormatLabel[f]}</span>
                <Text slot="description" className="hint">
                  {f === 'docx'
                    ? 'To edit in Word before it goes out.'
                    : 'To publish: tagged for screen readers, with its title and language set.'}
                </Text>
              </Radio>
            ))}
          </RadioGroup>

          <div className="toolbar">
            <Button
              ref={saveButton}
              type="submit"
              isPending={progress.state === 'working'}
              isDisabled={needsMeeting && meetingChoices.length === 0}
            >
              {format === 'pdf' ? 'Save as PDF' : 'Save as Word document'}
            </Button>
          </div>
          <div role="status" aria-live="polite" className="report-progress">
            {progress.state === 'working' ? <p>Preparing the document…</p> : null}
            {progress.state === 'done' ? <p>{progress.text}</p> : null}
          </div>
          {progress.state === 'error' ? (
            <div role="alert" className="error-panel">
              <p>{progress.text}</p>
            </div>
          ) : null}
        </form>
      </Reads>
      {/* Outside the form above: each section is its own small form. */}
      {kind === 'annual' ? <AnnualWords from={from} /> : null}
    </>
  );
}
