import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ApiOutput } from '../../../shared/api';
import { QUICK_CHECK_DELAY_MS, SEARCH_REFRESH_IDLE_MS, Session } from '../../../electron/core/session';
import { nativeBinding } from '../../../electron/core/store/native';
import { callOk, demoSession } from '../../helpers';

// An item's minutes are indexed for search after the save, not in it (migration 0014): the save
// notes the item's row of the index as behind, in its own transaction, and the core brings the
// row up to date before any search, after a pause in the saves, and when the board is opened
// again after a crash. Through the API: a search never misses what was saved, nor finds what
// was replaced or deleted.

type Result = ApiOutput<'search.query'>;
const para = (t: string) => ({ type: 'paragraph', content: [{ type: 'text', text: t }] });
const doc = (t: string) => ({ type: 'doc', content: [para(t)] });

let open: Session[] = [];
afterEach(() => {
  vi.useRealTimers();
  for (const s of open) s.close();
  open = [];
});

function board() {
  const b = demoSession('2026-11-23');
  open.push(b.session);
  return b;
}

const search = async (session: Session, q: string) =>
  (await callOk(session, 'search.query', { q })) as Result;
const minutesHits = async (session: Session, q: string) =>
  (await search(session, q)).hits.filter((h) => h.kind === 'minutes').map((h) => h.refId);
const behind = (db: Database.Database) =>
  (db.prepare('SELECT rowid FROM search_index_stale ORDER BY rowid').all() as { rowid: number }[]).map(
    (r) => r.rowid,
  );
/** The index itself, read without the API (so without its bringing the index up to date). */
const indexed = (db: Database.Database, word: string) =>
  (
    db.prepare('SELECT rowid FROM search_index WHERE search_index MATCH ? ORDER BY rowid').all(word) as {
      rowid: number;
    }[]
  ).map((r) => r.rowid);

/** An item of a meeting that has started (its minutes can be written). */
function heldItem(db: Database.Database): number {
  return (
    db
      .prepare(
        `SELECT a.id FROM agenda_item a JOIN meeting m ON m.id = a.meeting_id
         WHERE m.status IN ('in_progress', 'minutes_draft') ORDER BY m.date DESC, a.position LIMIT 1`,
      )
      .get() as { id: number }
  ).id;
}

