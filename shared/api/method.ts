import type { z } from 'zod';

/** One API method: its input and output schemas. The single source of truth for both sides. */
export interface MethodDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  /** One line saying what it does (shown in errors and docs). */
  summary: string;
}

export function method<I extends z.ZodType, O extends z.ZodType>(
  summary: string,
  input: I,
  output: O,
): MethodDef<I, O> {
  return { input, output, summary };
}
