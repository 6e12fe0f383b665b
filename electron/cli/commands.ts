import { dumpBoard } from '../core/services/dump';
import { Session } from '../core/session';
import { createDemoBoardFile } from '../core/demo/file';
import { inspectBoardFile } from '../core/store/board-file';

/** Thrown for a clear, expected failure: printed as one line, exit code 1. */
export class CliError extends Error {}

export interface Io {
  out(text: string): void;
  err(text: string): void;
}

export type Command = (args: { positionals: string[]; values: Record<string, string | boolean | undefined> }, io: Io) => Promise<number> | number;

function need(value: string | boolean | undefined, flag: string, usage: string): string {
  if (typeof value !== 'string' || !value) throw new CliError(`${flag} is required. Usage: ${usage}`);
  return value;
}

export interface CommandDef {
  usage: string;
  summary: string;
  /** Flags it takes, for node:util parseArgs (unknown flags are an error). */
  options?: Record<string, { type: 'string' | 'boolean'; multiple?: boolean }>;
  run: Command;
}

export const commands: Record<string, CommandDef> = {
  demo: {
    usage: 'cpb demo --out FILE [--today YYYY-MM-DD]',
    summary: 'write the demo board (Northshire County Council)',
    options: { out: { type: 'string' }, today: { type: 'string' } },
    run: ({ values }, io) => {
      const out = need(values.out, '--out', commands.demo!.usage);
      const today = typeof values.today === 'string' ? values.today : undefined;
      if (today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new CliError(`--today ${today}: use a date like 2025-06-30`);
      try {
        createDemoBoardFile(out, today);
      } catch (e) {
        throw new CliError((e as Error).message);
      }
      io.out(`Wrote the demo board to ${out}`);
      return 0;
    },
  },
  check: {
    usage: 'cpb check FILE',
    summary: 'integrity, schema version and counts; exit 1 when damaged or not a board file',
    run: ({ positionals }, io) => {
      const file = positionals[0];
      if (!file) throw new CliError(`a board file is required. Usage: ${commands.check!.usage}`);
      const r = inspectBoardFile(file); // read-only: never writes to the file
      io.out(`${file}: OK — a CPB board file, schema version ${r.schemaVersion}, integrity ok`);
      for (const [table, n] of Object.entries(r.counts)) io.out(`  ${table.padEnd(14)} ${n}`);
      return 0;
    },
  },
  dump: {
    usage: 'cpb dump FILE',
    summary: 'the whole board as JSON on stdout',
    run: ({ positionals }, io) => {
      const file = positionals[0];
      if (!file) throw new CliError(`a board file is required. Usage: ${commands.dump!.usage}`);
      inspectBoardFile(file);
      const session = new Session('cpb');
      session.open(file);
      try {
        io.out(JSON.stringify(dumpBoard(session.ctx()), null, 2));
      } finally {
        session.close();
      }
      return 0;
    },
  },
};
