import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Session } from '../../../electron/core/session';
import { createDemoBoardFile } from '../../../electron/core/demo/file';
import { DEMO_TODAY, rowCounts, tempDir } from '../../helpers';
import { longCsv } from '../../support/hostile-files';

const root = path.resolve(__dirname, '..', '..', '..');
const cli = path.join(root, 'dist', 'cli.cjs');
const fixture = (name: string) => path.join(root, 'tests', 'fixtures', 'imports', name);
const cpb = (...args: string[]) =>
  spawnSync(process.execPath, [cli, ...args], {
    encoding: 'utf8',
    env: { ...process.env, CPB_TODAY: DEMO_TODAY },
  });

function counts(board: string) {
  const s = new Session('test');
  s.open(board);
  try {
    return rowCounts(s);
  } finally {
    s.close();
  }
}
function newBoard(): string {
  const board = path.join(tempDir(), 'board.cpb');
  createDemoBoardFile(board, DEMO_TODAY);
  return board;
}

beforeAll(() => {
  // The CLI is tested as shipped: the esbuild bundle (node build/bundle.mjs).
  if (!existsSync(cli) || !readFileSync(cli, 'utf8').includes('--column-years')) {
    const r = spawnSync(process.execPath, [path.join(root, 'build', 'bundle.mjs')], {
      cwd: root,
      encoding: 'utf8',
    });
    if (r.status !== 0) throw new Error(r.stderr);
  }
});

