import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import {
  frequencies,
  frequencyLabels,
  monthNames,
  type ForwardPlan,
  type StandingReport,
} from '../../../shared/api/forward';
import { documentFileName } from '../../../shared/api/exports';
import { meetingStatusLabels, purposeLabels, purposes, type Purpose } from '../../../shared/api/meetings';
import { formatDate, formatDateWithDay } from '../../../shared/domain/dates';
import { useApi, useApiMutation } from '../../api/hooks';
import { Button, ErrorNote, NativeSelect, ProblemNote, TextInput, userMessage } from '../../components/forms';
import { QueryState } from '../../components/QueryState';
import { saveDocument } from '../../components/saveDocument';

type PlanMeeting = ForwardPlan['meetings'][number];

const purposeOptions = purposes.map((p) => ({ id: p, label: purposeLabels[p] }));

/** "Twice a year: June and December" */
function dueWords(s: Pick<StandingReport, 'frequency' | 'dueMonth'>): string {
  if (s.frequency === 'every_meeting') return 'Every meeting';
  if (!s.dueMonth) return `${frequencyLabels[s.frequency]}, any month`;
  if (s.frequency === 'annual') return `Once a year, in ${monthNames[s.dueMonth - 1]}`;
  return `Twice a year, in ${monthNames[s.dueMonth - 1]} and ${monthNames[(s.dueMonth + 5) % 12]}`;
}

/** Minutes typed in a form: '' for none, a whole number, or a problem. */
function minutesOf(text: string): { value: number | null } | { problem: string } {
  if (text.trim() === '') return { value: null };
  const n = Number(text);
  return Number.isInteger(n) && n >= 1 && n <= 600
    ? { value: n }
    : { problem: 'Time allowed: must be whole minutes from 1 to 600, or blank' };
}

/**
 * The forward plan (work programme): the year's meetings and the reports due at each, from the
 * board's standing reports or one-off; who presents; agendas drafted from it; and its Word export.
 */
export function ForwardPlanScreen() {
  const [year, setYear] = useState<number | undefined>(undefined);
  const q = useApi('forward.get', year === undefined ? {} : { year });
  return (
    <div className="forward-plan">
      <h1>Forward plan</h1>
      <p className="muted">
        The Board’s work programme: the meetings of the municipal year and the reports due at each. Place the
        standing reports in the year’s meetings, add one-off reports, then draft each agenda from its plan.
      </p>
      <QueryState query={q}>{(d) => <Plan d={d} onYear={setYear} />}</QueryState>
    </div>
  );
}

function Plan({ d, onYear }: { d: ForwardPlan; onYear: (y: number) => void }) {
  const planYear = useApiMutation('forward.planYear');
  const info = useApi('app.info', {});
  const [note, setNote] = useState('');
  const [exporting, setExporting] = useState(false);
  const exportPlan = async () => {
    setExporting(true);
    setNote('');
    try {
      const board = info.data ?? { authority: 'CPB', name: 'CPB' };
      setNote(
        await saveDocument(
          { kind: 'forward-plan', from: d.year.from, to: d.year.to },
          documentFileName(board, {
            kind: 'forward-plan',
            from: formatDate(d.year.from),
            to: formatDate(d.year.to),
          }),
        ),
      );
    } catch (e) {
      setNote(`The document could not be made: ${userMessage((e as Error).message)}`);
    } finally {
      setExporting(false);
    }
  };
  const active = d.standingReports.filter((s) => !s.archived);
  return (
    <>
      <div className="toolbar plan-toolbar">
        <NativeSelect
          label="Year"
          value={String(d.year.start)}
          onChange={(v) => onYear(Number(v))}
          options={d.years.map((y) => ({
            id: String(y.start),
            label: `${y.label} (${monthNames[d.startMonth - 1]} to ${monthNames[(d.startMonth + 10) % 12]})`,
          }))}
        />
        <Button
          onPress={() =>
            planYear.mutate(
              { year: d.year.start },
              {
                onSuccess: (r) =>
                  setNote(
                    (r.added
                      ? `Planned ${r.added} standing ${r.added === 1 ? 'report' : 'reports'} across ${r.meetings} ${r.meetings === 1 ? 'meeting' : 'meetings'}.`
                      : 'Every standing report due at the meetings arranged is already planned (meetings that have started are left as they are).') +
                      (r.waiting.length
                        ? ` Due after the last meeting arranged this year: ${r.waiting.join('; ')}. Arrange the meetings, then plan again.`
                        : ''),
                  ),
              },
            )
          }
          isDisabled={planYear.isPending}
        >
          Plan the year from the standing reports
        </Button>
        <Button variant="secondary" reads onPress={() => void exportPlan()} isDisabled={exporting}>
          {exporting ? 'Making the document…' : 'Save as Word'}
        </Button>
      </div>
      <p role="status" data-testid="plan-status">
        {note}
      </p>
      <ErrorNote error={planYear.error} />
      <section aria-labelledby="plan-meetings-h">
        <h2 id="plan-meetings-h">
          Meetings in {d.year.label} ({d.meetings.length})
        </h2>
        {d.meetings.length === 0 ? (
          <p>
            No meetings are arranged between {formatDate(d.year.from)} and {formatDate(d.year.to)}. Add them
            on the <Link to="/meetings">Meetings</Link> screen.
          </p>
        ) : null}
        {d.meetings.map((m) => (
          <MeetingPlan key={m.id} m={m} standing={active} />
        ))}
      </section>
      <StandingReports reports={d.standingReports} />
    </>
  );
}

