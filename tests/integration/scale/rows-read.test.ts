import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoBoardFile } from '../../../electron/core/demo/file';
import { dispatch } from '../../../electron/core/dispatch';
import { Session } from '../../../electron/core/session';
import { tempDir } from '../../helpers';
import { ARCHIVE_TODAY, archiveFile, copyArchive } from '../../support/archive';

// Autosave and opening a meeting cost the same on a board of many years as on the demo board:
// no statement they run scans a table that grows with the years (EXPLAIN QUERY PLAN), and the pages
// SQLite reads from the file for them (counted as read system calls with a page cache too small to
// hide them) do not grow with the board. Counted, not timed. The archive is `cpb generate --years 5`
// (dist/cli.cjs: `npm run build` first), about sixty times the demo board's actions; the meeting
// opened and autosaved is the same on both, made through the API.

/** Tables that grow with every meeting, figure and year: none may be scanned on these paths. */
const GROWING = new Set([
  'meeting',
  'agenda_item',
  'agenda_paper',
  'attendance',
  'declaration',
  'decision',
  'action',
  'action_update',
  'voice_entry',
  'measure_value',
  'comparator',
  'cohort_value',
  'snapshot',
  'snapshot_row',
  'minutes_amendment',
  'measure_note',
  'link',
  'audit_log',
  'bin',
  'search_index',
]);

interface Ran {
  sql: string;
  args: unknown[];
}

/** Records every statement run on a connection (through its prepared statements) from now on. */
function record(db: Database.Database): Ran[] {
  const ran: Ran[] = [];
  const prepare = db.prepare.bind(db);
  db.prepare = ((sql: string) => {
    const st = prepare(sql);
    for (const m of ['run', 'get', 'all', 'iterate'] as const) {
      const original = st[m].bind(st) as (...a: unknown[]) => unknown;
      (st as unknown as Record<string, unknown>)[m] = (...args: unknown[]) => {
        ran.push({ sql, args });
        return original(...args);
      };
    }
    return st;
  }) as typeof db.prepare;
  return ran;
}

/** The tables a statement's plan scans whole (SCAN, not SEARCH by an index). */
function scans(db: Database.Database, r: Ran): string[] {
  const plan = db.prepare(`EXPLAIN QUERY PLAN ${r.sql}`).all(...(r.args as never[])) as { detail: string }[];
  return (
    plan
      // A virtual table's "SCAN … INDEX 0:=" is its own lookup (FTS5 by rowid), not a walk through it.
      .filter((p) => !/VIRTUAL TABLE INDEX \d+:\S/.test(p.detail))
      .map((p) => /^SCAN (\w+)/.exec(p.detail)?.[1])
      .filter((t): t is string => t !== undefined && GROWING.has(t))
  );
}

/** Read system calls this process has made (Linux); null where the count is not available. */
function readCalls(): number | null {
  if (!existsSync('/proc/self/io')) return null;
  const m = /syscr:\s+(\d+)/.exec(readFileSync('/proc/self/io', 'utf8'));
  return m ? Number(m[1]) : null;
}

interface Board {
  session: Session;
  db: Database.Database;
  ran: Ran[];
  itemId: number;
  meetingId: number;
}

/**
 * The same meeting on either board, made through the API: the standard agenda and three reports
 * (twelve items), minutes on every item, three decisions and five actions. What is read to show it,
 * or to autosave one of its items, should not depend on the years of board around it.
 */
async function sameMeeting(session: Session): Promise<{ meetingId: number; itemId: number }> {
  const ok = async <T>(method: string, input: unknown): Promise<T> => {
    const r = await dispatch(session, method, input);
    if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
    return r.value as T;
  };
  const { id: meetingId } = await ok<{ id: number }>('meeting.create', {
    date: '2027-01-20',
    startTime: '10:00',
    venue: 'Committee Room 1',
    chairMemberId: null,
    type: 'ordinary',
    from: 'template',
  });
  for (const title of ['Fostering annual report', 'Virtual School Head report', 'Sufficiency update'])
    await ok('item.add', { meetingId, title, kind: 'priority', afterPosition: null });
  const record = await ok<{ items: { id: number }[] }>('meeting.get', { id: meetingId });
  expect(record.items).toHaveLength(12);
  for (const [n, item] of record.items.entries()) {
    await ok('item.saveMinutes', { itemId: item.id, doc: doc(n) });
    if (n >= 9) await ok('decision.add', { itemId: item.id, text: `the report on item ${n + 1} be noted` });
    if (n >= 7)
      await ok('meeting.addAction', {
        itemId: item.id,
        description: `Report back on item ${n + 1}`,
        ownerMemberId: null,
        ownerName: 'Democratic Services',
        dueDate: '2027-03-01',
        urgency: 'medium',
      });
  }
  return { meetingId, itemId: record.items[0]!.id };
}

