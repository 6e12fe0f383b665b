import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { createDemoBoardFile } from '../../electron/core/demo/file';
import { inspectBoardFile, openSnapshot } from '../../electron/core/store/board-file';
import { latestSchemaVersion } from '../../electron/core/store/migrations';
import { startServer, type RunningServer } from '../e2e/server';
import { tempDir } from '../helpers';
import { cliPath, leftovers, listing, root } from './faults';
import { makeOldBoard } from './old-board';

/**
 * The crash soak: a browser-mode server saving at a steady rate (decisions, minutes autosaves) is
 * killed with SIGKILL at a random moment, again and again, in turn while it imports, exports and
 * backs up (with `cpb export` and `cpb backup` beside it, killed too) and while it migrates an older
 * board as it opens. After every kill: the board passes SQLite's integrity check, every save the
 * server acknowledged is in it, an import is all there or not at all, and once the next run has
 * started no temporary file is left anywhere.
 *
 * The randomness is seeded (CPB_SOAK_SEED), so a run's schedule of kinds and kill times repeats.
 */
export const soakKinds = ['autosave', 'import', 'export', 'backup', 'migration'] as const;
export type SoakKind = (typeof soakKinds)[number];

export interface SoakReport {
  seed: number;
  cycles: number;
  /** Processes killed with SIGKILL (servers, and cpb export / cpb backup beside them). */
  processesKilled: number;
  byKind: Record<SoakKind, number>;
  acknowledged: { decisions: number; minutesSaves: number; imports: number };
  /** Every broken promise found, with the cycle, kind and kill delay that found it. */
  problems: string[];
}

const TODAY = '2026-11-23';
const env = { CPB_TODAY: TODAY };

/** mulberry32: a small seeded generator, so a run's schedule can be repeated. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Reply = { ok: boolean; value?: unknown; error?: { code: string; message: string } };
async function api(s: RunningServer, method: string, input: unknown): Promise<Reply> {
  const r = await fetch(`${s.origin}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-CPB-Token': s.token },
    body: JSON.stringify(input),
  });
  return (await r.json()) as Reply;
}

const doc = (text: string) => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

function killHard(p: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (p.exitCode !== null || p.signalCode !== null) return resolve();
    p.once('exit', () => resolve());
    p.kill('SIGKILL');
  });
}

/** The rows of long-clean.csv with this cycle's own values (two versions): each all there or not at all. */
function importFor(
  cycle: number,
  variant: number,
): { csv: string; expected: { code: string; period: string; value: number; note: string }[] } {
  const rows = readFileSync(path.join(root, 'tests', 'fixtures', 'imports', 'long-clean.csv'), 'utf8')
    .trim()
    .split(/\r?\n/);
  const expected: { code: string; period: string; value: number; note: string }[] = [];
  const note = `soak ${cycle}.${variant}`;
  const out = [rows[0]!];
  rows.slice(1).forEach((line, k) => {
    const [code, period, value] = line.split(',');
    const v = 40 + ((cycle * 7 + k * 3 + variant * 11) % 50) + 0.25;
    out.push(`${code},${period},${value!.includes('%') ? `${v}%` : v},${note}`);
    expected.push({ code: code!, period: period!, value: v, note });
  });
  return { csv: `${out.join('\n')}\n`, expected };
}

