import { existsSync, readFileSync } from 'node:fs';
import {
  analyseImport,
  commitPlan,
  describeProblem,
  describeSummary,
  ImportFileError,
} from '../core/imports';
import { Session } from '../core/session';
import { inspectBoardFile } from '../core/store/board-file';
import { cliActor } from './actor';
import { CliError, type CommandDef } from './commands';

const usage = 'cpb import DATA --board FILE [--sheet NAME] [--create-measures] [--dry-run] [--as NAME]';

/** `cpb import`: the same reading, checking and one-transaction commit as the app's import wizard. */
export const importCommand: CommandDef = {
  usage,
  summary:
    'load figures from CSV/XLSX; report every problem by row and column; all or nothing; exit 1 on any error',
  options: {
    board: { type: 'string' },
    sheet: { type: 'string' },
    'create-measures': { type: 'boolean' },
    'dry-run': { type: 'boolean' },
    as: { type: 'string' },
  },
  run: async ({ positionals, values }, io) => {
    const dataFile = positionals[0];
    if (!dataFile) throw new CliError(`a CSV or XLSX file is required. Usage: ${usage}`);
    if (positionals.length > 1)
      throw new CliError(`one data file at a time (got ${positionals.join(', ')}). Usage: ${usage}`);
    const board = values.board;
    if (typeof board !== 'string' || !board) throw new CliError(`--board is required. Usage: ${usage}`);
    if (!existsSync(dataFile)) throw new CliError(`${dataFile}: no such file`);
    inspectBoardFile(board);
    const data = readFileSync(dataFile);
    const dryRun = values['dry-run'] === true;
    const session = new Session(cliActor(values.as));
    session.open(board);
    try {
      const ctx = session.ctx();
      let a;
      try {
        a = await analyseImport(ctx, {
          fileName: dataFile,
          data,
          sheet: typeof values.sheet === 'string' ? values.sheet : undefined,
          createMeasures: values['create-measures'] === true,
        });
      } catch (e) {
        if (e instanceof ImportFileError) throw new CliError(`${dataFile}: ${e.message}`);
        throw e;
      }
      const { problems } = a.plan;
      if (problems.length) {
        for (const p of problems) io.err(describeProblem(dataFile, p));
        io.err(
          `Nothing was imported: ${problems.length === 1 ? '1 problem' : `${problems.length} problems`} in ${dataFile}, sheet ${a.sheet.name}.`,
        );
        return 1;
      }
      if (dryRun) {
        io.out(
          `Dry run: nothing was written. Importing ${dataFile} (sheet ${a.sheet.name}, ${a.mapping?.layout} layout) into ${board} would give:`,
        );
        for (const line of describeSummary(a.plan.summary))
          io.out(`  ${line.replace(/^measures created/, 'measures to create')}`);
        return 0;
      }
      const created = commitPlan(ctx, dataFile, a.sheet.name, a.plan);
      io.out(`Imported ${dataFile} (sheet ${a.sheet.name}, ${a.mapping?.layout} layout) into ${board}:`);
      for (const line of describeSummary(a.plan.summary, created)) io.out(`  ${line}`);
      return 0;
    } finally {
      session.close();
    }
  },
};
