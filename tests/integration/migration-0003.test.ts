import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/dispatch';
import { writeDemoBoard } from '../../electron/core/demo/index';
import { Session } from '../../electron/core/session';
import { migrate, openBoardFile } from '../../electron/core/store/board-file';
import { latestSchemaVersion, migrations } from '../../electron/core/store/migrations';
import { nativeBinding } from '../../electron/core/store/native';
import { DEMO_TODAY, tempDir } from '../helpers';

describe('migration 0003: a meeting keeps the quorum rule in force when it was held', () => {
  it('upgrades a version-2 board: held meetings take the rule, approved ones stay locked', () => {
    const file = path.join(tempDir(), 'v2.cpb');
    const v2 = new Database(file, { nativeBinding: nativeBinding() });
    v2.pragma('foreign_keys = ON');
    migrate(v2, file, new Date('2026-01-01T00:00:00Z'), migrations.slice(0, 2));
    writeDemoBoard(v2, { today: DEMO_TODAY });
    const statuses = v2.prepare('SELECT id, status FROM meeting ORDER BY id').all();
    v2.close();

    const db = openBoardFile(file);
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
      expect(db.prepare('SELECT id, status FROM meeting ORDER BY id').all()).toEqual(statuses);
      expect(
        db.prepare('SELECT id, quorum_count, quorum_role, quorum_voting_only FROM meeting ORDER BY id').all(),
      ).toEqual([
        { id: 1, quorum_count: 3, quorum_role: 'elected_member', quorum_voting_only: 1 },
        { id: 2, quorum_count: 3, quorum_role: 'elected_member', quorum_voting_only: 1 },
        { id: 3, quorum_count: 3, quorum_role: 'elected_member', quorum_voting_only: 1 },
        { id: 4, quorum_count: null, quorum_role: null, quorum_voting_only: null },
      ]);
      // The lock came back after the migration's own update.
      expect(() => db.prepare("UPDATE meeting SET venue = 'x' WHERE id = 1").run()).toThrow(
        /approved and locked/,
      );
    } finally {
      db.close();
    }
  });

  it('changing the board’s rule later does not change whether a held meeting was quorate', async () => {
    const file = path.join(tempDir(), 'q.cpb');
    const db = openBoardFile(file, { create: true });
    writeDemoBoard(db, { today: DEMO_TODAY });
    db.close();
    process.env.CPB_TODAY = DEMO_TODAY;
    const session = new Session('test');
    session.open(file);
    try {
      const before = await dispatch(session, 'meeting.get', { id: 2 });
      expect(before.ok && (before.value as { quorum: { count: number } }).quorum.count).toBe(3);
      expect(
        (await dispatch(session, 'board.setQuorum', { count: 5, role: 'elected_member', votingOnly: true }))
          .ok,
      ).toBe(true);
      const held = await dispatch(session, 'meeting.get', { id: 2 });
      expect(held.ok && (held.value as { quorum: { count: number } }).quorum.count).toBe(3);
      const upcoming = await dispatch(session, 'meeting.get', { id: 4 });
      expect(upcoming.ok && (upcoming.value as { quorum: { count: number } }).quorum.count).toBe(5);
      // Starting the upcoming meeting fixes today's rule onto it.
      expect(
        (
          await dispatch(session, 'meeting.setStatus', {
            id: 4,
            status: 'in_progress',
            early: { reason: 'Brought forward by the Chair' },
          })
        ).ok,
      ).toBe(true);
      expect(
        (await dispatch(session, 'board.setQuorum', { count: 2, role: 'elected_member', votingOnly: true }))
          .ok,
      ).toBe(true);
      const started = await dispatch(session, 'meeting.get', { id: 4 });
      expect(started.ok && (started.value as { quorum: { count: number } }).quorum.count).toBe(5);
    } finally {
      session.close();
    }
  });
});
