import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { partialPathFor, sweepPartials, writeWhole } from '../../electron/core/partial-files';

/** The id of a process that has ended (so no process of this computer has it now, for a moment). */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
    encoding: 'utf8',
  });
  return Number(r.stdout);
}

describe('temporary files left by a process killed part-way', () => {
  it('are swept when their process has gone; a running process’s, or another computer’s, are left', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cpb-partials-'));
    const host = os.hostname();
    const dead = `.Minutes.docx.ab12cd.${host}.${deadPid()}.partial`;
    const deadJournal = `.board-2026.cpb.${host}.${deadPid()}.partial-journal`;
    const live = path.basename(partialPathFor(path.join(dir, 'board-2026.cpb')));
    const elsewhere = `.board-2026.cpb.another-laptop.${deadPid()}.partial`;
    for (const n of [dead, deadJournal, live, elsewhere, 'board.cpb']) writeFileSync(path.join(dir, n), 'x');
    expect(sweepPartials(dir).sort()).toEqual([dead, deadJournal].sort());
    expect(readdirSync(dir).sort()).toEqual([live, elsewhere, 'board.cpb'].sort());
  });

  it('writeWhole leaves the whole file and nothing else, even where one was left before', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cpb-partials-'));
    const left = path.join(dir, `.Report.docx.0011aa.${os.hostname()}.${deadPid()}.partial`);
    writeFileSync(left, 'half a document');
    writeWhole(path.join(dir, 'Report.docx'), Buffer.from('a whole document'));
    expect(existsSync(left)).toBe(false);
    expect(readdirSync(dir)).toEqual(['Report.docx']);
  });
});
