import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ApiOutput } from '../../../shared/api';
import { dispatch } from '../../../electron/core/dispatch';
import { inspectBoardFile } from '../../../electron/core/store/board-file';
import { Session } from '../../../electron/core/session';
import { DEMO_TODAY, demoSession, rowCounts, tempDir } from '../../helpers';

const cli = path.resolve(__dirname, '..', '..', '..', 'dist', 'cli.cjs');
const cpb = (...args: string[]) =>
  spawnSync(process.execPath, [cli, ...args], {
    encoding: 'utf8',
    env: { ...process.env, CPB_TODAY: DEMO_TODAY },
  });

describe('cpb new', () => {
  const dir = tempDir('cpb-new-');

  it('writes a board from a template with the given authority and board name', () => {
    const out = path.join(dir, 'sthelens.cpb');
    const r = cpb(
      'new',
      '--template',
      'sthelens',
      '--out',
      out,
      '--authority',
      'Westmoor Borough Council',
      '--board-name',
      'Westmoor Corporate Parenting Panel',
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(
      `Wrote a new board from the sthelens template to ${out}\n  5 priorities, 4 pledges, 17 plan actions, 25 measures\n`,
    );
    expect(inspectBoardFile(out).counts).toMatchObject({
      priority: 5,
      pledge: 4,
      plan_action: 17,
      measure: 25,
      measure_value: 0,
    });
    const dump = JSON.parse(cpb('dump', out).stdout);
    expect(dump.board).toMatchObject({
      authority: 'Westmoor Borough Council',
      name: 'Westmoor Corporate Parenting Panel',
      members: [],
    });
    const a1 = dump.measures.find((m: { code: string }) => m.code === 'A1');
    expect(a1).toMatchObject({ unit: 'days', polarity: 'lower', target: 426, values: [] });
    expect(dump.measures.find((m: { code: string }) => m.code === 'A2').target).toBe(121);
  });

  it('defaults the authority to “Your council”', () => {
    const out = path.join(dir, 'redcar.cpb');
    expect(cpb('new', '--template', 'redcar', '--out', out).status).toBe(0);
    const dump = JSON.parse(cpb('dump', out).stdout);
    expect(dump.board).toMatchObject({ authority: 'Your council', name: 'Corporate Parenting Board' });
    expect(dump.strategy.pledges.map((p: { code: string }) => p.code).join('-')).toBe('L-A-C-E-S');
  });

  it('refuses an unknown template, listing the valid names, and writes nothing', () => {
    const out = path.join(dir, 'nope.cpb');
    const r = cpb('new', '--template', 'northshire', '--out', out);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(
      'cpb new: unknown template "northshire". Choose one of: blank, redcar, rutland, stockton, sthelens, peterborough\n',
    );
    expect(existsSync(out)).toBe(false);
  });

  it('needs --template and --out, and will not overwrite a file', () => {
    expect(cpb('new', '--out', path.join(dir, 'x.cpb')).stderr).toMatch(/--template is required/);
    expect(cpb('new', '--template', 'blank').stderr).toMatch(/--out is required/);
    const notes = path.join(dir, 'notes.cpb');
    writeFileSync(notes, 'mine');
    const r = cpb('new', '--template', 'blank', '--out', notes);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('already exists; CPB will not overwrite a board file');
  });
});

describe('board.createFromTemplate (the app’s File › New board)', () => {
  const { session } = demoSession();
  const dir = tempDir('cpb-new-api-');
  afterAll(() => session.close());

  it('creates the file, leaves the open board alone, and the new board opens', async () => {
    const file = path.join(dir, 'Stockton shaped.cpb');
    const before = rowCounts(session);
    const r = await dispatch(session, 'board.createFromTemplate', {
      template: 'stockton',
      file,
      authority: 'Eastbury Council',
    });
    expect(r).toEqual({
      ok: true,
      value: {
        file,
        template: 'stockton',
        counts: { priorities: 7, pledges: 0, planActions: 41, measures: 0 },
      },
    });
    const after = rowCounts(session);
    expect({ ...after, audit_log: before.audit_log }).toEqual(before);
    expect(after.audit_log).toBe(before.audit_log! + 1);

    const other = new Session('test');
    other.open(file);
    try {
      const info = await dispatch(other, 'app.info', {});
      expect(info.ok && info.value).toMatchObject({
        authority: 'Eastbury Council',
        name: 'Corporate Parenting Board',
      });
      // The plan's own reported progress came with it: the published offer and the exemption are done.
      const plan = await dispatch(other, 'plan.list', { status: 'complete' });
      expect(plan.ok && (plan.value as ApiOutput<'plan.list'>).actions.map((a) => a.ref)).toEqual([
        '7.1',
        '7.8',
      ]);
      // No leads were guessed for it: the council names its own.
      expect(plan.ok && (plan.value as ApiOutput<'plan.list'>).leads).toEqual([]);
    } finally {
      other.close();
    }
  });

  it('refuses a relative path, a path without .cpb, a missing folder and an existing file', async () => {
    const rel = await dispatch(session, 'board.createFromTemplate', { template: 'blank', file: 'board.cpb' });
    expect(!rel.ok && rel.error.issues).toEqual([
      { path: 'file', message: 'must be a full path, like /home/me/Board.cpb or C:\\Boards\\Board.cpb' },
    ]);
    const ext = await dispatch(session, 'board.createFromTemplate', {
      template: 'blank',
      file: path.join(dir, 'board.txt'),
    });
    expect(!ext.ok && ext.error.issues).toEqual([{ path: 'file', message: 'must end in .cpb' }]);
    const missing = await dispatch(session, 'board.createFromTemplate', {
      template: 'blank',
      file: path.join(dir, 'nowhere', 'b.cpb'),
    });
    expect(!missing.ok && missing.error).toEqual({
      code: 'not_found',
      message: `file: the folder ${path.join(dir, 'nowhere')} does not exist`,
    });
    const open = await dispatch(session, 'board.createFromTemplate', {
      template: 'blank',
      file: session.file,
    });
    expect(!open.ok && open.error.code).toBe('conflict');
    expect(existsSync(path.join(dir, 'nowhere'))).toBe(false);
  });

  it('lists the templates with their counts', async () => {
    const r = await dispatch(session, 'board.templates', {});
    expect(
      r.ok &&
        (r.value as ApiOutput<'board.templates'>).map((t) => [t.name, t.counts.priorities, t.counts.pledges]),
    ).toEqual([
      ['blank', 0, 0],
      ['redcar', 6, 5],
      ['rutland', 6, 6],
      ['stockton', 7, 0],
      ['sthelens', 5, 4],
      ['peterborough', 7, 15],
    ]);
  });
});
