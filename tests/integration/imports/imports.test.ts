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

let session: Session;
afterEach(() => session?.close());

async function preview(input: Record<string, unknown>): Promise<ImportPreview> {
  const r = await dispatch(session, 'import.preview', input);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as ImportPreview;
}
async function commit(input: Record<string, unknown>) {
  const r = await dispatch(session, 'import.commit', input);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as { sheet: string; summary: ImportPreview['summary']; measuresCreated: string[] };
}
const valueOf = (code: string, period: string) =>
  session
    .ctx()
    .db.prepare(
      'SELECT v.value, v.note, v.numerator, v.denominator FROM measure_value v JOIN measure m ON m.id = v.measure_id WHERE m.code = ? AND v.period = ?',
    )
    .get(code, period) as
    { value: number; note: string; numerator: number | null; denominator: number | null } | undefined;
const comparatorsOf = (code: string) =>
  Object.fromEntries(
    (
      session
        .ctx()
        .db.prepare(
          'SELECT c.kind, c.period, c.value FROM comparator c JOIN measure m ON m.id = c.measure_id WHERE m.code = ? ORDER BY c.period, c.kind',
        )
        .all(code) as { kind: string; period: string; value: number }[]
    ).map((c) => [`${c.kind} ${c.period}`, c.value]),
  );
const summaryOf = (over: Partial<ImportPreview['summary']>) => ({
  valuesNew: 0,
  valuesChanged: 0,
  valuesUnchanged: 0,
  comparatorsNew: 0,
  comparatorsChanged: 0,
  comparatorsUnchanged: 0,
  cohortNew: 0,
  cohortChanged: 0,
  cohortUnchanged: 0,
  skipped: 0,
  noFigures: 0,
  settingsOffered: 0,
  settingsApplied: 0,
  measuresToCreate: [],
  ...over,
});

describe('import: long CSV (measure_code, period, value, note)', () => {
  it('previews, commits the exact values, and a second import changes nothing', async () => {
    ({ session } = demoSession());
    const before = rowCounts(session);
    const p = await preview(file('long-clean.csv'));
    expect(p.sheets).toEqual(['long-clean']);
    expect(p.layout).toBe('long');
    expect(p.mapping?.columns).toEqual([
      { column: 'A', role: 'code' },
      { column: 'B', role: 'periodName' },
      { column: 'C', role: 'value' },
      { column: 'D', role: 'note' },
    ]);
    expect(p.problems).toEqual([]);
    expect(p.summary).toEqual(summaryOf({ valuesNew: 5, valuesUnchanged: 1, skipped: 1 }));
    expect(rowCounts(session)).toEqual(before); // a preview writes nothing

    const r = await commit(file('long-clean.csv'));
    expect(r.summary).toEqual(p.summary);
    expect(valueOf('V1', '2026-27 Q3')).toEqual({
      value: 96.8,
      note: 'Provisional',
      numerator: null,
      denominator: null,
    });
    expect(valueOf('V2', '2026-27 Q3')?.value).toBe(84.5); // "84.5%" in a percent measure
    expect(valueOf('S1', '2026-27 Q3')?.value).toBe(9.4);
    expect(valueOf('E2', '2025-26 Q2')).toEqual({
      value: 85.1,
      note: 'Return made late',
      numerator: null,
      denominator: null,
    }); // the demo's gap, filled
    expect(valueOf('A1', '2026-27 Q3')?.value).toBe(1004); // "1,004"
    expect(valueOf('E3', '2026-27 Q3')).toBeUndefined(); // n/a: no value, not an error
    expect(valueOf('H3', '2026-27 Q2')?.value).toBe(14.6);
    expect(rowCounts(session).measure_value).toBe(before.measure_value! + 5);

    const afterFirst = rowCounts(session);
    const again = await commit(file('long-clean.csv'));
    expect(again.summary).toEqual(summaryOf({ valuesUnchanged: 6, skipped: 1 }));
    // Nothing changed: only the audit row saying the import was run.
    expect(rowCounts(session)).toEqual({ ...afterFirst, audit_log: afterFirst.audit_log! + 1 });
  });

  it('lists every problem by sheet, row and column, and writes nothing', async () => {
    ({ session } = demoSession());
    const before = rowCounts(session);
    const p = await preview(file('long-errors.csv'));
    const h = { sheet: 'long-errors' };
    expect(p.problems).toEqual([
      {
        ...h,
        row: 3,
        column: 'B',
        header: 'period',
        reason: '2026-09 is a month, but measure V1 is reported quarterly',
      },
      {
        ...h,
        row: 4,
        column: 'A',
        header: 'measure_code',
        reason:
          'unknown measure code "Q9": no measure on this board has it (create it first, or let the import create measures that are new to the board (--create-measures))',
      },
      {
        ...h,
        row: 5,
        column: 'B',
        header: 'period',
        reason:
          '"2026-27 Q5" is not a financial quarter: quarters run from Q1 (April–June) to Q4 (January–March)',
      },
      { ...h, row: 6, column: 'C', header: 'value', reason: '"lots" is not a number' },
      {
        ...h,
        row: 7,
        column: 'C',
        header: 'value',
        reason: 'measure V1, 2026-27 Q3 is given twice (also on row 2)',
      },
    ]);
    const r = await dispatch(session, 'import.commit', file('long-errors.csv'));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('invalid_input');
      expect(r.error.message).toBe('Nothing was imported: there are 5 problems in long-errors.csv');
      expect(r.error.issues?.[1]?.message).toBe(
        'long-errors.csv, sheet long-errors, row 4, column A (measure_code): unknown measure code "Q9": no measure on this board has it (create it first, or let the import create measures that are new to the board (--create-measures))',
      );
    }
    expect(rowCounts(session)).toEqual(before);
  });
});

