import { createColumnHelper } from '@tanstack/react-table';
import { useEffect, useMemo, useState, type ChangeEvent } from 'react';
import { Link } from 'react-router';
import {
  bareYearReadingLabels,
  importRoleLabels,
  type ImportChange,
  type ImportLayout,
  type ImportMapping,
  type ImportPreview,
  type ImportProblem,
  type ImportRole,
  type ImportSummary,
} from '../../../shared/api/imports';
import { periodLabel, type BareYearReading } from '../../../shared/domain/periods';
import { call } from '../../api/client';
import { useApi, useApiMutation } from '../../api/hooks';
import { DataTable } from '../../components/DataTable';
import { Button, ErrorNote, SelectInput, TextInput } from '../../components/forms';
import { useSortableTable } from '../../components/SortableThead';
import { describeLimit, importLimits, megabytes } from '../../../shared/domain/import-limits';

// The import wizard: choose file and sheet → check the columns (guessed) → preview → problems → import.

const rolesFor: Record<ImportLayout, ImportRole[]> = {
  wide: [
    'ignore',
    'code',
    'title',
    'period',
    'target',
    'polarity',
    'england',
    'neighbours',
    'region',
    'comment',
  ],
  long: ['ignore', 'code', 'title', 'periodName', 'value', 'note'],
  cohort: ['ignore', 'breakdown', 'category', 'period'],
  areas: ['ignore', 'area', 'areaCode', 'period'],
  down: ['ignore', 'periodName', 'measure', 'note'],
};
const layoutLabels: Record<ImportLayout, string> = {
  wide: 'Wide: one row per measure, a column per period',
  long: 'Long: one row per figure (measure code, period, value)',
  cohort: 'Children in care profile (breakdown, category, a column per period)',
  areas: 'Authorities: a row per local authority (England, region, yours), a column per period',
  down: 'Periods down: a row per period, a column per measure',
};
const breakdownLabels: Record<string, string> = {
  age_band: 'Age band',
  gender: 'Gender',
  legal_status: 'Legal status',
  placement_type: 'Placement type',
  ethnicity: 'Ethnicity',
  time_in_care: 'Time in care',
};
const kindLabels: Record<string, string> = {
  england: 'England',
  neighbours: 'Statistical neighbours',
  region: 'Region',
};
const statusLabels = { new: 'New', changed: 'Changed', unchanged: 'No change' } as const;

const number = (n: number) => n.toLocaleString('en-GB', { maximumFractionDigits: 4 });
const plural = (n: number, one: string, many = `${one}s`) => `${number(n)} ${n === 1 ? one : many}`;

const CREATE_LABEL = 'Create measures that are not on the board yet';

/**
 * A problem's reason as the wizard says it: the core words it for every door, and the command
 * line's flag (--create-measures) is the wizard's own checkbox here.
 */
export const reasonInTheWizard = (reason: string): string =>
  reason.replace(
    /let the import create measures that are new to the board \(--create-measures\)/g,
    `tick “${CREATE_LABEL}” in step 1`,
  );

export function problemText(p: ImportProblem): string {
  const where = [`Sheet ${p.sheet}`];
  if (p.row !== null) where.push(`row ${p.row}`);
  if (p.column !== null) where.push(`column ${p.column}${p.header ? ` (${p.header})` : ''}`);
  return `${where.join(', ')}: ${reasonInTheWizard(p.reason)}`;
}

function summaryLines(s: ImportSummary, created?: string[]): string[] {
  const lines = [
    `Values: ${number(s.valuesNew)} new, ${number(s.valuesChanged)} changed, ${number(s.valuesUnchanged)} unchanged.`,
  ];
  if (s.comparatorsNew + s.comparatorsChanged + s.comparatorsUnchanged)
    lines.push(
      `Comparators: ${number(s.comparatorsNew)} new, ${number(s.comparatorsChanged)} changed, ${number(s.comparatorsUnchanged)} unchanged.`,
    );
  if (s.cohortNew + s.cohortChanged + s.cohortUnchanged)
    lines.push(
      `Children in care profile counts: ${number(s.cohortNew)} new, ${number(s.cohortChanged)} changed, ${number(s.cohortUnchanged)} unchanged.`,
    );
  if (s.skipped) lines.push(`${plural(s.skipped, 'cell')} with no figure (blank, n/a or -) left out.`);
  if (s.noFigures)
    lines.push(
      `${plural(s.noFigures, 'figure')} published as suppressed or not available (c, x, z, low…): recorded as “no figure”, with the symbol.`,
    );
  if (s.settingsOffered)
    lines.push(
      s.settingsApplied
        ? `${plural(s.settingsApplied, 'target or polarity', 'targets and polarities')} from the sheet to be applied to measures on the board.`
        : `${plural(s.settingsOffered, 'target or polarity', 'targets and polarities')} in the sheet differ from the board’s: not applied unless you choose to.`,
    );
  const names = created ?? s.measuresToCreate;
  if (names.length)
    lines.push(`${created ? 'Measures created' : 'Measures to create'}: ${names.join(', ')}.`);
  return lines;
}