function MeetingPlan({ m, standing }: { m: PlanMeeting; standing: StandingReport[] }) {
  const remove = useApiMutation('forward.removeReport');
  const draft = useApiMutation('forward.draftAgenda');
  const [drafted, setDrafted] = useState('');
  const [editing, setEditing] = useState<number | null>(null);
  const toAdd = m.reports.filter((r) => r.agendaItemId === null).length;
  const when = formatDateWithDay(m.date);
  return (
    <article
      className="card plan-meeting"
      aria-labelledby={`plan-${m.id}`}
      data-testid={`plan-meeting-${m.id}`}
    >
      <h3 id={`plan-${m.id}`}>
        <Link to={`/meetings/${m.id}`}>{when}</Link>, {m.startTime}
        {m.venue ? ` — ${m.venue}` : ''}
      </h3>
      <p className="muted">{meetingStatusLabels[m.status]}</p>
      {m.reports.length === 0 ? <p>No reports planned yet.</p> : null}
      {m.reports.length ? (
        <table className="data-table">
          <caption className="visually-hidden">Reports planned for {when}</caption>
          <thead>
            <tr>
              <th scope="col">Report</th>
              <th scope="col">Presenter</th>
              <th scope="col">Purpose</th>
              <th scope="col">Time</th>
              <th scope="col">Agenda</th>
              {m.open ? (
                <th scope="col">
                  <span className="visually-hidden">Change</span>
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {m.reports.map((r) =>
              editing === r.id ? (
                <tr key={r.id}>
                  <td colSpan={6}>
                    <EditPlanned report={r} onDone={() => setEditing(null)} />
                  </td>
                </tr>
              ) : (
                <tr key={r.id}>
                  <th scope="row">{r.title}</th>
                  <td>{r.presenter || 'To be confirmed'}</td>
                  <td>{purposeLabels[r.purpose]}</td>
                  <td>{r.minutesAllowed ? `${r.minutesAllowed} min` : '—'}</td>
                  <td>{r.itemPosition !== null ? `Item ${r.itemPosition}` : 'Not yet'}</td>
                  {m.open ? (
                    <td className="row-buttons">
                      <Button
                        variant="secondary"
                        size="small"
                        aria-label={`Change “${r.title}” on ${when}`}
                        onPress={() => setEditing(r.id)}
                      >
                        Change
                      </Button>{' '}
                      <Button
                        variant="secondary"
                        size="small"
                        aria-label={`Take “${r.title}” off the plan for ${when}`}
                        onPress={() => remove.mutate({ id: r.id })}
                      >
                        Remove
                      </Button>
                    </td>
                  ) : null}
                </tr>
              ),
            )}
          </tbody>
        </table>
      ) : null}
      <ErrorNote error={remove.error ?? draft.error} />
      {m.open ? (
        <>
          <AddReport m={m} standing={standing} />
          <div className="toolbar">
            <Button
              variant={toAdd ? 'primary' : 'secondary'}
              isDisabled={draft.isPending || toAdd === 0}
              onPress={() =>
                draft.mutate(
                  { meetingId: m.id },
                  {
                    onSuccess: (r) =>
                      setDrafted(
                        `Added ${r.added} ${r.added === 1 ? 'item' : 'items'} to the agenda of ${when}, before any other business.`,
                      ),
                  },
                )
              }
            >
              {toAdd
                ? `Draft the agenda: add ${toAdd} ${toAdd === 1 ? 'report' : 'reports'}`
                : 'Every planned report is on the agenda'}
            </Button>
          </div>
          <p role="status">
            {drafted ? (
              <>
                {drafted} <Link to={`/meetings/${m.id}`}>Open the agenda</Link>
              </>
            ) : null}
          </p>
        </>
      ) : (
        <p className="hint">This meeting has started: its plan is kept as it was.</p>
      )}
    </article>
  );
}

function AddReport({ m, standing }: { m: PlanMeeting; standing: StandingReport[] }) {
  const add = useApiMutation('forward.addReport');
  const [which, setWhich] = useState('');
  const [title, setTitle] = useState('');
  const [presenter, setPresenter] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const planned = new Set(m.reports.map((r) => r.standingReportId));
  const choices = standing.filter((s) => !planned.has(s.id));
  const chosen = standing.find((s) => String(s.id) === which);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (which === '') return setProblem('Report: choose a standing report or “A one-off report”');
    if (which === 'one-off' && title.trim() === '')
      return setProblem('Title: give the one-off report’s title');
    setProblem(null);
    add.mutate(
      {
        meetingId: m.id,
        standingReportId: chosen ? chosen.id : null,
        ...(which === 'one-off' ? { title } : {}),
        ...(presenter.trim() ? { presenter } : {}),
      },
      {
        onSuccess: () => {
          setWhich('');
          setTitle('');
          setPresenter('');
        },
      },
    );
  };
  return (
    <form
      className="inline-form add-report edit-control"
      aria-label={`Plan a report for ${formatDate(m.date)}`}
      onSubmit={submit}
    >
      <div className="form-row">
        <NativeSelect
          label="Report"
          value={which}
          onChange={setWhich}
          placeholder="Choose…"
          options={[
            ...choices.map((s) => ({ id: String(s.id), label: s.title })),
            { id: 'one-off', label: 'A one-off report…' },
          ]}
        />
        {which === 'one-off' ? <TextInput label="Title" value={title} onChange={setTitle} /> : null}
        <TextInput
          label="Presenter"
          description={chosen?.presenter ? `Blank: ${chosen.presenter}` : undefined}
          value={presenter}
          onChange={setPresenter}
        />
      </div>
      <ProblemNote problem={problem} />
      <ErrorNote error={add.error} labels={{ title: 'Title', presenter: 'Presenter' }} />
      <Button type="submit" variant="secondary" isDisabled={add.isPending}>
        Add to the plan
      </Button>
    </form>
  );
}

function EditPlanned({ report, onDone }: { report: PlanMeeting['reports'][number]; onDone: () => void }) {
  const update = useApiMutation('forward.updateReport');
  const [title, setTitle] = useState(report.title);
  const [presenter, setPresenter] = useState(report.presenter);
  const [purpose, setPurpose] = useState<Purpose>(report.purpose);
  const [minutes, setMinutes] = useState(report.minutesAllowed ? String(report.minutesAllowed) : '');
  const [problem, setProblem] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const mins = minutesOf(minutes);
    if ('problem' in mins) return setProblem(mins.problem);
    setProblem(null);
    update.mutate(
      { id: report.id, title, presenter, purpose, minutesAllowed: mins.value },
      { onSuccess: onDone },
    );
  };
  return (
    <form
      className="inline-form"
      aria-label={`Change “${report.title}”`}
      onSubmit={submit}
      onKeyDown={(e) => e.key === 'Escape' && onDone()}
    >
      <div className="form-row">
        <TextInput label="Title" value={title} onChange={setTitle} autoFocus />
        <TextInput label="Presenter" value={presenter} onChange={setPresenter} />
        <NativeSelect
          label="Purpose"
          value={purpose}
          onChange={(v) => setPurpose(v as Purpose)}
          options={purposeOptions}
        />
        <TextInput label="Time allowed (minutes)" type="number" value={minutes} onChange={setMinutes} />
      </div>
      <ProblemNote problem={problem} />
      <ErrorNote error={update.error} />
      <div className="toolbar">
        <Button type="submit" size="small" isDisabled={update.isPending}>
          Save
        </Button>
        <Button variant="secondary" size="small" onPress={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

function StandingReports({ reports }: { reports: StandingReport[] }) {
  const archive = useApiMutation('standingReport.setArchived');
  const [editing, setEditing] = useState<number | 'new' | null>(null);
  return (
    <section aria-labelledby="standing-h" className="standing-reports">
      <h2 id="standing-h">Standing reports</h2>
      <p className="hint">
        The reports the Board receives regularly and who usually presents them. Planning the year places each
        at the first meeting on or after the 1st of the month it is due.
      </p>
      <table className="data-table">
        <caption className="visually-hidden">Standing reports</caption>
        <thead>
          <tr>
            <th scope="col">Report</th>
            <th scope="col">Presenter</th>
            <th scope="col">Due</th>
            <th scope="col">
              <span className="visually-hidden">Change</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {reports.map((s) =>
            editing === s.id ? (
              <tr key={s.id}>
                <td colSpan={4}>
                  <StandingForm report={s} onDone={() => setEditing(null)} />
                </td>
              </tr>
            ) : (
              <tr key={s.id} className={s.archived ? 'muted' : undefined}>
                <th scope="row">
                  {s.title}
                  {s.archived ? ' (retired)' : ''}
                </th>
                <td>{s.presenter || 'To be confirmed'}</td>
                <td>{dueWords(s)}</td>
                <td className="row-buttons">
                  <Button
                    variant="secondary"
                    size="small"
                    aria-label={`Change the standing report “${s.title}”`}
                    onPress={() => setEditing(s.id)}
                  >
                    Change
                  </Button>{' '}
                  <Button
                    variant="secondary"
                    size="small"
                    aria-label={`${s.archived ? 'Bring back' : 'Retire'} the standing report “${s.title}”`}
                    onPress={() => archive.mutate({ id: s.id, archived: !s.archived })}
                  >
                    {s.archived ? 'Bring back' : 'Retire'}
                  </Button>
                </td>
              </tr>
            ),
          )}
        </tbody>
      </table>
      <ErrorNote error={archive.error} />
      {editing === 'new' ? (
        <StandingForm report={null} onDone={() => setEditing(null)} />
      ) : (
        <Button variant="secondary" onPress={() => setEditing('new')}>
          Add a standing report
        </Button>
      )}
    </section>
  );
}

function StandingForm({ report, onDone }: { report: StandingReport | null; onDone: () => void }) {
  const create = useApiMutation('standingReport.create');
  const update = useApiMutation('standingReport.update');
  const [title, setTitle] = useState(report?.title ?? '');
  const [presenter, setPresenter] = useState(report?.presenter ?? '');
  const [purpose, setPurpose] = useState<Purpose>(report?.purpose ?? 'assurance');
  const [minutes, setMinutes] = useState(report?.minutesAllowed ? String(report.minutesAllowed) : '');
  const [frequency, setFrequency] = useState<StandingReport['frequency']>(report?.frequency ?? 'annual');
  const [dueMonth, setDueMonth] = useState(report?.dueMonth ? String(report.dueMonth) : '');
  const [problem, setProblem] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const mins = minutesOf(minutes);
    if ('problem' in mins) return setProblem(mins.problem);
    setProblem(null);
    const fields = {
      title,
      presenter,
      purpose,
      minutesAllowed: mins.value,
      frequency,
      dueMonth: frequency === 'every_meeting' || dueMonth === '' ? null : Number(dueMonth),
    };
    if (report)
      update.mutate({ id: report.id, ...fields, baseRevision: report.revision }, { onSuccess: onDone });
    else create.mutate(fields, { onSuccess: onDone });
  };
  return (
    <form
      className="inline-form"
      aria-label={report ? `Change the standing report “${report.title}”` : 'Add a standing report'}
      onSubmit={submit}
      onKeyDown={(e) => e.key === 'Escape' && onDone()}
    >
      <div className="form-row">
        <TextInput label="Report" value={title} onChange={setTitle} autoFocus />
        <TextInput label="Presenter" value={presenter} onChange={setPresenter} />
        <NativeSelect
          label="Purpose"
          value={purpose}
          onChange={(v) => setPurpose(v as Purpose)}
          options={purposeOptions}
        />
      </div>
      <div className="form-row">
        <NativeSelect
          label="How often"
          value={frequency}
          onChange={(v) => setFrequency(v as StandingReport['frequency'])}
          options={frequencies.map((f) => ({ id: f, label: frequencyLabels[f] }))}
        />
        {frequency !== 'every_meeting' ? (
          <NativeSelect
            label={frequency === 'annual' ? 'Due in' : 'Due first in'}
            value={dueMonth}
            onChange={setDueMonth}
            placeholder="Any month"
            options={monthNames.map((n, k) => ({ id: String(k + 1), label: n }))}
          />
        ) : null}
        <TextInput label="Time allowed (minutes)" type="number" value={minutes} onChange={setMinutes} />
      </div>
      <ProblemNote problem={problem} />
      <ErrorNote
        error={create.error ?? update.error}
        labels={{ title: 'Report', minutesAllowed: 'Time allowed', dueMonth: 'Due in' }}
      />
      <div className="toolbar">
        <Button type="submit" isDisabled={create.isPending || update.isPending}>
          {report ? 'Save the standing report' : 'Add the standing report'}
        </Button>
        <Button variant="secondary" onPress={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