describe('import: a messy council workbook (wide)', () => {
  it('finds the table under the title rows, reads merged two-row headers, 9.4%, 0.094 as 9.4%, n/a and -, and skips footnotes', async () => {
    ({ session } = demoSession());
    const p = await preview(file('council-scorecard.xlsx'));
    expect(p.sheets).toEqual(['Contents', 'Scorecard', 'Monthly']);
    expect(p.sheet).toBe('Scorecard'); // the cover sheet has no table
    expect(p.mapping).toMatchObject({ layout: 'wide', headerRow: 5, headerDepth: 2 });
    expect(
      p.columns.map((c) => `${c.column} ${c.header} → ${c.role}${c.period ? ` ${c.period}` : ''}`),
    ).toEqual([
      'A Ref → code',
      'B Measure → title',
      'C Target → target',
      'D Good is → polarity',
      'E 2026-27 Q2 → period 2026-27 Q2',
      'F 2026-27 Q3 → period 2026-27 Q3',
      'G England → england',
      'H Stat neighbours → neighbours',
      'I Comment → comment',
    ]);
    expect(p.problems).toEqual([]);
    expect(p.summary).toEqual(
      summaryOf({ valuesNew: 8, valuesUnchanged: 5, comparatorsNew: 9, skipped: 10 }),
    );
    expect(
      p.changes.filter((c) => c.status === 'unchanged').map((c) => `${c.subject} ${c.period} ${c.value}`),
    ).toEqual([
      'S3 2026-27 Q2 63',
      'H3 2026-27 Q2 14.6',
      'A1 2026-27 Q2 512',
      'A2 2026-27 Q2 118',
      'E3 2026-27 Q2 9',
    ]);

    const before = rowCounts(session);
    await commit(file('council-scorecard.xlsx'));
    const q3 = Object.fromEntries(
      ['V1', 'V2', 'S1', 'S3', 'H3', 'A1', 'A2', 'E3'].map((c) => [c, valueOf(c, '2026-27 Q3')?.value]),
    );
    expect(q3).toEqual({ V1: 96.8, V2: 84.5, S1: 9.4, S3: 63.8, H3: 14.2, A1: 498, A2: 115, E3: 7 });
    expect(valueOf('V1', '2026-27 Q3')?.note).toBe('Co-chairing continues to lift participation');
    expect(valueOf('A1', '2026-27 Q3')?.note).toBe('Two sibling groups matched in October');
    expect(valueOf('V1', '2026-27 Q2')?.value).toBe(96.1); // "-" left the demo's figure alone
    expect(comparatorsOf('V1')).toMatchObject({ 'england 2026-27 Q3': 90, 'neighbours 2026-27 Q3': 92 }); // 0.9 in a %-formatted cell, and "92%"
    expect(comparatorsOf('S1')).toMatchObject({ 'england 2026-27 Q3': 10, 'neighbours 2026-27 Q3': 10.5 });
    expect(comparatorsOf('A1')).toMatchObject({ 'england 2026-27 Q3': 450, 'neighbours 2026-27 Q3': 470 });
    expect(comparatorsOf('V2')['england 2026-27 Q3']).toBeUndefined(); // n/a
    const after = rowCounts(session);
    expect(after.measure_value).toBe(before.measure_value! + 8);
    expect(after.comparator).toBe(before.comparator! + 9);
    expect(after.measure).toBe(before.measure);

    const again = await preview(file('council-scorecard.xlsx'));
    expect(again.summary).toEqual(summaryOf({ valuesUnchanged: 13, comparatorsUnchanged: 9, skipped: 10 }));
  });

  it('an edited mapping is used as given: an ignored column is not imported', async () => {
    ({ session } = demoSession());
    const p = await preview(file('council-scorecard.xlsx'));
    const mapping = {
      ...p.mapping!,
      columns: p.mapping!.columns.map((c) =>
        c.column === 'G' || c.column === 'H' ? { ...c, role: 'ignore' } : c,
      ),
    };
    const q = await preview({ ...file('council-scorecard.xlsx'), sheet: 'Scorecard', mapping });
    expect(q.summary.comparatorsNew).toBe(0);
    expect(q.summary.valuesNew).toBe(8);
  });

  it('Excel month headers ("Aug-26" stored as dates): unknown codes are errors unless measures may be created', async () => {
    ({ session } = demoSession());
    const before = rowCounts(session);
    const p = await preview({ ...file('council-scorecard.xlsx'), sheet: 'Monthly' });
    expect(p.columns.slice(4).map((c) => `${c.header} ${c.period}`)).toEqual([
      'Aug-26 2026-08',
      'Sep-26 2026-09',
      'Oct-26 2026-10',
    ]);
    const reason = (code: string) =>
      `unknown measure code "${code}": no measure on this board has it (create it first, or let the import create measures that are new to the board (--create-measures))`;
    expect(p.problems).toEqual([
      { sheet: 'Monthly', row: 4, column: 'A', header: 'Code', reason: reason('M1') },
      { sheet: 'Monthly', row: 5, column: 'A', header: 'Code', reason: reason('M2') },
      { sheet: 'Monthly', row: 6, column: 'A', header: 'Code', reason: reason('M3') },
    ]);
    const refused = await dispatch(session, 'import.commit', {
      ...file('council-scorecard.xlsx'),
      sheet: 'Monthly',
    });
    expect(refused.ok).toBe(false);
    expect(rowCounts(session)).toEqual(before);

    const r = await commit({ ...file('council-scorecard.xlsx'), sheet: 'Monthly', createMeasures: true });
    expect(r.measuresCreated).toEqual(['M1', 'M2', 'M3']);
    expect(r.summary).toEqual(summaryOf({ valuesNew: 8, skipped: 1, measuresToCreate: ['M1', 'M2', 'M3'] }));
    const measures = session
      .ctx()
      .db.prepare(
        "SELECT code, title, unit, polarity, target, frequency FROM measure WHERE code LIKE 'M%' ORDER BY code",
      )
      .all();
    expect(measures).toEqual([
      {
        code: 'M1',
        title: 'Children placed more than 20 miles from home',
        unit: 'number',
        polarity: 'lower',
        target: 40,
        frequency: 'monthly',
      },
      {
        code: 'M2',
        title: 'Statutory visits on time',
        unit: 'percent',
        polarity: 'higher',
        target: 90,
        frequency: 'monthly',
      },
      {
        code: 'M3',
        title: 'Average days from referral to first visit',
        unit: 'days',
        polarity: 'lower',
        target: 5,
        frequency: 'monthly',
      },
    ]);
    expect([
      valueOf('M1', '2026-10')?.value,
      valueOf('M2', '2026-08')?.value,
      valueOf('M2', '2026-09')?.value,
      valueOf('M2', '2026-10'),
      valueOf('M3', '2026-10')?.value,
    ]).toEqual([41, 87.4, 88.1, undefined, 5.5]);
  });

  it('the error workbook: every problem listed, nothing written', async () => {
    ({ session } = demoSession());
    const before = rowCounts(session);
    const p = await preview(file('errors.xlsx'));
    const h = { sheet: 'Q3 return' };
    expect(p.problems).toEqual([
      {
        ...h,
        row: 1,
        column: 'D',
        header: 'Q5 2026-27',
        reason:
          'the column header is not a period: "Q5 2026-27" is not a financial quarter: quarters run from Q1 (April–June) to Q4 (January–March)',
      },
      {
        ...h,
        row: 3,
        column: 'A',
        header: 'Code',
        reason:
          'unknown measure code "X9": no measure on this board has it (create it first, or let the import create measures that are new to the board (--create-measures))',
      },
      { ...h, row: 4, column: 'E', header: 'Q3 2026-27', reason: '"about 10" is not a number' },
      {
        ...h,
        row: 5,
        column: 'E',
        header: 'Q3 2026-27',
        reason: '"9.4%" is a percentage, but this measure is days',
      },
    ]);
    const r = await dispatch(session, 'import.commit', { ...file('errors.xlsx'), createMeasures: false });
    expect(r.ok).toBe(false);
    expect(rowCounts(session)).toEqual(before);
  });

  it('a sheet with no table of figures says so, and cannot be imported', async () => {
    ({ session } = demoSession());
    const p = await preview({ ...file('council-scorecard.xlsx'), sheet: 'Contents' });
    expect(p.mapping).toBeNull();
    expect(p.rows[0]).toEqual({ row: 1, cells: ['Corporate Parenting Board scorecard'] });
    expect(p.problems).toEqual([
      {
        sheet: 'Contents',
        row: null,
        column: null,
        header: '',
        reason:
          'no table of figures found: expected a header row with a Code column and period columns (a row per measure), measure_code, period and value columns (a row per figure), a Quarter or Period column with measures across (a row per period), a local authority column with England below it (a row per authority), or breakdown and category columns (cohort profile)',
      },
    ]);
    expect(
      (await dispatch(session, 'import.commit', { ...file('council-scorecard.xlsx'), sheet: 'Contents' })).ok,
    ).toBe(false);
  });

  it('refuses a file that is not a spreadsheet, and a sheet that does not exist', async () => {
    ({ session } = demoSession());
    const junk = await dispatch(session, 'import.preview', {
      fileName: 'figures.xlsx',
      dataBase64: Buffer.from('PK\u0003\u0004 not really').toString('base64'),
    });
    expect(junk.ok).toBe(false);
    if (!junk.ok) expect(junk.error.code).toBe('bad_file');
    const noSheet = await dispatch(session, 'import.preview', {
      ...file('council-scorecard.xlsx'),
      sheet: 'Q4',
    });
    expect(noSheet.ok).toBe(false);
    if (!noSheet.ok)
      expect(noSheet.error.message).toBe(
        'council-scorecard.xlsx: there is no sheet called "Q4" (sheets: Contents, Scorecard, Monthly)',
      );
  });
});