function readFile(f: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(new Error(`${f.name} could not be read`));
    reader.readAsDataURL(f);
  });
}

interface Chosen {
  name: string;
  base64: string;
}

export function ImportScreen() {
  const [file, setFile] = useState<Chosen | null>(null);
  const [sheet, setSheet] = useState<string | undefined>(undefined);
  const [mapping, setMapping] = useState<ImportMapping | undefined>(undefined);
  const [createMeasures, setCreateMeasures] = useState(false);
  // Answers to the preview's questions: how each column's bare years read, whose row is ours, which measure.
  const [columnYears, setColumnYears] = useState<Record<string, BareYearReading>>({});
  const [authority, setAuthority] = useState<string | undefined>(undefined);
  const [measure, setMeasure] = useState<string | undefined>(undefined);
  const [applySettings, setApplySettings] = useState(false);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [reading, setReading] = useState(false);
  const commit = useApiMutation('import.commit');

  useEffect(() => {
    if (!file) return;
    let live = true;
    setReading(true);
    setError(null);
    call('import.preview', {
      fileName: file.name,
      dataBase64: file.base64,
      sheet,
      mapping,
      createMeasures,
      columnYears,
      authority,
      measure,
      applySettings,
    })
      .then((p) => live && setPreview(p))
      .catch((e: Error) => {
        if (!live) return;
        setPreview(null);
        setError(e);
      })
      .finally(() => live && setReading(false));
    return () => {
      live = false;
    };
  }, [file, sheet, mapping, createMeasures, columnYears, authority, measure, applySettings]);
  const resetAnswers = () => {
    setColumnYears({});
    setAuthority(undefined);
    setMeasure(undefined);
    setApplySettings(false);
  };

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const f = e.target.files?.[0];
    commit.reset();
    setPreview(null);
    setSheet(undefined);
    setMapping(undefined);
    resetAnswers();
    if (!f) return setFile(null);
    if (f.size > importLimits.fileBytes) {
      // Refused before it is read or sent, as the core would refuse it.
      setFile(null);
      return setError(
        new Error(
          `${f.name}: it is too large to import: the file is ${megabytes(f.size)}; ${describeLimit('fileBytes')}`,
        ),
      );
    }
    try {
      setFile({ name: f.name, base64: await readFile(f) });
    } catch (err) {
      setError(err as Error);
    }
  };

  const current = preview?.mapping ?? null;
  const setRole = (column: string, role: ImportRole) => {
    if (!current) return;
    const has = current.columns.some((c) => c.column === column);
    const columns = has
      ? current.columns.map((c) => (c.column === column ? { ...c, role } : c))
      : [...current.columns, { column, role }];
    setMapping({ ...current, columns });
  };
  const s = preview?.summary;
  const toWrite = s
    ? s.valuesNew +
      s.valuesChanged +
      s.comparatorsNew +
      s.comparatorsChanged +
      s.cohortNew +
      s.cohortChanged +
      s.noFigures +
      s.settingsApplied +
      s.measuresToCreate.length
    : 0;
  const problems = preview?.problems ?? [];
  const blockedReason = !preview
    ? 'Choose a file first.'
    : problems.length
      ? `Fix the ${plural(problems.length, 'problem')} listed above in the spreadsheet (or change the columns), then import. Nothing is imported while any problem remains.`
      : toWrite === 0
        ? 'Nothing to import: every figure in this sheet is already on the board.'
        : '';

  const doCommit = () => {
    if (!file || !preview) return;
    commit.mutate({
      fileName: file.name,
      dataBase64: file.base64,
      sheet: preview.sheet,
      mapping: preview.mapping ?? undefined,
      createMeasures,
      columnYears,
      authority,
      measure,
      applySettings,
    });
  };

  return (
    <div className="import-screen">
      <h1>Import figures</h1>
      <p className="muted">
        Load a quarter’s figures from a spreadsheet (CSV or Excel .xlsx). Nothing is written until you press
        Import, and then everything is imported together or nothing is.
      </p>

      <section aria-labelledby="import-step-file" className="import-step">
        <h2 id="import-step-file">1. Choose the file</h2>
        <div className="field">
          <label htmlFor="import-file">Spreadsheet file (.xlsx or .csv)</label>
          <input
            id="import-file"
            type="file"
            accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={onFile}
          />
        </div>
        {preview && preview.sheets.length > 1 ? (
          <SelectInput
            label="Sheet"
            value={preview.sheet}
            onChange={(v) => {
              setMapping(undefined);
              resetAnswers();
              setSheet(v);
            }}
            options={preview.sheets.map((n) => ({ id: n, label: n }))}
            description="The first sheet that looks like a table of figures is chosen for you."
          />
        ) : null}
        <div className="check-field">
          <input
            id="import-create"
            type="checkbox"
            checked={createMeasures}
            onChange={(e) => setCreateMeasures(e.target.checked)}
          />
          <label htmlFor="import-create">
            {CREATE_LABEL} (from the sheet’s code, title, target and polarity columns)
          </label>
        </div>
        {reading ? <p aria-live="polite">Reading {file?.name}…</p> : null}
        <ErrorNote error={error} />
      </section>

      {preview ? (
        <>
          <section aria-labelledby="import-step-columns" className="import-step">
            <h2 id="import-step-columns">2. Check the columns</h2>
            <p className="muted">Guessed from the sheet’s headers; change any that are wrong.</p>
            {current ? (
              <>
                <div className="form-row">
                  <SelectInput
                    label="Layout"
                    value={current.layout}
                    onChange={(v) => setMapping({ ...current, layout: v })}
                    options={(Object.keys(layoutLabels) as ImportLayout[]).map((l) => ({
                      id: l,
                      label: layoutLabels[l],
                    }))}
                  />
                  <HeaderRowField mapping={current} onChange={setMapping} />
                </div>
                <ColumnsTable columns={preview.columns} roles={rolesFor[current.layout]} onRole={setRole} />
                <YearQuestions
                  preview={preview}
                  answers={columnYears}
                  onAnswer={(column, r) => setColumnYears((cur) => ({ ...cur, [column]: r }))}
                />
                <Readings preview={preview} />
                {preview.layout === 'areas' ? (
                  <AreasChoice
                    preview={preview}
                    onAuthority={setAuthority}
                    measure={measure}
                    onMeasure={setMeasure}
                  />
                ) : null}
                <RowsLeftOut preview={preview} />
              </>
            ) : (
              <p>No table of figures was found on this sheet. Choose another sheet, or check the file.</p>
            )}
          </section>

          <section aria-labelledby="import-step-preview" className="import-step">
            <h2 id="import-step-preview">3. Preview</h2>
            {commit.data ? (
              // The preview described what an import would do; once done, it would only mislead.
              <p>
                These figures have been imported: see the result below, or choose the file again to check it
                against the board.
              </p>
            ) : (
              <>
                <ul className="plain" data-testid="import-summary">
                  {summaryLines(preview.summary).map((l) => (
                    <li key={l}>{l}</li>
                  ))}
                </ul>
                {preview.changes.length ? <ChangesTable preview={preview} /> : null}
                <NoFigures preview={preview} />
                <SettingsOffered preview={preview} apply={applySettings} onApply={setApplySettings} />
              </>
            )}
            <details className="import-sheet">
              <summary>
                The sheet as read ({preview.sheet}, first {plural(preview.rows.length, 'row')})
              </summary>
              <SheetGrid preview={preview} />
            </details>
          </section>

          <section aria-labelledby="import-step-problems" className="import-step">
            <h2 id="import-step-problems">4. Problems</h2>
            {problems.length ? (
              <div className="error-panel" role="alert">
                <p>
                  <strong>{plural(problems.length, 'problem')}</strong> in {file?.name}. Nothing will be
                  imported until they are fixed.
                </p>
                <ul className="import-problems" data-testid="import-problems">
                  {problems.map((p, i) => (
                    <li key={i}>{problemText(p)}</li>
                  ))}
                </ul>
              </div>
            ) : (
              <p data-testid="import-no-problems">No problems found.</p>
            )}
          </section>

          <section aria-labelledby="import-step-commit" className="import-step">
            <h2 id="import-step-commit">5. Import</h2>
            {commit.data ? (
              <div role="status" className="import-result" data-testid="import-result">
                <p>
                  <strong>Imported {file?.name}</strong> (sheet {commit.data.sheet}).
                </p>
                <ul className="plain">
                  {summaryLines(commit.data.summary, commit.data.measuresCreated).map((l) => (
                    <li key={l}>{l}</li>
                  ))}
                </ul>
                <p>
                  <Link to="/scorecard">Open the scorecard</Link>
                </p>
              </div>
            ) : (
              <>
                <Button
                  onPress={doCommit}
                  isDisabled={Boolean(blockedReason) || commit.isPending || reading}
                  aria-describedby="import-blocked"
                >
                  {commit.isPending ? 'Importing…' : `Import ${plural(toWrite, 'change')}`}
                </Button>
                <p id="import-blocked" className="muted">
                  {blockedReason}
                </p>
                <ErrorNote error={commit.error} />
              </>
            )}
          </section>
        </>
      ) : null}
    </div>
  );
}