async function open(file: string): Promise<Board> {
  process.env.CPB_TODAY = ARCHIVE_TODAY;
  const session = new Session('test');
  session.open(file);
  const db = session.ctx().db;
  // Recorded from the start: the statements are prepared once, on first use, and kept.
  const ran = record(db);
  const { meetingId, itemId } = await sameMeeting(session);
  // A page cache too small to hide a scan: pages come from the file (or its log) by read calls.
  db.pragma('cache_size = 8');
  return { session, db, ran, itemId, meetingId };
}

const doc = (i: number) => ({
  type: 'doc',
  content: [
    {
      type: 'paragraph',
      content: [{ type: 'text', text: `Autosave ${i}: `.padEnd(4000, 'the board discussed ') }],
    },
  ],
});

async function call(b: Board, method: string, input: unknown): Promise<void> {
  const r = await dispatch(b.session, method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
}

/** The median of read calls over `n` runs (the search index merges now and then; a median steps over it). */
async function medianReads(n: number, run: (i: number) => Promise<void>): Promise<number | null> {
  const counts: number[] = [];
  for (let i = 0; i < n; i++) {
    const before = readCalls();
    await run(i);
    const after = readCalls();
    if (before === null || after === null) return null;
    counts.push(after - before);
  }
  counts.sort((x, y) => x - y);
  return counts[Math.floor(n / 2)]!;
}

let demo: Board;
let archive: Board;

beforeAll(async () => {
  const dir = tempDir('cpb-scale-');
  const demoFile = path.join(dir, 'demo.cpb');
  createDemoBoardFile(demoFile, ARCHIVE_TODAY);
  demo = await open(demoFile);
  archive = await open(copyArchive(archiveFile(5), dir, 'archive.cpb'));
}, 600_000);
afterAll(() => {
  demo?.session.close();
  archive?.session.close();
});

describe('the cost of an autosave and of opening a meeting does not grow with the board', () => {
  it('the archive is many times the demo board', () => {
    const count = (b: Board, t: string) =>
      (b.db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
    expect(count(archive, 'action')).toBeGreaterThan(40 * count(demo, 'action'));
    expect(count(archive, 'agenda_item')).toBeGreaterThan(4 * count(demo, 'agenda_item'));
    expect(count(archive, 'audit_log')).toBeGreaterThan(40 * count(demo, 'audit_log'));
  });

  it.each([
    [
      'item.saveMinutes',
      (b: Board, i: number) => call(b, 'item.saveMinutes', { itemId: b.itemId, doc: doc(i) }),
    ],
    ['meeting.get', (b: Board) => call(b, 'meeting.get', { id: b.meetingId })],
  ])('%s scans no table that grows, on either board', async (_name, run) => {
    for (const b of [demo, archive]) {
      b.ran.length = 0;
      await run(b, 1);
      expect(b.ran.length).toBeGreaterThan(0);
      const scanned = b.ran.flatMap((r) =>
        scans(b.db, r).map((t) => `${t}: ${r.sql.replace(/\s+/g, ' ').trim()}`),
      );
      expect(scanned).toEqual([]);
    }
  });

  it.each([
    [
      'item.saveMinutes',
      (b: Board, i: number) => call(b, 'item.saveMinutes', { itemId: b.itemId, doc: doc(i) }),
    ],
    ['meeting.get', (b: Board) => call(b, 'meeting.get', { id: b.meetingId })],
  ])('%s reads about as many pages from the archive as from the demo board', async (_name, run) => {
    const small = await medianReads(15, (i) => run(demo, i));
    const large = await medianReads(15, (i) => run(archive, 100 + i));
    // Where the process's read calls are not counted (not Linux), the plans above are the proof.
    if (small === null || large === null) return expect(process.platform).not.toBe('linux');
    expect(small).toBeGreaterThan(0);
    // Deeper indexes cost a page or two more per lookup; a scan would cost hundreds.
    expect(large).toBeLessThanOrEqual(2 * small + 10);
  });
});