describe('import: cohort profile', () => {
  it('reads a Peterborough-style block table (headings, totals, footnote) and upserts the counts', async () => {
    ({ session } = demoSession());
    const p = await preview(file('cohort-profile.xlsx'));
    expect(p.layout).toBe('cohort');
    expect(p.problems).toEqual([]);
    expect(p.summary).toMatchObject({ cohortNew: 13, cohortChanged: 14, cohortUnchanged: 12 });
    await commit(file('cohort-profile.xlsx'));
    const q3 = session
      .ctx()
      .db.prepare(
        "SELECT breakdown, category, count, sort FROM cohort_value WHERE period = '2026-27 Q3' ORDER BY breakdown, sort",
      )
      .all() as { breakdown: string; category: string; count: number; sort: number }[];
    expect(q3.map((c) => `${c.breakdown}/${c.category}=${c.count}`)).toEqual([
      'age_band/Under 1=19',
      'age_band/1–4=36',
      'age_band/5–9=68',
      'age_band/10–15=137',
      'age_band/16+=80',
      'gender/Male=193',
      'gender/Female=147',
      'placement_type/Foster care=231',
      'placement_type/Residential=43',
      'placement_type/Placed with parents=14',
      'placement_type/Adoption placement=11',
      'placement_type/Independent living=28',
      'placement_type/Other=13',
    ]);
    const male = session
      .ctx()
      .db.prepare(
        "SELECT count FROM cohort_value WHERE period = '2026-27 Q1' AND breakdown = 'gender' AND category = 'Male'",
      )
      .get();
    expect(male).toEqual({ count: 188 });
    const again = await preview(file('cohort-profile.xlsx'));
    expect(again.summary).toMatchObject({ cohortNew: 0, cohortChanged: 0, cohortUnchanged: 39 });
  });

  it('reads the flat shape (breakdown, category, periods) and refuses a count that is not whole', async () => {
    ({ session } = demoSession());
    const before = rowCounts(session);
    const p = await preview(file('cohort-flat.csv'));
    expect(p.layout).toBe('cohort');
    expect(p.problems).toEqual([
      {
        sheet: 'cohort-flat',
        row: 7,
        column: 'C',
        header: '2026-27 Q3',
        reason: '"2.5" is not a count of children: use a whole number, 0 or more',
      },
    ]);
    expect(p.changes.map((c) => `${c.subject}/${c.detail}=${c.value}`)).toEqual([
      'gender/Male=193',
      'gender/Female=147',
      'legal_status/Care order=210',
      'legal_status/Section 20 (voluntary)=85',
      'ethnicity/White British=262',
    ]);
    expect((await dispatch(session, 'import.commit', file('cohort-flat.csv'))).ok).toBe(false);
    expect(rowCounts(session)).toEqual(before);
  });
});