/**
 * A bare year ("2024") is asked about once per column: the year ending in it (as DfE and LAIT
 * label years), the calendar year, or the year starting in it. Never guessed silently: an answer
 * taken from the file's source is shown, and can be changed.
 */
function YearQuestions({
  preview,
  answers,
  onAnswer,
}: {
  preview: ImportPreview;
  answers: Record<string, BareYearReading>;
  onAnswer: (column: string, r: BareYearReading) => void;
}) {
  if (!preview.questions.length) return null;
  return (
    <fieldset className="import-questions" data-testid="import-questions">
      <legend>Which years do these columns mean?</legend>
      {preview.questions.map((q) => (
        <SelectInput
          key={q.column}
          label={`Column ${q.column} (${q.header}): “${q.example}” means`}
          value={answers[q.column] ?? q.answer}
          onChange={(v) => onAnswer(q.column, v)}
          options={q.options.map((o) => ({
            id: o.reading,
            label: `${o.label} — ${bareYearReadingLabels[o.reading]}`,
          }))}
          description={
            answers[q.column]
              ? undefined
              : q.answer
                ? 'Read as the DfE and LAIT label years, because the sheet says it is from them. Change it if not.'
                : 'A year on its own could mean any of these: choose one to import this column.'
          }
        />
      ))}
    </fieldset>
  );
}

