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

/** One API method: its input and output schemas and how it runs. The single source of truth for both sides. */
export interface MethodDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  /** One line saying what it does (shown in errors, the audit log and docs). */
  summary: string;
  kind: MethodKind;
  slow: boolean;
  invalidates: readonly string[] | null;
}

function define<I extends z.ZodType, O extends z.ZodType>(
  kind: MethodKind,
  summary: string,
  input: I,
  output: O,
  opts: MethodOptions,
): MethodDef<I, O> {
  return { input, output, summary, kind, slow: opts.slow ?? false, invalidates: opts.invalidates ?? null };
}

/** A method that reads and changes nothing. */
export function query<I extends z.ZodType, O extends z.ZodType>(
  summary: string,
  input: I,
  output: O,
  opts: MethodOptions = {},
): MethodDef<I, O> {
  return define('query', summary, input, output, opts);
}

/** A method that changes the board: one transaction, audited, by `dispatch`. */
export function command<I extends z.ZodType, O extends z.ZodType>(
  summary: string,
  input: I,
  output: O,
  opts: MethodOptions = {},
): MethodDef<I, O> {
  return define('command', summary, input, output, opts);
}
