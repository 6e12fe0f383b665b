import type { z } from 'zod';

/**
 * A query reads the board and changes nothing; a command changes it. `dispatch` runs each command
 * in one immediate transaction and audits it, so no handler does either by hand.
 */
export type MethodKind = 'query' | 'command';

export interface MethodOptions {
  /** Seconds rather than milliseconds (charts, spreadsheets): runs on the slow-work worker. */
  slow?: boolean;
  /**
   * The API areas (the part of a method name before the dot, e.g. 'meeting') whose cached reads
   * this command makes stale. Absent: every read is refreshed.
   */
  invalidates?: readonly string[];
}

export interface CommandOptions extends MethodOptions {
  /**
   * The kind of record a command's audit row names, when it is not the area before the dot (e.g.
   * 'minutes.amend' changes a meeting's record). The row's id is then the input's `id`, else its
   * `<entity>Id`, else the id the command returns.
   */
  audits?: string;
  /**
   * The command replaces the open board file itself (restoring a backup): it runs alone, with the
   * board closed, outside any transaction; the board is opened again after it and audited there.
   */
  replacesBoard?: boolean;
}

/** One API method: its input and output schemas and how it runs. The single source of truth for both sides. */
export interface MethodDef<
  I extends z.ZodType = z.ZodType,
  O extends z.ZodType = z.ZodType,
  K extends MethodKind = MethodKind,
> {
  input: I;
  output: O;
  /** One line saying what it does (shown in errors, the audit log and docs). */
  summary: string;
  kind: K;
  slow: boolean;
  invalidates: readonly string[] | null;
  /** Commands: the record their audit row names (see CommandOptions.audits); null: the area. */
  audits: string | null;
  /** Commands: replaces the board file (see CommandOptions.replacesBoard). */
  replacesBoard: boolean;
}

/** A method that reads and changes nothing. */
export function query<I extends z.ZodType, O extends z.ZodType>(
  summary: string,
  input: I,
  output: O,
  opts: MethodOptions = {},
): MethodDef<I, O, 'query'> {
  return {
    input,
    output,
    summary,
    kind: 'query',
    slow: opts.slow ?? false,
    invalidates: opts.invalidates ?? null,
    audits: null,
    replacesBoard: false,
  };
}

/** A method that changes the board: one transaction, audited, by `dispatch`. */
export function command<I extends z.ZodType, O extends z.ZodType>(
  summary: string,
  input: I,
  output: O,
  opts: CommandOptions = {},
): MethodDef<I, O, 'command'> {
  return {
    input,
    output,
    summary,
    kind: 'command',
    slow: opts.slow ?? false,
    invalidates: opts.invalidates ?? null,
    audits: opts.audits ?? null,
    replacesBoard: opts.replacesBoard ?? false,
  };
}