/** How each column's (or label's) period was read, with a note wherever a label could mean more than one thing. */
function Readings({ preview }: { preview: ImportPreview }) {
  if (!preview.readings.length) return null;
  const noted = preview.readings.filter((r) => r.note).length;
  return (
    <details className="import-readings" open={noted > 0} data-testid="import-readings">
      <summary>How the periods were read ({plural(preview.readings.length, 'label')})</summary>
      <ul>
        {preview.readings.map((r, i) => (
          <li key={`${r.column}-${i}`}>
            Column {r.column}: “{r.header}” → <strong>{r.label}</strong>
            {r.note ? <span className="muted"> — {r.note}</span> : null}
          </li>
        ))}
      </ul>
    </details>
  );
}

/** Authorities as rows: which row is the board's own, which became comparators, and which measure the sheet is. */
function AreasChoice({
  preview,
  onAuthority,
  measure,
  onMeasure,
}: {
  preview: ImportPreview;
  onAuthority: (a: string) => void;
  measure: string | undefined;
  onMeasure: (code: string) => void;
}) {
  const measures = useApi('measure.list', {});
  const [text, setText] = useState(preview.areas?.own?.name ?? '');
  const a = preview.areas;
  return (
    <fieldset className="import-areas" data-testid="import-areas">
      <legend>Local authorities in this sheet</legend>
      <SelectInput
        label="These figures are for the measure"
        value={measure ?? a?.measure?.code ?? null}
        onChange={onMeasure}
        options={(measures.data ?? []).map((m) => ({ id: m.code, label: `${m.code} — ${m.title}` }))}
        description={a?.measure ? `Chosen ${a.measure.how}.` : 'Choose the measure these figures are for.'}
      />
      <form
        className="form-row"
        onSubmit={(e) => {
          e.preventDefault();
          if (text.trim()) onAuthority(text.trim());
        }}
      >
        <TextInput
          label="Your authority (name or code)"
          value={text}
          onChange={setText}
          description={
            a?.own
              ? `Row ${a.own.row} (${a.own.name}) is read as yours.`
              : 'No row was found for your authority.'
          }
        />
        <Button type="submit" variant="secondary">
          Use this authority
        </Button>
      </form>
      {a?.comparators.length ? (
        <p>
          Comparators:{' '}
          {a.comparators.map((c) => `${kindLabels[c.kind]} from row ${c.row} (${c.name})`).join('; ')}.
        </p>
      ) : null}
    </fieldset>
  );
}

