import { call } from '../../api/client';
import { Autosaver, type SaveState } from './autosave';

export type MinutesDoc = Record<string, unknown>;

/** What the last save left on the board: the minutes and their revision (the next save's base). */
export interface SavedMinutes {
  doc: MinutesDoc | null;
  revision: number;
}

/**
 * One item's minutes while live mode is open: the latest text typed, the revision the next save
 * starts from, and the one autosaver that sends them, in order. It outlives the editor on screen,
 * so the clerk can leave an item and come back at once: the editor shown again starts from what
 * was typed (not from what has reached the board yet), and its saves queue behind the ones still
 * on their way, each from the revision the previous one left.
 */
export class MinutesSession {
  doc: MinutesDoc | null;
  revision: number;
  state: SaveState = { kind: 'idle' };
  private listener: ((s: SaveState) => void) | null = null;
  readonly saver: Autosaver<MinutesDoc>;

  constructor(
    readonly itemId: number,
    initial: SavedMinutes,
    /** After each save that reached the board (other screens then fetch the minutes afresh). */
    onSaved: () => void,
  ) {
    this.doc = initial.doc;
    this.revision = initial.revision;
    this.saver = new Autosaver<MinutesDoc>(
      async (doc, { keepalive }) => {
        // On pagehide the call goes with fetch keepalive (browser mode), so the last save is not cut off.
        const saved = await call(
          'item.saveMinutes',
          { itemId, doc, baseRevision: this.revision },
          { keepalive },
        );
        this.revision = saved.revision;
        onSaved();
        return new Date(saved.savedAt);
      },
      (s) => {
        this.state = s;
        this.listener?.(s);
      },
    );
  }

  /** The editor on screen hears how saving goes; one at a time. */
  listen(fn: ((s: SaveState) => void) | null): void {
    this.listener = fn;
  }

  /** The clerk typed: keep the text and save it shortly. */
  change(doc: MinutesDoc): void {
    this.doc = doc;
    this.saver.change(doc);
  }

  /** After a conflict: carry on from their version (shown instead of these minutes). */
  takeTheirs(theirs: SavedMinutes): void {
    this.doc = theirs.doc;
    this.revision = theirs.revision;
    this.state = { kind: 'idle' };
    this.listener?.(this.state);
  }

  /** After a conflict: save these minutes over theirs, deliberately, from their revision. */
  keepMine(theirRevision: number, doc: MinutesDoc): Promise<void> {
    this.revision = theirRevision;
    this.change(doc);
    return this.saver.flush();
  }
}

/** Every item's session for one live meeting, made on first use. */
export class MinutesSessions {
  private readonly map = new Map<number, MinutesSession>();
  constructor(private readonly onSaved: () => void) {}

  get(itemId: number, initial: () => SavedMinutes): MinutesSession {
    let s = this.map.get(itemId);
    if (!s) {
      s = new MinutesSession(itemId, initial(), this.onSaved);
      this.map.set(itemId, s);
    }
    return s;
  }

  /** Everything typed, on its way now; resolves when it is on disk (or saving failed visibly). */
  flushAll(): Promise<void> {
    return Promise.all([...this.map.values()].map((s) => s.saver.flush())).then(() => undefined);
  }

  /** The page is going away: send whatever is pending at once, with keepalive. */
  flushNow(): void {
    for (const s of this.map.values()) s.saver.flushNow();
  }

  /** Live mode closed: finish the saves under way, then stop retrying. */
  close(): void {
    for (const s of this.map.values()) void s.saver.flush().then(() => s.saver.stop());
  }
}
