/**
 * Imports of the shapes real figures come in: DfE's local authority tables, a LAIT extract, a
 * council's quarterly return with "Q1 24/25" columns, a row-per-quarter sheet, and long files
 * with bare years. Fixtures are made up (tests/fixtures/imports/make-fixtures.ts).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/core/dispatch';
import type { Session } from '../../../electron/core/session';
import type { ImportPreview } from '../../../shared/api/imports';
import { demoSession, rowCounts } from '../../helpers';

const fixture = (name: string) => path.resolve(__dirname, '..', '..', 'fixtures', 'imports', name);
const file = (name: string) => ({
  fileName: name,
  dataBase64: readFileSync(fixture(name)).toString('base64'),
});
const csv = (name: string, lines: string[]) => ({
  fileName: name,
  dataBase64: Buffer.from(lines.join('\n')).toString('base64'),
});

let session: Session;
afterEach(() => session?.close());
const open = () => ({ session } = demoSession());

async function preview(input: Record<string, unknown>): Promise<ImportPreview> {
  const r = await dispatch(session, 'import.preview', input);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as ImportPreview;
}
async function commit(input: Record<string, unknown>) {
  const r = await dispatch(session, 'import.commit', input);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message} ${JSON.stringify(r.error.issues ?? [])}`);
  return r.value as { sheet: string; summary: ImportPreview['summary']; measuresCreated: string[] };
}
const db = () => session.ctx().db;
const valuesOf = (code: string) =>
  Object.fromEntries(
    (
      db()
        .prepare(
          'SELECT v.period, v.value, v.note FROM measure_value v JOIN measure m ON m.id = v.measure_id WHERE m.code = ?',
        )
        .all(code) as { period: string; value: number; note: string }[]
    ).map((v) => [v.period, v.note ? `${v.value} (${v.note})` : v.value]),
  );
const comparatorsOf = (code: string, kind: string) =>
  Object.fromEntries(
    (
      db()
        .prepare(
          'SELECT c.period, c.value FROM comparator c JOIN measure m ON m.id = c.measure_id WHERE m.code = ? AND c.kind = ? ORDER BY c.period',
        )
        .all(code, kind) as { period: string; value: number }[]
    ).map((c) => [c.period, c.value]),
  );
const noFiguresOf = (code: string) =>
  db()
    .prepare(
      'SELECT n.kind, n.period, n.symbol FROM no_figure n JOIN measure m ON m.id = n.measure_id WHERE m.code = ? ORDER BY n.period',
    )
    .all(code);

describe('DfE local authority tables (authorities as rows, years across)', () => {
  it('takes the board’s own row as its figures, England and its region as comparators, reads 2024 as 2023-24 and says so', async () => {
    open();
    const before = rowCounts(session);
    const p = await preview(file('dfe-cla-la-tables.xlsx'));
    expect(p.sheet).toBe('LAA1'); // the cover sheet is passed over
    expect(p.layout).toBe('areas');
    expect(p.problems).toEqual([]);
    expect(p.areas).toEqual({
      own: { row: 10, name: 'Northshire' },
      comparators: [
        { row: 6, name: 'England', kind: 'england' },
        { row: 7, name: 'North East', kind: 'region' },
      ],
      measure: { code: 'S3', how: expect.stringMatching(/^matched on the sheet's title/) },
    });
    expect(p.readings.map((r) => [r.header, r.period])).toEqual([
      ['2020', '2019-20'],
      ['2021', '2020-21'],
      ['2022', '2021-22'],
      ['2023', '2022-23'],
      ['2024 [note 3]', '2023-24'],
    ]);
    expect(p.readings[4]!.note).toBe(
      '"2024" read as 2023-24: the year ending 31 March 2024, as DfE and LAIT label years; the sheet is from the DfE or LAIT',
    );
    // Asked once per column, answered by the file's source; the other readings are offered.
    expect(p.questions[0]).toMatchObject({ column: 'D', answer: 'ending' });
    expect(p.questions[0]!.options.map((o) => o.period)).toEqual(['2019-20', 'CY 2020', '2020-21']);
    expect(p.noFigures).toEqual([
      {
        row: 10,
        column: 'D',
        code: 'S3',
        kind: 'value',
        period: '2019-20',
        symbol: 'x',
        note: 'Published as "x": not available',
      },
    ]);
    expect(p.skippedRows.map((r) => [r.row, r.reason])).toEqual([
      [8, 'another local authority'],
      [9, 'another local authority'],
      [11, 'another local authority'],
      [12, 'another region'],
      [13, 'another local authority'],
      [14, 'blank (spacer) row'],
      [15, 'a footnote'],
      [16, 'a footnote'],
    ]);
    expect(rowCounts(session)).toEqual(before); // a preview writes nothing

    const r = await commit(file('dfe-cla-la-tables.xlsx'));
    expect(r.summary).toMatchObject({ valuesNew: 4, comparatorsNew: 10, noFigures: 1 });
    expect(valuesOf('S3')).toMatchObject({ '2020-21': 58, '2021-22': 60.4, '2022-23': 62.96, '2023-24': 64 });
    expect(valuesOf('S3')['2019-20']).toBeUndefined();
    expect(comparatorsOf('S3', 'england')).toMatchObject({
      '2019-20': 67,
      '2020-21': 67,
      '2021-22': 70,
      '2022-23': 71,
      '2023-24': 70,
    });
    expect(comparatorsOf('S3', 'region')).toMatchObject({ '2019-20': 101, '2023-24': 112 });
    expect(noFiguresOf('S3')).toEqual([{ kind: 'value', period: '2019-20', symbol: 'x' }]);

    // Idempotent: the same file again changes nothing.
    const after = rowCounts(session);
    const again = await commit(file('dfe-cla-la-tables.xlsx'));
    expect(again.summary).toMatchObject({ valuesNew: 0, valuesUnchanged: 4, comparatorsUnchanged: 10 });
    // Nothing changed: only the audit row saying the import was run.
    expect(rowCounts(session)).toEqual({ ...after, audit_log: after.audit_log! + 1 });
    const values = db().prepare('SELECT * FROM measure_value ORDER BY id').all();
    await commit(file('dfe-cla-la-tables.xlsx'));
    expect(db().prepare('SELECT * FROM measure_value ORDER BY id').all()).toEqual(values);

    // The measure page shows the DfE year beside the local quarters, and "no figure" with its symbol.
    const m = await dispatch(session, 'measure.get', { id: 5 });
    if (!m.ok) throw new Error(m.error.message);
    const detail = m.value as { code: string; noFigures: unknown[]; values: { period: string }[] };
    expect(detail.code).toBe('S3');
    expect(detail.noFigures).toEqual([
      { kind: 'value', period: '2019-20', symbol: 'x', note: 'Published as "x": not available' },
    ]);
    expect(detail.values.map((v) => v.period).slice(0, 5)).toEqual([
      '2020-21',
      '2021-22',
      '2022-23',
      '2023-24',
      '2024-25 Q3',
    ]);
  });

  it('reads DfE’s three-year adoption figures (2019-22) into A1, with England and the region', async () => {
    open();
    const p = await preview({ ...file('dfe-cla-la-tables.xlsx'), sheet: 'A1 A2 A10' });
    expect(p.problems).toEqual([]);
    expect(p.areas?.measure?.code).toBe('A1');
    await commit({ ...file('dfe-cla-la-tables.xlsx'), sheet: 'A1 A2 A10' });
    expect(valuesOf('A1')).toMatchObject({ '2019-22': 512, '2020-23': 501, '2021-24': 497 });
    expect(comparatorsOf('A1', 'england')).toMatchObject({ '2019-22': 480, '2020-23': 475, '2021-24': 468 });
    expect(comparatorsOf('A1', 'region')).toMatchObject({ '2019-22': 455, '2020-23': 452, '2021-24': 447 });
  });

  it('refuses, writing nothing, when the board’s authority has no row; --authority picks it by name or code', async () => {
    open();
    const before = rowCounts(session);
    const r = await dispatch(session, 'import.commit', {
      ...file('dfe-cla-la-tables.xlsx'),
      authority: 'Southshire',
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.issues?.[0]?.message).toMatch(
      /no row is this board's authority \("Southshire", looked for by name and code\)/,
    );
    expect(rowCounts(session)).toEqual(before);
    const byCode = await preview({ ...file('dfe-cla-la-tables.xlsx'), authority: 'E06000005' });
    expect(byCode.areas?.own).toEqual({ row: 9, name: 'Darlington' });
    expect(byCode.noFigures.map((n) => n.symbol)).toEqual(['c']);
  });
});

describe('a LAIT extract', () => {
  it('asks which measure when the title does not name one; with --measure takes statistical neighbours, region and England', async () => {
    open();
    const p = await preview(file('lait-stability.csv'));
    expect(p.problems.map((x) => x.reason)).toEqual([
      'which measure are these figures for? The sheet’s title does not name one measure on this board clearly: choose it in the import wizard, or with cpb import --measure CODE',
    ]);
    const r = await commit({ ...file('lait-stability.csv'), measure: 'S1', authority: '999' });
    expect(r.summary).toMatchObject({ valuesNew: 4, comparatorsNew: 12 });
    expect(valuesOf('S1')).toMatchObject({ '2020-21': 9, '2021-22': 10, '2022-23': 11, '2023-24': 11.5 });
    expect(comparatorsOf('S1', 'neighbours')).toMatchObject({
      '2020-21': 10.2,
      '2021-22': 10.1,
      '2022-23': 9.9,
      '2023-24': 10.4,
    });
    expect(comparatorsOf('S1', 'region')).toMatchObject({ '2023-24': 10.8 });
    expect(comparatorsOf('S1', 'england')).toMatchObject({ '2023-24': 10 });
  });
});

describe('a quarterly return with Q1 24/25 columns', () => {
  it('asks about "North East 2025" (a region with a bare year, not a period); answered, lands every value, comparator and symbol', async () => {
    open();
    const before = rowCounts(session);
    const p = await preview(file('quarterly-return.xlsx'));
    expect(p.problems.map((x) => `${x.row} ${x.column} ${x.reason}`)).toEqual([
      '3 J "2025" is a year on its own, which is ambiguous: say how this column\'s years are written (the year ending in it, as DfE and LAIT write them; the calendar year; or the year starting in it) in the import wizard, or with cpb import --years ending|calendar|starting',
    ]);
    expect(p.questions).toEqual([
      {
        column: 'J',
        header: 'North East 2025',
        example: '2025',
        answer: null,
        options: [
          { reading: 'ending', period: '2024-25', label: '2024-25' },
          { reading: 'calendar', period: 'CY 2025', label: '2025 (calendar year)' },
          { reading: 'starting', period: '2025-26', label: '2025-26' },
        ],
      },
    ]);
    expect(p.columns.map((c) => `${c.column} ${c.role}`)).toEqual([
      'A code',
      'B title',
      'C target',
      'D polarity',
      'E period',
      'F period',
      'G period',
      'H period',
      'I england',
      'J region',
    ]);
    expect(rowCounts(session)).toEqual(before);

    const answered = { ...file('quarterly-return.xlsx'), columnYears: { J: 'ending' } };
    const q = await preview(answered);
    expect(q.problems).toEqual([]);
    expect(q.readings.map((r) => `${r.column} ${r.header} → ${r.period}`)).toEqual([
      'E Q4 25/26 → 2025-26 Q4',
      'F Q1 26/27 → 2026-27 Q1',
      'G Q2 26/27 → 2026-27 Q2',
      'H Q3 26/27 → 2026-27 Q3',
      'I England 2024/25 → 2024-25',
      'J North East 2025 → 2024-25',
    ]);
    expect(q.readings[5]!.note).toBe(
      '"2025" read as 2024-25: the year ending 31 March 2025, as DfE and LAIT label years (as answered)',
    );
    expect(q.skippedRows.map((r) => `${r.row} ${r.reason}`)).toEqual([
      '4 a heading or note',
      '7 blank (spacer) row',
      '8 a heading or note',
      '10 a total row: totals are not measures',
      '11 blank (spacer) row',
      '12 a footnote',
      '13 a footnote',
    ]);
    expect(q.settings).toEqual([{ row: 9, code: 'S1', field: 'target', from: '10', to: '9' }]);
    expect(q.summary.measuresToCreate).toEqual([]); // never a measure called TOTAL

    const heldV2 = valuesOf('V2')['2026-27 Q2'];
    await commit(answered);
    expect(valuesOf('V1')).toMatchObject({
      '2025-26 Q4': 95.3,
      '2026-27 Q1': 96.2,
      '2026-27 Q2': 94.96,
      '2026-27 Q3': 97,
    });
    expect(comparatorsOf('V1', 'england')).toMatchObject({ '2024-25': 90.5 });
    expect(comparatorsOf('V1', 'region')).toMatchObject({ '2024-25': 91.2 });
    // "c" where the board holds a figure: the figure is kept. "low" where it holds none: no figure.
    expect(valuesOf('V2')['2026-27 Q2']).toBe(heldV2);
    expect(noFiguresOf('S1')).toEqual([{ kind: 'value', period: '2026-27 Q3', symbol: 'low' }]);
    expect(valuesOf('S1')['2026-27 Q3']).toBeUndefined();
    const target = () =>
      (db().prepare("SELECT target FROM measure WHERE code = 'S1'").get() as { target: number }).target;
    expect(target()).toBe(10); // offered, not applied
    await commit({ ...answered, applySettings: true });
    expect(target()).toBe(9);

    // The comparator beside the latest quarter is the latest published for a period ended by then,
    // with its period: here England's 2025-26 year (the demo's), not the sheet's older 2024-25.
    const card = await dispatch(session, 'scorecard.get', {});
    if (!card.ok) throw new Error(card.error.message);
    const v1 = (
      card.value as { groups: { rows: { code: string; england: unknown; latest: unknown }[] }[] }
    ).groups
      .flatMap((g) => g.rows)
      .find((x) => x.code === 'V1')!;
    expect(v1.latest).toEqual({ period: '2026-27 Q3', value: 97 });
    expect(v1.england).toEqual({ period: '2025-26', value: 90 });
    expect(comparatorsOf('V1', 'england')).toMatchObject({ '2024-25': 90.5 }); // the sheet's, replacing the demo's
  });

  it('a row per quarter ("Apr-Jun 2026", "Q2 2026-27", "Oct–Dec 2026"), measures across, the year-to-date row left out', async () => {
    open();
    const p = await preview({ ...file('quarterly-return.xlsx'), sheet: 'By quarter' });
    expect(p.layout).toBe('down');
    expect(p.problems).toEqual([]);
    expect(p.readings.map((r) => `${r.header} → ${r.period}`)).toEqual([
      'Apr-Jun 2026 → 2026-27 Q1',
      'Q2 2026-27 → 2026-27 Q2',
      'Oct–Dec 2026 → 2026-27 Q3',
    ]);
    expect(p.skippedRows).toEqual([
      {
        row: 5,
        text: 'Year to date · 96.1 · 93.5',
        reason: 'a total row: totals are not figures for a period',
      },
    ]);
    await commit({ ...file('quarterly-return.xlsx'), sheet: 'By quarter' });
    expect(valuesOf('V1')).toMatchObject({
      '2026-27 Q1': 96.2,
      '2026-27 Q2': '94.96 (Two reviews moved)',
      '2026-27 Q3': '97 (Provisional)',
    });
    expect(valuesOf('H1')).toMatchObject({ '2026-27 Q1': 94.1, '2026-27 Q3': '93.5 (Provisional)' });
  });
});

describe('long files: bare years, academic years, symbols, annual figures', () => {
  it('reads 2024 only with a reading; an academic measure reads 2022/23 as its academic year; a year’s figure lands in a quarterly measure', async () => {
    open();
    const created = await dispatch(session, 'measure.create', {
      code: 'E4',
      title: 'Average Attainment 8 score of children looked after',
      unit: 'score',
      polarity: 'higher',
      frequency: 'annual',
      yearBasis: 'academic',
    });
    expect(created.ok).toBe(true);
    const data = csv('ks4.csv', [
      'measure_code,period,value,note',
      'E4,2022/23,19.4,',
      'E4,2024,21.0,Provisional',
      'E4,2021/22,z,',
      'V1,2024,93.1,DfE annual figure',
    ]);
    const before = rowCounts(session);
    const p = await preview(data);
    expect(p.problems.map((x) => `${x.row} ${x.column} ${x.reason}`)).toEqual([
      expect.stringMatching(/^3 B "2024" is a year on its own, which is ambiguous/),
    ]);
    expect(rowCounts(session)).toEqual(before);

    const r = await commit({ ...data, years: 'ending' });
    expect(r.summary).toMatchObject({ valuesNew: 3, noFigures: 1 });
    expect(valuesOf('E4')).toEqual({ 'AY 2022-23': 19.4, 'AY 2023-24': '21 (Provisional)' });
    expect(noFiguresOf('E4')).toEqual([{ kind: 'value', period: 'AY 2021-22', symbol: 'z' }]);
    expect(valuesOf('V1')['2023-24']).toBe('93.1 (DfE annual figure)');
  });

  it('refuses a month’s figure for an annual measure, naming both', async () => {
    open();
    const created = await dispatch(session, 'measure.create', {
      code: 'L3',
      title: 'Care leavers aged 17-18 in touch with the council',
      unit: 'percent',
      polarity: 'higher',
      frequency: 'annual',
    });
    expect(created.ok).toBe(true);
    const data = csv('m.csv', ['measure_code,period,value', 'L3,2026-06,64', 'L3,2025-26,91']);
    const p = await preview(data);
    expect(p.problems.map((x) => x.reason)).toEqual([
      '2026-06 is a month, but measure L3 is reported annually',
    ]);
  });
});