/** Rows left out, each with why: totals, headings, spacers, footnotes, other authorities. */
function RowsLeftOut({ preview }: { preview: ImportPreview }) {
  if (!preview.skippedRows.length) return null;
  return (
    <details className="import-skipped" data-testid="import-skipped">
      <summary>Rows left out ({preview.skippedRows.length})</summary>
      <ul>
        {preview.skippedRows.map((r) => (
          <li key={r.row}>
            Row {r.row}: {r.reason}
            {r.text ? <span className="muted"> — {r.text}</span> : null}
          </li>
        ))}
      </ul>
    </details>
  );
}

function NoFigures({ preview }: { preview: ImportPreview }) {
  if (!preview.noFigures.length) return null;
  return (
    <details className="import-no-figures" data-testid="import-no-figures">
      <summary>Published without a figure ({preview.noFigures.length})</summary>
      <ul>
        {preview.noFigures.map((n) => (
          <li key={`${n.row}-${n.column}`}>
            Row {n.row}, column {n.column}: {n.code}
            {n.kind === 'value' ? '' : ` (${kindLabels[n.kind]})`}, {periodLabel(n.period)} — {n.note}
          </li>
        ))}
      </ul>
    </details>
  );
}

/** Targets and polarities the sheet gives that differ from the board's: offered, applied only when chosen. */
function SettingsOffered({
  preview,
  apply,
  onApply,
}: {
  preview: ImportPreview;
  apply: boolean;
  onApply: (v: boolean) => void;
}) {
  if (!preview.settings.length) return null;
  return (
    <div className="import-settings" data-testid="import-settings">
      <p>The sheet gives measure settings that differ from the board’s:</p>
      <ul>
        {preview.settings.map((x) => (
          <li key={`${x.code}-${x.field}`}>
            {x.code} {x.field}: {x.from} on the board, {x.to} in the sheet (row {x.row})
          </li>
        ))}
      </ul>
      <div className="check-field">
        <input
          id="import-apply-settings"
          type="checkbox"
          checked={apply}
          onChange={(e) => onApply(e.target.checked)}
        />
        <label htmlFor="import-apply-settings">
          Use the sheet’s targets and polarities for these measures
        </label>
      </div>
    </div>
  );
}

function HeaderRowField({
  mapping,
  onChange,
}: {
  mapping: ImportMapping;
  onChange: (m: ImportMapping) => void;
}) {
  const [text, setText] = useState(String(mapping.headerRow));
  const [err, setErr] = useState('');
  useEffect(() => setText(String(mapping.headerRow)), [mapping.headerRow]);
  const apply = (v: string) => {
    setText(v);
    const n = Number(v);
    if (!/^\d+$/.test(v.trim()) || n < 1) return setErr('must be a row number, 1 or more');
    setErr('');
    if (n !== mapping.headerRow) onChange({ ...mapping, headerRow: n });
  };
  return (
    <>
      <TextInput
        label="Header row"
        value={text}
        onChange={apply}
        error={err}
        type="number"
        description="The row number of the column headers"
      />
      <SelectInput
        label="Header rows"
        value={String(mapping.headerDepth) as '1' | '2' | '3'}
        onChange={(v) => onChange({ ...mapping, headerDepth: Number(v) })}
        options={[
          { id: '1', label: 'One row' },
          { id: '2', label: 'Two rows (merged group above)' },
          { id: '3', label: 'Three rows' },
        ]}
      />
    </>
  );
}

