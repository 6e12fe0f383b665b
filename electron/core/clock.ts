/**
 * The one clock. Every piece of domain time — today's date, snapshot stamps, audit times, backup
 * names, default dates — comes from here, so pinning it pins all of them. Nothing else in
 * electron/, shared/ or renderer/ reads the wall clock (a lint rule enforces it).
 *
 * Pinning: CPB_NOW=2026-11-23T10:00:00Z (an instant) or CPB_TODAY=2026-11-23 (that day, 09:00 local
 * time). A pinned clock starts at that instant and runs on at real speed from the process's own
 * monotonic timer, so saves keep their order and the system date has no say at all.
 */
export interface Clock {
  now(): Date;
  /** Today's date, ISO, on this machine's calendar (local: just after midnight in BST is still today). */
  today(): string;
}

export function localIsoDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${String(d.getFullYear()).padStart(4, '0')}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

export function systemClock(): Clock {
  return { now: () => new Date(), today: () => localIsoDate(new Date()) };
}

/** A clock that reads `start` now and runs on at the speed of `elapsedMs` (monotonic by default). */
export function pinnedClock(start: Date, elapsedMs: () => number = () => performance.now()): Clock {
  if (Number.isNaN(start.getTime())) throw new Error('A pinned clock needs a real date and time');
  const origin = elapsedMs();
  const now = () => new Date(start.getTime() + (elapsedMs() - origin));
  return { now, today: () => localIsoDate(now()) };
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Milliseconds on a timeline every thread and process on this machine shares. Only differences are
 * used (how long since a parent read its pinned clock), never the date it implies.
 */
const sharedElapsed = () => performance.timeOrigin + performance.now();

/** The clock the environment asks for: CPB_NOW, else CPB_TODAY, else the system's. */
export function clockFromEnv(env: Record<string, string | undefined> = process.env): Clock {
  const instant = env.CPB_NOW?.trim();
  if (instant) {
    const at = new Date(instant);
    if (!/^\d{4}-\d{2}-\d{2}T/.test(instant) || Number.isNaN(at.getTime()))
      throw new Error(`CPB_NOW must be an ISO date and time such as 2026-11-23T10:00:00Z, not "${instant}"`);
    // Set by a parent (see childClockEnv): carry on from the instant it read, not from the start.
    const since = Number(env.CPB_NOW_SINCE);
    if (env.CPB_NOW_SINCE && Number.isFinite(since))
      return pinnedClock(new Date(at.getTime() + Math.max(0, sharedElapsed() - since)));
    return pinnedClock(at);
  }
  const day = env.CPB_TODAY?.trim();
  if (day) {
    const m = ISO_DAY.exec(day);
    const at = m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 9, 0, 0) : null;
    if (!m || !at || localIsoDate(at) !== day)
      throw new Error(`CPB_TODAY must be a real date such as 2026-11-23, not "${day}"`);
    return pinnedClock(at);
  }
  return systemClock();
}

let cached: { key: string; clock: Clock } | null = null;

/**
 * The environment a worker thread or utility process needs so that a pinned clock carries on in it
 * where this one is now: the core, its slow-work worker and a restarted core all keep one timeline,
 * so saves keep their order. Empty when the clock is the system's.
 */
export function childClockEnv(env: Record<string, string | undefined> = process.env): Record<string, string> {
  if (!env.CPB_NOW?.trim() && !env.CPB_TODAY?.trim()) return {};
  return { CPB_NOW: appClock().now().toISOString(), CPB_NOW_SINCE: String(sharedElapsed()) };
}

/**
 * The process's clock, read from the environment. Doors and sessions take it from here; a test that
 * pins a different day (CPB_TODAY) gets a clock for that day from then on.
 */
export function appClock(): Clock {
  const key = `${process.env.CPB_NOW ?? ''}|${process.env.CPB_NOW_SINCE ?? ''}|${process.env.CPB_TODAY ?? ''}`;
  if (cached?.key !== key) cached = { key, clock: clockFromEnv() };
  return cached.clock;
}
