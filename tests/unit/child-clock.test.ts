/** A pinned clock carries on in the core's threads and processes: one timeline, whoever writes. */
import { afterEach, describe, expect, it } from 'vitest';
import { appClock, childClockEnv, clockFromEnv } from '../../electron/core/clock';

const saved = { ...process.env };
afterEach(() => {
  for (const k of ['CPB_NOW', 'CPB_NOW_SINCE', 'CPB_TODAY']) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
});

describe('childClockEnv', () => {
  it('is empty for the system clock: a child reads the system clock too', () => {
    expect(childClockEnv({})).toEqual({});
  });

  it('hands a child the parent’s pinned instant, so the child carries on from there', async () => {
    delete process.env.CPB_NOW;
    delete process.env.CPB_NOW_SINCE;
    process.env.CPB_TODAY = '2026-11-23';
    const parent = appClock();
    await new Promise((r) => setTimeout(r, 30)); // the parent's clock has run on a little
    const env = childClockEnv();
    expect(env.CPB_NOW).toMatch(/^2026-11-23T/);
    await new Promise((r) => setTimeout(r, 30)); // the child starts a little later still
    const child = clockFromEnv(env);
    const gap = child.now().getTime() - parent.now().getTime();
    expect(Math.abs(gap)).toBeLessThan(20);
    expect(child.today()).toBe('2026-11-23');
  });
});
