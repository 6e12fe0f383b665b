import { dumpBoard } from '../core/services/dump';
import { Session } from '../core/session';
import { createDemoBoardFile } from '../core/demo/file';
import { generateArchive } from '../core/demo/archive';
import { appClock } from '../core/clock';
import {
  createBoardFromTemplate,
  isTemplateName,
  templateCounts,
  templates,
  templateNames,
} from '../core/templates';
import { inspectBoardFile, openSnapshot } from '../core/store/board-file';
import { latestSchemaVersion } from '../core/store/migrations';
import { backupBoard, restoreBoard } from '../core/services/backup';
import { importCommand } from './import-command';
import { exportCommand } from './export-command';

/** Thrown for a clear, expected failure: printed as one line, exit code 1. */
export class CliError extends Error {}

export interface Io {
  out(text: string): void;
  err(text: string): void;
}

export type Command = (
  args: { positionals: string[]; values: Record<string, string | boolean | undefined> },
  io: Io,
) => Promise<number> | number;

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
  import: importCommand,
  export: exportCommand,
  backup: {
    usage: 'cpb backup FILE [--to DIR]',
    summary: 'online backup of a board file (beside it in FILE.backups/ unless --to)',
    options: { to: { type: 'string' } },
    run: async ({ positionals, values }, io) => {
      const file = positionals[0];
      if (!file) throw new CliError(`a board file is required. Usage: ${commands.backup!.usage}`);
      const dest = await backupBoard(file, { toDir: typeof values.to === 'string' ? values.to : undefined });
      io.out(`Backed up ${file} to ${dest}`);
      return 0;
    },
  },
  restore: {
    usage: 'cpb restore BACKUP --board FILE',
    summary: 'restore a backup over a board file; the current file is kept aside',
    options: { board: { type: 'string' } },
    run: ({ positionals, values }, io) => {
      const backup = positionals[0];
      if (!backup) throw new CliError(`a backup file is required. Usage: ${commands.restore!.usage}`);
      const board = need(values.board, '--board', commands.restore!.usage);
      const r = restoreBoard(backup, board);
      io.out(
        `Restored ${board} from ${backup}${r.keptAside ? `; the previous file is kept as ${r.keptAside}` : ''}`,
      );
      return 0;
    },
  },
  demo: {
    usage: 'cpb demo --out FILE [--today YYYY-MM-DD]',
    summary: 'write the demo board (Northshire County Council)',
    options: { out: { type: 'string' }, today: { type: 'string' } },
    run: ({ values }, io) => {
      const out = need(values.out, '--out', commands.demo!.usage);
      const today = typeof values.today === 'string' ? values.today : undefined;
      if (today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(today))
        throw new CliError(`--today ${today}: use a date like 2025-06-30`);
      try {
        createDemoBoardFile(out, today);
      } catch (e) {
        throw new CliError((e as Error).message);
      }
      io.out(`Wrote the demo board to ${out}`);
      return 0;
    },
  },
  generate: {
    usage: 'cpb generate --out FILE --years N [--today YYYY-MM-DD] [--seed N]',
    summary:
      'write a board with N years of meetings, minutes, actions, figures and voice entries, built through the API (the same options give the same board)',
    options: {
      out: { type: 'string' },
      years: { type: 'string' },
      today: { type: 'string' },
      seed: { type: 'string' },
    },
    run: async ({ values }, io) => {
      const usage = commands.generate!.usage;
      const out = need(values.out, '--out', usage);
      const whole = (v: string | boolean | undefined, flag: string, max: number) => {
        const t = need(v, flag, usage);
        if (!/^\d+$/.test(t) || Number(t) < 1 || Number(t) > max)
          throw new CliError(`${flag} ${t}: give a whole number from 1 to ${max}`);
        return Number(t);
      };
      const years = whole(values.years, '--years', 50);
      const seed = values.seed === undefined ? undefined : whole(values.seed, '--seed', 2 ** 31);
      const today = typeof values.today === 'string' ? values.today : appClock().today();
      if (!/^\d{4}-\d{2}-\d{2}$/.test(today))
        throw new CliError(`--today ${today}: use a date like 2025-06-30`);
      try {
        const c = await generateArchive(out, { years, today, seed, onProgress: (t) => io.err(t) });
        io.out(`Wrote ${years} ${years === 1 ? 'year' : 'years'} of board to ${out}`);
        io.out(
          `  ${c.meetings} meetings, ${c.items} agenda items, ${c.decisions} decisions, ${c.actions} actions with ${c.updates} updates,`,
        );
        io.out(
          `  ${c.values} figures, ${c.voice} voice entries, ${c.members} members, ${c.visits} member visits, ${c.votes} recorded votes (${c.commands} API calls)`,
        );
      } catch (e) {
        throw new CliError((e as Error).message);
      }
      return 0;
    },
  },
  new: {
    usage: 'cpb new --template NAME --out FILE [--authority TEXT] [--board-name TEXT]',
    summary: `a new board from a template (${templateNames.join(', ')})`,
    options: {
      template: { type: 'string' },
      out: { type: 'string' },
      authority: { type: 'string' },
      'board-name': { type: 'string' },
    },
    run: ({ values }, io) => {
      const usage = commands.new!.usage;
      const name = need(values.template, '--template', usage);
      if (!isTemplateName(name))
        throw new CliError(`unknown template "${name}". Choose one of: ${templateNames.join(', ')}`);
      const out = need(values.out, '--out', usage);
      const text = (v: string | boolean | undefined, flag: string) => {
        if (v === undefined) return undefined;
        if (typeof v !== 'string' || !v.trim()) throw new CliError(`${flag} needs a value. Usage: ${usage}`);
        return v.trim();
      };
      const authority = text(values.authority, '--authority');
      const boardName = text(values['board-name'], '--board-name');
      try {
        createBoardFromTemplate(out, name, { authority, boardName, actor: 'cpb' });
      } catch (e) {
        throw new CliError((e as Error).message);
      }
      const c = templateCounts(templates[name]);
      io.out(`Wrote a new board from the ${name} template to ${out}`);
      io.out(
        `  ${c.priorities} priorities, ${c.pledges} pledges, ${c.planActions} plan actions, ${c.measures} measures`,
      );
      return 0;
    },
  },
  check: {
    usage: 'cpb check FILE',
    summary: 'integrity, schema version and counts; exit 1 when damaged or not a board file',
    run: ({ positionals }, io) => {
      const file = positionals[0];
      if (!file) throw new CliError(`a board file is required. Usage: ${commands.check!.usage}`);
      const r = inspectBoardFile(file); // strictly read-only: never writes to it or beside it
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
      // Strictly read-only: a private in-memory copy, brought up to this version's schema in memory
      // if the file is older. The file itself is never migrated, written or given a file beside it.
      const { db, inspection } = openSnapshot(file);
      const session = new Session('cpb');
      session.adopt(db, file, { mode: 'read-only', reason: 'cpb dump reads it only' });
      try {
        if (inspection.schemaVersion < latestSchemaVersion)
          io.err(
            `cpb dump: ${file} is schema ${inspection.schemaVersion}, from an older version of CPB; dumped as schema ${latestSchemaVersion} from a copy in memory (the file is unchanged, and is updated when the app next opens it).`,
          );
        io.out(JSON.stringify(dumpBoard(session.ctx()), null, 2));
      } finally {
        session.close();
      }
      return 0;
    },
  },
};
