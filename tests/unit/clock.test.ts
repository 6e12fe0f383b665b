import { afterEach, describe, expect, it } from 'vitest';
import path from 'node:path';
import { appClock, clockFromEnv, localIsoDate, pinnedClock } from '../../electron/core/clock';
import { backupBoard } from '../../electron/core/services/backup';
import { callOk, demoSession } from '../helpers';

const saved = { now: process.env.CPB_NOW, today: process.env.CPB_TODAY };
afterEach(() => {
  for (const [k, v] of [
    ['CPB_NOW', saved.now],
    ['CPB_TODAY', saved.today],
  ] as const) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});

describe('the one clock', () => {
  it('a pinned clock starts where it is pinned and runs on at the speed of its timer', () => {
    let elapsed = 1000;
    const clock = pinnedClock(new Date('2031-03-15T10:00:00Z'), () => elapsed);
    expect(clock.now().toISOString()).toBe('2031-03-15T10:00:00.000Z');
    elapsed += 90_000;
    expect(clock.now().toISOString()).toBe('2031-03-15T10:01:30.000Z');
  });

  it('CPB_TODAY pins today and now to that day (09:00 local), whatever the system date', () => {
    const clock = clockFromEnv({ CPB_TODAY: '2026-11-23' });
    expect(clock.today()).toBe('2026-11-23');
    expect(localIsoDate(clock.now())).toBe('2026-11-23');
    expect(clock.now().getHours()).toBe(9);
  });

  it('CPB_NOW pins an instant', () => {
    const clock = clockFromEnv({ CPB_NOW: '2027-06-14T09:30:00Z' });
    expect(clock.now().toISOString().slice(0, 16)).toBe('2027-06-14T09:30');
  });

  it('refuses a pin it cannot read, naming the variable, rather than falling back to the system date', () => {
    expect(() => clockFromEnv({ CPB_TODAY: '2026-02-30' })).toThrow(/CPB_TODAY must be a real date/);
    expect(() => clockFromEnv({ CPB_TODAY: '23/11/2026' })).toThrow(/CPB_TODAY/);
    expect(() => clockFromEnv({ CPB_NOW: 'tomorrow' })).toThrow(/CPB_NOW must be an ISO date and time/);
  });

  it('the process clock follows the environment', () => {
    delete process.env.CPB_NOW;
    process.env.CPB_TODAY = '2030-01-02';
    expect(appClock().today()).toBe('2030-01-02');
    process.env.CPB_TODAY = '2030-01-03';
    expect(appClock().today()).toBe('2030-01-03');
  });

  it('pinning the day pins snapshot stamps, audit times, default dates and backup names', async () => {
    const pinned = '2019-05-07'; // far from the demo's own date and from the machine's
    const { session, file, dir } = demoSession(pinned);
    const info = await callOk(session, 'app.info', {});
    expect(info.today).toBe(pinned);
    const meetings = await callOk(session, 'meeting.list', {});
    const meetingId = meetings.upcoming[0]!.id;
    const snap = await callOk(session, 'snapshot.freeze', { meetingId });
    expect(localIsoDate(new Date(snap.takenAt))).toBe(pinned);
    const audit = session
      .ctx()
      .db.prepare("SELECT at FROM audit_log WHERE entity = 'snapshot' ORDER BY id DESC LIMIT 1")
      .get() as { at: string };
    expect(localIsoDate(new Date(audit.at))).toBe(pinned);
    const backup = await backupBoard(file, { toDir: path.join(dir, 'backups') });
    expect(path.basename(backup)).toContain(pinned);
    session.close();
  });
});