describe('search after an autosave', () => {
  it('finds the new word right after a save, and no longer the word it replaced', async () => {
    const { session } = board();
    const db = session.ctx().db;
    const itemId = heldItem(db);
    await callOk(session, 'item.saveMinutes', { itemId, doc: doc('Members welcomed the aardvark report.') });
    // The save only noted the row: the index still holds the item's old minutes.
    expect(behind(db)).toEqual([itemId * 16 + 1]);
    expect(indexed(db, 'aardvark')).toEqual([]);
    expect(await minutesHits(session, 'aardvark')).toEqual([itemId]);
    expect(behind(db)).toEqual([]);

    await callOk(session, 'item.saveMinutes', { itemId, doc: doc('Members welcomed the pangolin report.') });
    expect(await minutesHits(session, 'pangolin')).toEqual([itemId]);
    expect(await minutesHits(session, 'aardvark')).toEqual([]);
    expect((await search(session, 'aardvark')).total).toBe(0);
  });

  it('brings the index up to date once the saves pause, without a search', async () => {
    const { session } = board();
    const db = session.ctx().db;
    const itemId = heldItem(db);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    for (const word of ['okapi', 'narwhal', 'axolotl'])
      await callOk(session, 'item.saveMinutes', { itemId, doc: doc(`The Board discussed the ${word}.`) });
    vi.advanceTimersByTime(SEARCH_REFRESH_IDLE_MS - 100);
    expect(behind(db)).toEqual([itemId * 16 + 1]); // still typing, as far as the core knows
    vi.advanceTimersByTime(200);
    expect(behind(db)).toEqual([]);
    expect(indexed(db, 'axolotl')).toEqual([itemId * 16 + 1]);
    expect(indexed(db, 'narwhal')).toEqual([]);
  });

  it('never holds the core waiting for another writer: the upkeep gives way and tries again', async () => {
    const { session, file } = board();
    const db = session.ctx().db;
    const itemId = heldItem(db);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    await callOk(session, 'item.saveMinutes', { itemId, doc: doc('The pelican pathway.') });
    const other = new Database(file, { nativeBinding: nativeBinding() });
    other.exec('BEGIN IMMEDIATE'); // another window's import, say, holding the write lock
    const t0 = performance.now();
    vi.advanceTimersByTime(SEARCH_REFRESH_IDLE_MS + 10);
    expect(performance.now() - t0).toBeLessThan(1000); // not the 10 s busy timeout
    expect(behind(db)).toEqual([itemId * 16 + 1]);
    other.exec('COMMIT');
    other.close();
    vi.advanceTimersByTime(SEARCH_REFRESH_IDLE_MS + 10);
    expect(behind(db)).toEqual([]);
    expect(indexed(db, 'pelican')).toEqual([itemId * 16 + 1]);
  });

  it('re-indexes at once when the title changes with the minutes behind', async () => {
    const { session } = board();
    const db = session.ctx().db;
    const itemId = heldItem(db);
    await callOk(session, 'item.saveMinutes', { itemId, doc: doc('A note about the capybara.') });
    db.prepare("UPDATE agenda_item SET title = 'Quarterly wildebeest review' WHERE id = ?").run(itemId);
    expect(behind(db)).toEqual([]);
    expect(indexed(db, 'capybara')).toEqual([itemId * 16 + 1]);
    expect(indexed(db, 'wildebeest')).toEqual([itemId * 16 + 1]);
  });

  it('does not find an item removed to the bin, and finds it again when it is restored', async () => {
    const { session } = board();
    const db = session.ctx().db;
    // A meeting not yet held: its items go to the bin when removed (a held meeting's are withdrawn).
    const { id: meetingId } = await callOk(session, 'meeting.create', {
      date: '2027-02-17',
      startTime: '10:00',
      venue: 'Room 1',
      chairMemberId: 1,
      type: 'ordinary',
      from: 'template',
    });
    const { id: itemId } = await callOk(session, 'item.add', {
      meetingId,
      title: 'Fostering update',
      kind: 'other',
      afterPosition: null,
    });
    await callOk(session, 'item.saveMinutes', { itemId, doc: doc('Notes on the quetzal campaign.') });
    expect(behind(db)).toEqual([itemId * 16 + 1]);
    await callOk(session, 'item.remove', { itemId });
    expect(behind(db)).toEqual([]);
    expect(await minutesHits(session, 'quetzal')).toEqual([]);
    await callOk(session, 'bin.restore', { kind: 'item', recordId: itemId });
    expect(await minutesHits(session, 'quetzal')).toEqual([itemId]);
  });

  it('brings rows left behind by a crash up to date when the board is opened again', async () => {
    const { session, file } = board();
    const itemId = heldItem(session.ctx().db);
    session.close();
    // A save that reached the file, then the process died before the index was brought up to date.
    const raw = new Database(file, { nativeBinding: nativeBinding() });
    raw
      .prepare("UPDATE agenda_item SET minutes_text = 'The meerkat strategy was agreed.' WHERE id = ?")
      .run(itemId);
    expect(behind(raw)).toEqual([itemId * 16 + 1]);
    raw.close();

    // The day's first open (checked in full on the open): brought up to date at once.
    const first = new Database(file, { nativeBinding: nativeBinding() });
    first.prepare('DELETE FROM file_check').run();
    first.close();
    const door = new Session('test');
    open.push(door);
    door.open(file);
    expect(door.quickCheckPending).toBe(false);
    expect(behind(door.ctx().db)).toEqual([]);
    expect(indexed(door.ctx().db, 'meerkat')).toEqual([itemId * 16 + 1]);
    door.close();

    // Opened again that day (answers first, quick check just after): brought up to date once the
    // check has run, without a search.
    const later = new Database(file, { nativeBinding: nativeBinding() });
    later
      .prepare("UPDATE agenda_item SET minutes_text = 'The dormouse strategy was agreed.' WHERE id = ?")
      .run(itemId);
    later.close();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const window = new Session('test');
    open.push(window);
    window.open(file);
    expect(window.quickCheckPending).toBe(true);
    expect(behind(window.ctx().db)).toEqual([itemId * 16 + 1]);
    vi.advanceTimersByTime(QUICK_CHECK_DELAY_MS + SEARCH_REFRESH_IDLE_MS + 10);
    expect(window.quickCheckPending).toBe(false);
    expect(behind(window.ctx().db)).toEqual([]);
    expect(indexed(window.ctx().db, 'dormouse')).toEqual([itemId * 16 + 1]);
    window.close();
    vi.useRealTimers();

    // Read-only: the file is not written, but the private copy searched is made whole.
    const again = new Database(file, { nativeBinding: nativeBinding() });
    again
      .prepare("UPDATE agenda_item SET minutes_text = 'The tapir strategy was agreed.' WHERE id = ?")
      .run(itemId);
    again.close();
    const reader = new Session('test');
    open.push(reader);
    reader.open(file, { readOnly: true });
    expect(await minutesHits(reader, 'tapir')).toEqual([itemId]);
    expect(await minutesHits(reader, 'meerkat')).toEqual([]);
    reader.close();
    const check = new Database(file, { readonly: true, nativeBinding: nativeBinding() });
    expect(behind(check)).toEqual([itemId * 16 + 1]);
    check.close();

    // A search straight after the open, before the check and the pause: brought up to date first.
    const cli = new Session('test');
    open.push(cli);
    cli.open(file);
    expect(behind(cli.ctx().db)).toEqual([itemId * 16 + 1]);
    expect(await minutesHits(cli, 'tapir')).toEqual([itemId]);
    expect(behind(cli.ctx().db)).toEqual([]);
  });

  it('leaves the index complete when the board is closed', async () => {
    const { session, file } = board();
    const itemId = heldItem(session.ctx().db);
    await callOk(session, 'item.saveMinutes', { itemId, doc: doc('The ibex pathway.') });
    session.close();
    const db = new Database(file, { readonly: true, nativeBinding: nativeBinding() });
    expect(behind(db)).toEqual([]);
    expect(indexed(db, 'ibex')).toEqual([itemId * 16 + 1]);
    db.close();
  });
});
