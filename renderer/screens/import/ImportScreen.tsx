import { createColumnHelper } from '@tanstack/react-table';
import { useEffect, useMemo, useState, type ChangeEvent } from 'react';
import { Link } from 'react-router';
import {
  importRoleLabels,
  type ImportChange,
  type ImportLayout,
  type ImportMapping,
  type ImportPreview,
  type ImportProblem,
  type ImportRole,
  type ImportSummary,
} from '../../../shared/api/imports';
import { periodLabel } from '../../../shared/domain/periods';
import { call } from '../../api/client';
import { useApiMutation } from '../../api/hooks';
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
};
const layoutLabels: Record<ImportLayout, string> = {
  wide: 'Wide: one row per measure, a column per period',
  long: 'Long: one row per figure (measure code, period, value)',
  cohort: 'Children in care profile (breakdown, category, a column per period)',
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

export function problemText(p: ImportProblem): string {
  const where = [`Sheet ${p.sheet}`];
  if (p.row !== null) where.push(`row ${p.row}`);
  if (p.column !== null) where.push(`column ${p.column}${p.header ? ` (${p.header})` : ''}`);
  return `${where.join(', ')}: ${p.reason}`;
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
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [reading, setReading] = useState(false);
  const commit = useApiMutation('import.commit');

  useEffect(() => {
    if (!file) return;
    let live = true;
    setReading(true);
    setError(null);
    call('import.preview', { fileName: file.name, dataBase64: file.base64, sheet, mapping, createMeasures })
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
  }, [file, sheet, mapping, createMeasures]);

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const f = e.target.files?.[0];
    commit.reset();
    setPreview(null);
    setSheet(undefined);
    setMapping(undefined);
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
            Create measures that are not on the board yet (from the sheet’s code, title, target and polarity
            columns)
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
