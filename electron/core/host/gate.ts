/**
 * Orders the core's work on its board connection: API calls run side by side (their handlers may
 * await), while opening, restoring or closing the board waits for them to finish and runs alone.
 * First come, first served, so a waiting open is not starved by a stream of calls.
 */
export class Gate {
  private shared = 0;
  private exclusive = false;
  private readonly queue: { alone: boolean; go: () => void }[] = [];

  run<T>(fn: () => T | Promise<T>): Promise<T> {
    return this.enter(false, fn);
  }

  alone<T>(fn: () => T | Promise<T>): Promise<T> {
    return this.enter(true, fn);
  }

  private enter<T>(alone: boolean, fn: () => T | Promise<T>): Promise<T> {
    return new Promise<void>((go) => {
      this.queue.push({ alone, go });
      this.pump();
    })
      .then(() => fn())
      .finally(() => {
        if (alone) this.exclusive = false;
        else this.shared -= 1;
        this.pump();
      });
  }

  private pump(): void {
    for (let next = this.queue[0]; next; next = this.queue[0]) {
      if (this.exclusive || (next.alone && this.shared > 0)) return;
      if (next.alone) this.exclusive = true;
      else this.shared += 1;
      this.queue.shift();
      next.go();
    }
  }
}
