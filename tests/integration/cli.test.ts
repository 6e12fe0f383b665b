import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, statSync, writeFileSync, copyFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { nativeBinding } from '../../electron/core/store/native';
import { latestSchemaVersion } from '../../electron/core/store/migrations';
import { DEMO_TODAY, tempDir } from '../helpers';
import { garbleMiddle } from '../support/damage';

const cli = path.resolve(__dirname, '..', '..', 'dist', 'cli.cjs');
const cpb = (...args: string[]) =>
  spawnSync(process.execPath, [cli, ...args], {
    encoding: 'utf8',
    env: { ...process.env, CPB_TODAY: DEMO_TODAY },
  });
const fingerprint = (f: string) => ({
  hash: createHash('sha256').update(readFileSync(f)).digest('hex'),
  mtime: statSync(f).mtimeMs,
});

describe('cpb command line', () => {
  const dir = tempDir();
  const board = path.join(dir, 'demo.cpb');

  it('cpb demo writes the demo board, and will not overwrite it', () => {
    const r = cpb('demo', '--out', board, '--today', DEMO_TODAY);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`Wrote the demo board to ${board}`);
    const again = cpb('demo', '--out', board);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('already exists');
  });

  it('cpb check passes the demo board and prints schema and counts', () => {
    const r = cpb('check', board);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`OK — a CPB board file, schema version ${latestSchemaVersion}, integrity ok`);
    expect(r.stdout).toMatch(/member\s+12/);
    expect(r.stdout).toMatch(/principle\s+7/);
  });

  it('cpb dump prints the whole board as JSON with the documented keys', () => {
    const out = execFileSync(process.execPath, [cli, 'dump', board], { encoding: 'utf8' });
    const d = JSON.parse(out);
    expect(Object.keys(d)).toEqual(
      expect.arrayContaining([
        'schemaVersion',
        'board',
        'strategy',
        'measures',
        'cohort',
        'meetings',
        'actions',
        'voice',
      ]),
    );
    expect(d.schemaVersion).toBe(latestSchemaVersion);
    expect(d.board.authority).toBe('Northshire County Council');
    expect(d.board.members).toHaveLength(12);
    expect(Object.keys(d.strategy)).toEqual(
      expect.arrayContaining(['priorities', 'pledges', 'principles', 'actionPlan']),
    );
    expect(d.strategy.principles).toHaveLength(7);
    const m = d.measures[0];
    expect(Object.keys(m)).toEqual(
      expect.arrayContaining(['code', 'title', 'unit', 'polarity', 'target', 'values']),
    );
    expect(m.values[0]).toEqual(
      expect.objectContaining({
        period: expect.stringMatching(/^\d{4}-\d{2}( Q[1-4])?$/),
        value: expect.any(Number),
        note: expect.any(String),
      }),
    );
    expect(d.meetings).toHaveLength(4);
    const item = d.meetings[0].items[0];
    expect(Object.keys(item)).toEqual(
      expect.arrayContaining(['title', 'exempt', 'minutes', 'decisions', 'actions']),
    );
    expect(d.voice).toHaveLength(4);
  });

  it('cpb check refuses a file that is not SQLite, and never writes to it', () => {
    const f = path.join(dir, 'notes.cpb');
    writeFileSync(f, 'These are my notes, not a board.\n');
    const before = fingerprint(f);
    const r = cpb('check', f);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('not a CPB board file (it is not an SQLite database)');
    expect(fingerprint(f)).toEqual(before);
  });

  it('cpb check refuses another program’s SQLite database, and never writes to it', () => {
    const f = path.join(dir, 'foreign.db');
    const db = new Database(f, { nativeBinding: nativeBinding() });
    db.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1);');
    db.close();
    const before = fingerprint(f);
    const r = cpb('check', f);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('not a CPB board file (an SQLite database made by another program)');
    expect(fingerprint(f)).toEqual(before);
  });

  it('cpb check reports a damaged board, and never writes to it', () => {
    const f = path.join(dir, 'damaged.cpb');
    copyFileSync(board, f);
    garbleMiddle(f); // pages in the middle overwritten with garbage, as a failing disk would
    const before = fingerprint(f);
    const r = cpb('check', f);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/damaged|malformed|cannot be opened/);
    expect(fingerprint(f)).toEqual(before);
  });

  it('cpb backup and cpb restore round-trip a board', () => {
    const b = cpb('backup', board, '--to', path.join(dir, 'bk'));
    expect(b.status).toBe(0);
    const dest = /to (\S+\.cpb)$/m.exec(b.stdout)![1]!;
    expect(cpb('check', dest).status).toBe(0);
    const r = cpb('restore', dest, '--board', board);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/the previous file is kept as .*before-restore/);
    expect(cpb('check', board).status).toBe(0);
    expect(cpb('restore', path.join(dir, 'notes.cpb'), '--board', board).status).toBe(1);
  });

  it('cpb with an unknown command shows usage and exits 2', () => {
    const r = cpb('frobnicate');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('unknown command "frobnicate"');
  });
});