/** Runs `cpb …` to completion (the recovery after a kill: the scheduled job runs again). */
function cpbToEnd(args: string[]): { status: number | null; stderr: string } {
  const r = spawnSync(process.execPath, [cliPath, ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  return { status: r.status, stderr: r.stderr };
}

export async function runSoak(opts: {
  cycles: number;
  seed: number;
  log?: (line: string) => void;
}): Promise<SoakReport> {
  const rand = random(opts.seed);
  const dir = tempDir('cpb-soak-');
  const board = path.join(dir, 'board.cpb');
  createDemoBoardFile(board, TODAY);
  const backups = path.join(dir, 'backups');
  const exportsDir = path.join(dir, 'exports');
  mkdirSync(exportsDir);
  const oldTemplate = path.join(tempDir('cpb-soak-old-'), 'old.cpb');
  makeOldBoard(oldTemplate, 4, TODAY);

  const annualExport = ['export', 'annual', '--board', board, '--from', '2026-04-01', '--to', '2027-03-31'];
  const report: SoakReport = {
    seed: opts.seed,
    cycles: 0,
    processesKilled: 0,
    byKind: { autosave: 0, import: 0, export: 0, backup: 0, migration: 0 },
    acknowledged: { decisions: 0, minutesSaves: 0, imports: 0 },
    problems: [],
  };
  const ackedDecisions: string[] = [];
  let ackedMinutes = -1; // the highest autosave number acknowledged
  let minutesSeq = 0;
  let revision = 0;
  let itemId = 0;
  let minutesItemId = 0;
  const importedCycles: {
    cycle: number;
    acked: boolean;
    variants: ReturnType<typeof importFor>['expected'][];
  }[] = [];
  let startupMs = 1500;
  const checkedBackups = new Set<string>();

  const problem = (cycle: number, kind: SoakKind, delay: number, what: string) =>
    report.problems.push(`seed ${opts.seed}, cycle ${cycle} (${kind}, killed after ${delay} ms): ${what}`);

  /** Everything a kill must not break, checked strictly read-only. */
  const verifyBoard = (cycle: number, kind: SoakKind, delay: number) => {
    try {
      inspectBoardFile(board); // SQLite's integrity_check and foreign keys
    } catch (e) {
      problem(cycle, kind, delay, `the board fails its check: ${(e as Error).message}`);
      return;
    }
    const { db } = openSnapshot(board);
    try {
      const texts = new Set(
        (db.prepare("SELECT text FROM decision WHERE text LIKE '%soak-%'").all() as { text: string }[]).map(
          (r) => r.text,
        ),
      );
      const lost = ackedDecisions.filter((t) => !texts.has(t));
      if (lost.length)
        problem(cycle, kind, delay, `${lost.length} acknowledged decisions lost, e.g. ${lost[0]}`);
      const minutes = db
        .prepare('SELECT minutes_text AS t FROM agenda_item WHERE id = ?')
        .get(minutesItemId) as { t: string } | undefined;
      const n = Number(/autosave (\d+)/.exec(minutes?.t ?? '')?.[1] ?? -1);
      if (n < ackedMinutes)
        problem(cycle, kind, delay, `minutes went back to autosave ${n}; ${ackedMinutes} was acknowledged`);
      // Each import cycle commits two versions of one spreadsheet in turn: the newest must be wholly
      // one or the other (or, if none was acknowledged, may be absent); never a mixture or a part.
      const imp = importedCycles[importedCycles.length - 1];
      if (imp) {
        const found = imp.variants.map(
          (rows) =>
            rows.filter((e) => {
              const row = db
                .prepare(
                  'SELECT v.value FROM measure_value v JOIN measure m ON m.id = v.measure_id WHERE m.code = ? AND v.note = ?',
                )
                .get(e.code, e.note) as { value: number } | undefined;
              return row !== undefined && Math.abs(row.value - e.value) < 1e-9;
            }).length,
        );
        const n = imp.variants[0]!.length;
        const whole = (found[0] === n && found[1] === 0) || (found[1] === n && found[0] === 0);
        const none = found[0] === 0 && found[1] === 0;
        if (!whole && !(none && !imp.acked))
          problem(
            cycle,
            kind,
            delay,
            `import of cycle ${imp.cycle}: ${found.join(' and ')} of ${n} rows there`,
          );
      }
    } finally {
      db.close();
    }
  };

  const noLeftovers = (cycle: number, kind: SoakKind, delay: number, where: string[]) => {
    for (const d of where) {
      const left = leftovers(d);
      if (left.length) problem(cycle, kind, delay, `left behind in ${path.basename(d)}: ${left.join(', ')}`);
    }
  };

  // How long a server takes to open (and migrate) the older board: migration kills fall inside it.
  {
    const probe = path.join(dir, 'probe-old.cpb');
    copyFileSync(oldTemplate, probe);
    const t0 = performance.now();
    const s = await startServer(probe, env);
    startupMs = performance.now() - t0;
    await s.stop();
  }

  for (let cycle = 0; cycle < opts.cycles; cycle++) {
    const kind = soakKinds[cycle % soakKinds.length]!;
    report.byKind[kind] += 1;
    report.cycles += 1;

    if (kind === 'migration') {
      const mig = path.join(dir, `mig-${cycle}.cpb`);
      copyFileSync(oldTemplate, mig);
      const delay = Math.round(rand() * startupMs * 1.2);
      const proc = spawn(
        process.execPath,
        [path.join(root, 'dist', 'server.cjs'), '--port', '0', '--board', mig],
        {
          env: { ...process.env, ...env },
          stdio: 'ignore',
        },
      );
      await sleep(delay);
      await killHard(proc);
      report.processesKilled += 1;
      try {
        const r = inspectBoardFile(mig);
        if (r.schemaVersion !== 4 && r.schemaVersion !== latestSchemaVersion)
          problem(cycle, kind, delay, `schema ${r.schemaVersion} after the kill`);
      } catch (e) {
        problem(cycle, kind, delay, `the migrating board fails its check: ${(e as Error).message}`);
      }
      // Recovery: the next start opens (and if need be migrates) it, and tidies up.
      const again = await startServer(mig, env);
      const info = (await api(again, 'app.info', {})).value as { schemaVersion: number } | undefined;
      if (info?.schemaVersion !== latestSchemaVersion)
        problem(cycle, kind, delay, `not migrated on the next start (schema ${info?.schemaVersion})`);
      await again.stop();
      const bdir = `${mig}.backups`;
      for (const b of listing(bdir).filter((n) => n.endsWith('.cpb'))) {
        try {
          inspectBoardFile(path.join(bdir, b));
        } catch (e) {
          problem(cycle, kind, delay, `pre-migration backup ${b} is not sound: ${(e as Error).message}`);
        }
      }
      noLeftovers(cycle, kind, delay, [dir, bdir]);
      opts.log?.(`cycle ${cycle}: migration killed after ${delay} ms`);
      continue;
    }

    const s = await startServer(board, env);
    // Marks and temporary files left by the last kill are gone once a server is up again.
    noLeftovers(cycle, kind, 0, [dir, `${board}.backups`]);
    const marks = listing(dir).filter((n) => n.startsWith(`.${path.basename(board)}.in-use.`));
    if (marks.length !== 1)
      problem(cycle, kind, 0, `expected one in-use mark after start, found ${marks.join(', ')}`);

    if (!itemId) {
      const list = (await api(s, 'meeting.list', {})).value as { upcoming: { id: number }[] };
      const m = (await api(s, 'meeting.get', { id: list.upcoming[0]!.id })).value as {
        items: { id: number; exempt: boolean; minutesRevision: number }[];
      };
      const open = m.items.filter((i) => !i.exempt);
      itemId = open[0]!.id;
      minutesItemId = open[1]!.id;
    }
    {
      const m = (await api(s, 'meeting.list', {})).value as { upcoming: { id: number }[] };
      const d = (await api(s, 'meeting.get', { id: m.upcoming[0]!.id })).value as {
        items: { id: number; minutesRevision: number }[];
      };
      revision = d.items.find((i) => i.id === minutesItemId)!.minutesRevision;
    }

    let stopped = false;
    const children: ChildProcess[] = [];
    const decisionLane = async (lane: number) => {
      for (let n = 0; !stopped; n++) {
        const text = `RESOLVED that soak-${cycle}-${lane}-${n} is recorded`;
        try {
          const r = await api(s, 'decision.add', { itemId, text });
          if (r.ok) {
            ackedDecisions.push(text.replace(/^RESOLVED that /, '')); // as the record keeps it
            report.acknowledged.decisions += 1;
          } else if (!stopped)
            problem(cycle, kind, 0, `decision.add refused: ${r.error?.code} ${r.error?.message}`);
        } catch {
          return; // the server was killed mid-call: not acknowledged
        }
        await sleep(10);
      }
    };
    const minutesLane = async () => {
      while (!stopped) {
        const seq = ++minutesSeq;
        try {
          const r = await api(s, 'item.saveMinutes', {
            itemId: minutesItemId,
            doc: doc(`autosave ${seq}`),
            baseRevision: revision,
          });
          if (r.ok) {
            revision = (r.value as { revision: number }).revision;
            ackedMinutes = seq;
            report.acknowledged.minutesSaves += 1;
          } else if (!stopped)
            problem(cycle, kind, 0, `autosave refused: ${r.error?.code} ${r.error?.message}`);
        } catch {
          return;
        }
        await sleep(10);
      }
    };
    const loopChild = async (args: string[]) => {
      while (!stopped) {
        const p = spawn(process.execPath, [cliPath, ...args], {
          env: { ...process.env, ...env },
          stdio: 'ignore',
        });
        children.push(p);
        await new Promise((r) => p.once('exit', r));
      }
    };
    const work: Promise<unknown>[] = [decisionLane(0), decisionLane(1), decisionLane(2), minutesLane()];
    let firstImport: Promise<unknown> = Promise.resolve();
    if (kind === 'import') {
      // Two versions of one spreadsheet, committed in turn for as long as the server lives.
      const variants = [importFor(cycle, 0), importFor(cycle, 1)];
      const entry = { cycle, acked: false, variants: variants.map((v) => v.expected) };
      importedCycles.push(entry);
      let signalFirst = () => {};
      firstImport = new Promise((r) => (signalFirst = () => r(undefined)));
      const importLane = async () => {
        for (let k = 0; !stopped; k++) {
          try {
            const r = await api(s, 'import.commit', {
              fileName: `soak-${cycle}.csv`,
              dataBase64: Buffer.from(variants[k % 2]!.csv).toString('base64'),
            });
            if (r.ok) {
              entry.acked = true;
              report.acknowledged.imports += 1;
            } else if (!stopped)
              problem(cycle, kind, 0, `import refused: ${r.error?.code} ${r.error?.message}`);
          } catch {
            return;
          } finally {
            signalFirst();
          }
        }
      };
      work.push(importLane());
    }
    if (kind === 'export') {
      work.push(
        loopChild(['export', 'annual', '--board', board, '--out', path.join(exportsDir, 'annual.docx')]),
      );
      work.push(
        api(s, 'export.document', { kind: 'annual', from: '2026-04-01', to: '2027-03-31' }).catch(
          () => undefined,
        ),
      );
    }
    if (kind === 'backup') work.push(loopChild(['backup', board, '--to', backups]));

    // The first import waits for the slow-work worker to start; the kill falls among the ones after.
    if (kind === 'import') await Promise.race([firstImport, sleep(30_000)]);
    const delay = Math.round(100 + rand() * 500);
    await sleep(delay);
    stopped = true;
    const live = children.filter((c) => c.exitCode === null && c.signalCode === null);
    await Promise.all([killHard(s.proc), ...live.map(killHard)]);
    report.processesKilled += 1 + live.length;
    await Promise.allSettled(work);

    verifyBoard(cycle, kind, delay);

    // Recovery: the job that was killed runs again, to the end, and tidies up after itself.
    if (kind === 'export') {
      const out = path.join(exportsDir, 'annual.docx');
      const r = cpbToEnd([...annualExport, '--out', out]);
      if (r.status !== 0) problem(cycle, kind, delay, `cpb export afterwards failed: ${r.stderr}`);
      else if (readFileSync(out).subarray(0, 2).toString('latin1') !== 'PK')
        problem(cycle, kind, delay, 'the exported document is not a whole .docx');
      noLeftovers(cycle, kind, delay, [exportsDir]);
    }
    if (kind === 'backup') {
      const r = cpbToEnd(['backup', board, '--to', backups]);
      if (r.status !== 0) problem(cycle, kind, delay, `cpb backup afterwards failed: ${r.stderr}`);
      noLeftovers(cycle, kind, delay, [backups]);
      for (const b of existsSync(backups) ? readdirSync(backups).filter((n) => n.endsWith('.cpb')) : []) {
        if (checkedBackups.has(b)) continue;
        checkedBackups.add(b);
        try {
          inspectBoardFile(path.join(backups, b));
        } catch (e) {
          problem(cycle, kind, delay, `backup ${b} is not sound: ${(e as Error).message}`);
        }
      }
    }
    opts.log?.(
      `cycle ${cycle}: ${kind} killed after ${delay} ms (${report.acknowledged.decisions} decisions, ${report.acknowledged.minutesSaves} autosaves acknowledged so far)`,
    );
  }

  // The last kill's leftovers go at the next start, like every other.
  const s = await startServer(board, env);
  await s.stop();
  noLeftovers(opts.cycles, 'autosave', 0, [dir, `${board}.backups`]);
  verifyBoard(opts.cycles, 'autosave', 0);
  return report;
}
