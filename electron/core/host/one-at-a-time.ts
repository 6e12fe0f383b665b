/**
 * A first-come, first-served queue that runs one job at a time, holding at most `room` jobs
 * waiting. The core sends slow work (Word exports, spreadsheet imports) through it to the slow-work
 * worker, so a dozen exports asked for at once are made one after another: memory holds one
 * document being built, not twelve, and the core's own thread — where autosaves run — relays one
 * finished document at a time.
 */
export class OneAtATime {
  private tail: Promise<void> = Promise.resolve();
  private pending = 0;
  /** The most jobs ever running at once (1 unless something is wrong): for tests and status. */
  maxRunning = 0;
  private running = 0;

  constructor(readonly room: number) {}

  /** Jobs queued or running. */
  get size(): number {
    return this.pending;
  }

  get full(): boolean {
    return this.pending >= this.room;
  }

  run<T>(job: () => Promise<T>): Promise<T> {
    this.pending += 1;
    const result = this.tail.then(async () => {
      this.running += 1;
      this.maxRunning = Math.max(this.maxRunning, this.running);
      try {
        return await job();
      } finally {
        this.running -= 1;
        this.pending -= 1;
      }
    });
    this.tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }
}