type SheetColumn = ImportPreview['columns'][number];
type ColumnRow = SheetColumn & { roles: ImportRole[]; onRole: (column: string, role: ImportRole) => void };
const columnCol = createColumnHelper<ColumnRow>();
const columnColumns = [
  columnCol.accessor('column', { header: 'Column', meta: { rowHeader: true } }),
  columnCol.accessor('header', {
    header: 'Header',
    cell: (c) => c.getValue() || <span className="muted">(no header)</span>,
  }),
  columnCol.display({
    id: 'holds',
    header: 'Holds',
    cell: ({ row: { original: c } }) => (
      <SelectInput
        label={`Column ${c.column} holds`}
        value={c.role}
        onChange={(v) => c.onRole(c.column, v)}
        options={c.roles.map((r) => ({ id: r, label: importRoleLabels[r] }))}
      />
    ),
  }),
  columnCol.display({
    id: 'period',
    header: 'Period',
    cell: ({ row: { original: c } }) =>
      c.role === 'period' ? (
        c.period ? (
          periodLabel(c.period)
        ) : (
          <span className="field-error">not a period</span>
        )
      ) : (
        ''
      ),
  }),
];

/** What each column of the sheet holds, as guessed; each can be changed (in sheet order, not sortable). */
function ColumnsTable({
  columns,
  roles,
  onRole,
}: {
  columns: SheetColumn[];
  roles: ImportRole[];
  onRole: (column: string, role: ImportRole) => void;
}) {
  const rows = columns.filter((c) => c.header || c.role !== 'ignore').map((c) => ({ ...c, roles, onRole }));
  const table = useSortableTable(rows, columnColumns, { sortable: false, rowId: (c) => c.column });
  return (
    <DataTable
      table={table}
      caption="What each column of the sheet holds"
      className="data-table import-columns"
    />
  );
}

const changeCol = createColumnHelper<ImportChange>();
const changeColumns = (layout: ImportLayout | null) => [
  changeCol.accessor('row', { header: 'Row' }),
  changeCol.accessor((c) => (c.kind === 'cohort' ? (breakdownLabels[c.subject] ?? c.subject) : c.subject), {
    id: 'subject',
    header: layout === 'cohort' ? 'Breakdown' : 'Measure',
  }),
  changeCol.accessor(
    (c) =>
      c.kind === 'comparator'
        ? `${kindLabels[c.detail] ?? c.detail} comparator`
        : c.kind === 'cohort'
          ? c.detail
          : c.detail
            ? `Value (note: ${c.detail})`
            : 'Value',
    { id: 'detail', header: layout === 'cohort' ? 'Category' : 'What' },
  ),
  changeCol.accessor('period', { header: 'Period', cell: (c) => periodLabel(c.getValue()) }),
  changeCol.accessor('value', { header: 'New figure', cell: (c) => number(c.getValue()) }),
  changeCol.accessor('previous', {
    header: 'On the board now',
    cell: (c) => (c.getValue() === null ? '—' : number(c.getValue()!)),
  }),
  changeCol.accessor((c) => statusLabels[c.status], { id: 'status', header: 'Change' }),
];

/** What the import will write (the first 300 figures), sortable, e.g. to bring the changed figures together. */
function ChangesTable({ preview }: { preview: ImportPreview }) {
  const shown = useMemo(() => preview.changes.slice(0, 300), [preview.changes]);
  const more = preview.changes.length - shown.length;
  const columns = useMemo(() => changeColumns(preview.layout), [preview.layout]);
  const table = useSortableTable(shown, columns);
  return (
    <>
      <DataTable
        table={table}
        caption="What the import will write"
        captionShown
        className="data-table import-changes"
        testId="import-changes"
        rowAttrs={(c) => ({ className: `import-${c.status}` })}
      />
      {more > 0 || preview.changesTruncated ? (
        <p className="muted">…and {more > 0 ? plural(more, 'more figure') : 'more figures'} not shown.</p>
      ) : null}
    </>
  );
}

type SheetRow = ImportPreview['rows'][number];
const gridCol = createColumnHelper<SheetRow>();

/** The sheet's first rows as they are, for the clerk to check the guess against (not sortable). */
function SheetGrid({ preview }: { preview: ImportPreview }) {
  const columns = useMemo(
    () => [
      gridCol.accessor('row', { header: 'Row', meta: { rowHeader: true } }),
      ...preview.columns.map((c, i) =>
        gridCol.accessor((r) => r.cells[i] ?? '', { id: `col-${c.column}`, header: c.column }),
      ),
    ],
    [preview.columns],
  );
  const table = useSortableTable(preview.rows, columns, { sortable: false });
  return (
    <div className="import-grid-wrap">
      <DataTable
        table={table}
        caption={`The first rows of sheet ${preview.sheet}`}
        className="data-table import-grid"
      />
    </div>
  );
}
