import { ApiError } from '../../../shared/api';

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'dirty' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  | { kind: 'retrying'; message: string }
  | { kind: 'failed'; message: string }
  /** Someone else saved since this copy was read: nothing was saved; `current` is their version. */
  | { kind: 'conflict'; message: string; current: unknown };

/**
 * Errors that another try cannot fix (the minutes are locked, the item is gone, the input is
 * refused, the board is read-only or may not be written). A busy board, a full disk or a drive
 * that has gone are tried again: another window finishes, space is freed, the drive comes back.
 */
const permanent = new Set(['locked', 'not_found', 'invalid_input', 'read_only', 'permission_denied']);

/**
 * Saves the latest value at most `delay` ms after the last change, one save at a time, and
 * retries until the board file has it. `flushNow` is for pagehide/beforeunload: it sends at once.
 */
export class Autosaver<T> {
  private pending: T | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private inflight: Promise<void> | null = null;
  private stopped = false;

  constructor(
    /** Saves and resolves with when the board file recorded it (its clock, not this window's). */
    private readonly save: (value: T, opts: { keepalive: boolean }) => Promise<Date>,
    private readonly onState: (s: SaveState) => void,
    private readonly delay = 250,
    private readonly retryDelay = 1000,
  ) {}

  get hasPending(): boolean {
    return this.pending !== null;
  }

  change(value: T): void {
    this.pending = value;
    this.onState({ kind: 'dirty' });
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), this.delay);
  }

  /** Saves anything pending now and resolves when the board file has it (or saving failed). */
  async flush(): Promise<void> {
    clearTimeout(this.timer);
    clearTimeout(this.retryTimer);
    for (;;) {
      if (this.inflight) {
        await this.inflight;
        continue;
      }
      if (this.pending === null) return;
      const value = this.pending;
      this.pending = null;
      this.onState({ kind: 'saving' });
      const attempt = this.save(value, { keepalive: false });
      this.inflight = attempt.then(
        () => undefined,
        () => undefined,
      );
      try {
        const at = await attempt;
        if (this.pending === null) this.onState({ kind: 'saved', at });
      } catch (e) {
        if (this.pending === null) this.pending = value; // keep the newest text
        const code = e instanceof ApiError ? e.code : 'unavailable';
        const message = e instanceof Error ? e.message : String(e);
        if (code === 'conflict' && e instanceof ApiError && e.current !== undefined) {
          // Retrying cannot help, and must not overwrite theirs: the clerk chooses (see MinutesEditor).
          this.onState({ kind: 'conflict', message, current: e.current });
          this.pending = null;
        } else if (permanent.has(code)) {
          this.onState({ kind: 'failed', message });
          this.pending = null;
        } else {
          this.onState({ kind: 'retrying', message });
          if (!this.stopped) this.retryTimer = setTimeout(() => void this.flush(), this.retryDelay);
        }
        return;
      } finally {
        this.inflight = null;
      }
    }
  }

  /** The page is going away: send what is pending straight away, with keepalive. */
  flushNow(): void {
    clearTimeout(this.timer);
    if (this.pending === null) return;
    const value = this.pending;
    this.pending = null;
    void this.save(value, { keepalive: true }).catch(() => {
      if (this.pending === null) this.pending = value;
    });
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    clearTimeout(this.retryTimer);
  }
}

/** "Saved at 14:05:12" and friends. */
export function saveStateText(s: SaveState): string {
  switch (s.kind) {
    case 'idle':
      return 'No changes yet';
    case 'dirty':
    case 'saving':
      return 'Saving…';
    case 'saved':
      return `Saved at ${s.at.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' })}`;
    case 'retrying':
      return 'Not saved — retrying';
    case 'failed':
      return `Not saved: ${s.message}`;
    case 'conflict':
      return 'Not saved: someone else saved these minutes first';
  }
}