describe('import: a wide CSV kept by hand', () => {
  it('reads "Q1 2026-27" and "Jun-26" style headers typed as text, with target, polarity and comment columns', async () => {
    ({ session } = demoSession());
    const csv = [
      'Indicator code,Indicator,Target,Polarity,Q1 2026-27,Q2 2026-27,Commentary',
      'E1,School-age children with an up-to-date Personal Education Plan,95%,Higher,96.5%,97%,PEP completion steady',
      '',
      'Note: figures from the Virtual School.',
    ].join('\n');
    const p = await preview({ fileName: 'pep.csv', dataBase64: Buffer.from(csv).toString('base64') });
    expect(p.layout).toBe('wide');
    expect(p.columns.map((c) => c.role)).toEqual([
      'code',
      'title',
      'target',
      'polarity',
      'period',
      'period',
      'comment',
    ]);
    expect(p.problems).toEqual([]);
    await commit({ fileName: 'pep.csv', dataBase64: Buffer.from(csv).toString('base64') });
    expect(valueOf('E1', '2026-27 Q1')?.value).toBe(96.5);
    expect(valueOf('E1', '2026-27 Q2')).toMatchObject({
      value: 97,
      note: 'PEP completion steady',
      numerator: null,
      denominator: null,
    });

    const monthly = 'Code,Measure,Jun-26,July 2026\nE1,PEP,96,97\n';
    const m = await preview({ fileName: 'monthly.csv', dataBase64: Buffer.from(monthly).toString('base64') });
    expect(m.columns.slice(2).map((c) => c.period)).toEqual(['2026-06', '2026-07']);
    expect(m.problems.map((x) => `${x.row} ${x.column} ${x.reason}`)).toEqual([
      '2 C 2026-06 is a month, but measure E1 is reported quarterly',
      '2 D 2026-07 is a month, but measure E1 is reported quarterly',
    ]);
  });
});