describe('cpb import', () => {
  it('refuses a 50 MB CSV of valid rows by the file-size limit before reading it (issue 12)', () => {
    const board = newBoard();
    const before = counts(board);
    const big = path.join(tempDir(), 'big.csv');
    const block = longCsv(20_000).split('\n').slice(1).join('\n');
    const fd = openSync(big, 'w');
    writeSync(fd, 'measure_code,period,value\n');
    while (statSync(big).size < 50 * 1024 * 1024) writeSync(fd, block);
    closeSync(fd);
    const r = cpb('import', big, '--board', board);
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe(
      `cpb import: ${big}: it is too large to import: the file is 50 MB; the limit is 45 MB`,
    );
    expect(counts(board)).toEqual(before);
  });

  it('prints every problem as FILE, sheet S, row N, column C (Header): reason, exits 1 and writes nothing', () => {
    const board = newBoard();
    const before = counts(board);
    const data = fixture('errors.xlsx');
    const r = cpb('import', data, '--board', board);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n')).toEqual([
      `${data}, sheet Q3 return, row 1, column D (Q5 2026-27): the column header is not a period: "Q5 2026-27" is not a financial quarter: quarters run from Q1 (April–June) to Q4 (January–March)`,
      `${data}, sheet Q3 return, row 3, column A (Code): unknown measure code "X9": no measure on this board has it (create it first, or let the import create measures that are new to the board (--create-measures))`,
      `${data}, sheet Q3 return, row 4, column E (Q3 2026-27): "about 10" is not a number`,
      `${data}, sheet Q3 return, row 5, column E (Q3 2026-27): "9.4%" is a percentage, but this measure is days`,
      `Nothing was imported: 4 problems in ${data}, sheet Q3 return.`,
    ]);
    expect(counts(board)).toEqual(before);
  });

  it('--dry-run reports the counts and writes nothing; the real import writes them; a second import changes nothing', () => {
    const board = newBoard();
    const before = counts(board);
    const data = fixture('council-scorecard.xlsx');
    const dry = cpb('import', data, '--board', board, '--dry-run');
    expect(dry.stderr).toBe('');
    expect(dry.status).toBe(0);
    expect(dry.stdout.trimEnd().split('\n')).toEqual([
      `Dry run: nothing was written. Importing ${data} (sheet Scorecard, wide layout) into ${board} would give:`,
      '  values: 8 new, 0 changed, 5 unchanged',
      '  comparators: 9 new, 0 changed, 0 unchanged',
      '  cells with no figure (blank, n/a, -): 10 skipped',
      // Every reading that was a choice is said, and what was left out.
      "  column G: no year in this comparator's header: read as for 2026-27 Q3, the latest period in the sheet",
      "  column H: no year in this comparator's header: read as for 2026-27 Q3, the latest period in the sheet",
      '  rows left out: 9 (totals, headings, notes, other authorities)',
    ]);
    expect(counts(board)).toEqual(before);

    const real = cpb('import', data, '--board', board);
    expect(real.status).toBe(0);
    expect(real.stdout).toContain(
      `Imported ${data} (sheet Scorecard, wide layout) into ${board}:\n  values: 8 new, 0 changed, 5 unchanged\n`,
    );
    const after = counts(board);
    expect(after.measure_value).toBe(before.measure_value! + 8);
    expect(after.comparator).toBe(before.comparator! + 9);

    const again = cpb('import', data, '--board', board);
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('values: 0 new, 0 changed, 13 unchanged');
    expect(again.stdout).toContain('comparators: 0 new, 0 changed, 9 unchanged');
    // Nothing changed: only the audit row saying the import was run.
    expect(counts(board)).toEqual({ ...after, audit_log: after.audit_log! + 1 });
  });

  it('bare years: refused until --column-years or --years says how they read; --measure and --authority for a LAIT extract', () => {
    const board = newBoard();
    const before = counts(board);
    const data = fixture('quarterly-return.xlsx');
    const asked = cpb('import', data, '--board', board);
    expect(asked.status).toBe(1);
    expect(asked.stderr).toContain(
      `${data}, sheet Return, row 3, column J (North East 2025): "2025" is a year on its own, which is ambiguous`,
    );
    expect(counts(board)).toEqual(before);
    const answered = cpb('import', data, '--board', board, '--column-years', 'J=ending', '--dry-run');
    expect(answered.status).toBe(0);
    expect(answered.stdout).toContain(
      '  column J: "2025" read as 2024-25: the year ending 31 March 2025, as DfE and LAIT label years (as answered)',
    );
    expect(answered.stdout).toContain(
      '  figures published as suppressed or not available (c, x, z, low…): 2 recorded as no figure',
    );
    expect(answered.stdout).toContain(
      '  measure settings (target, polarity) the sheet gives differently: 1, not applied (--apply-settings)',
    );
    const bad = cpb('import', data, '--board', board, '--years', 'sometimes');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('--years: "sometimes" is not a way of reading years');

    const lait = fixture('lait-stability.csv');
    const r = cpb('import', lait, '--board', board, '--measure', 'S1', '--authority', '999');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout.trimEnd().split('\n')).toEqual([
      `Imported ${lait} (sheet lait-stability, areas layout) into ${board}:`,
      '  values: 4 new, 0 changed, 0 unchanged',
      '  comparators: 12 new, 0 changed, 0 unchanged',
      '  column C: "2021" read as 2020-21: the year ending 31 March 2021, as DfE and LAIT label years; the sheet is from the DfE or LAIT',
      '  column D: "2022" read as 2021-22: the year ending 31 March 2022, as DfE and LAIT label years; the sheet is from the DfE or LAIT',
      '  column E: "2023" read as 2022-23: the year ending 31 March 2023, as DfE and LAIT label years; the sheet is from the DfE or LAIT',
      '  column F: "2024" read as 2023-24: the year ending 31 March 2024, as DfE and LAIT label years; the sheet is from the DfE or LAIT',
      '  measure S1 (as chosen); your authority: row 5 (Northshire)',
      '  neighbours: row 8 (Statistical Neighbours)',
      '  region: row 9 (North East)',
      '  england: row 10 (England)',
      '  rows left out: 4 (totals, headings, notes, other authorities)',
    ]);
    expect(counts(board).measure_value).toBe(before.measure_value! + 4);
  });

  it('--sheet picks a sheet by name; unknown codes fail without --create-measures and are created with it', () => {
    const board = newBoard();
    const data = fixture('council-scorecard.xlsx');
    const refused = cpb('import', data, '--board', board, '--sheet', 'Monthly');
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain(
      `${data}, sheet Monthly, row 4, column A (Code): unknown measure code "M1"`,
    );
    expect(refused.stderr).toContain('Nothing was imported: 3 problems');
    const ok = cpb('import', data, '--board', board, '--sheet', 'Monthly', '--create-measures');
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('values: 8 new, 0 changed, 0 unchanged');
    expect(ok.stdout).toContain('measures created: M1, M2, M3');
    const missing = cpb('import', data, '--board', board, '--sheet', 'Q4');
    expect(missing.status).toBe(1);
    expect(missing.stderr.trim()).toBe(
      `cpb import: ${data}: there is no sheet called "Q4" (sheets: Contents, Scorecard, Monthly)`,
    );
  });

  it('imports a long CSV and a cohort profile; explains a missing --board', () => {
    const board = newBoard();
    const csv = cpb('import', fixture('long-clean.csv'), '--board', board);
    expect(csv.status).toBe(0);
    expect(csv.stdout).toContain('values: 5 new, 0 changed, 1 unchanged');
    const cohort = cpb('import', fixture('cohort-profile.xlsx'), '--board', board);
    expect(cohort.status).toBe(0);
    expect(cohort.stdout).toContain('cohort counts: 13 new, 14 changed, 12 unchanged');
    const noBoard = cpb('import', fixture('long-clean.csv'));
    expect(noBoard.status).toBe(1);
    expect(noBoard.stderr).toContain(
      '--board is required. Usage: cpb import DATA --board FILE [--sheet NAME] [--create-measures] [--years ending|calendar|starting] [--column-years D=calendar]… [--authority NAME|CODE] [--measure CODE] [--apply-settings] [--dry-run]',
    );
  });

  it('records who imported: --as NAME, else the computer login labelled as such; refuses a bad name', () => {
    const actors = (board: string) => {
      const s = new Session('test');
      s.open(board);
      try {
        const rows = s.ctx().db.prepare('SELECT DISTINCT actor FROM audit_log').all() as { actor: string }[];
        return rows.map((r) => r.actor);
      } finally {
        s.close();
      }
    };
    const named = newBoard();
    expect(
      cpb('import', fixture('long-clean.csv'), '--board', named, '--as', 'Sam Patel (Clerk)').status,
    ).toBe(0);
    expect(actors(named)).toContain('Sam Patel (Clerk)');
    const login = newBoard();
    expect(cpb('import', fixture('long-clean.csv'), '--board', login).status).toBe(0);
    expect(actors(login).some((a) => a.endsWith('(computer login)'))).toBe(true);
    const bad = cpb('import', fixture('long-clean.csv'), '--board', newBoard(), '--as', 'x'.repeat(300));
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toMatch(/--as:/);
  });
});
