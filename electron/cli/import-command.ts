import { existsSync, readFileSync, statSync } from 'node:fs';
import { describeLimit, importLimits, megabytes } from '../../shared/domain/import-limits';
import type { ApiInput } from '../../shared/api';
import { describeProblem, describeSummary } from '../core/imports';
import { CliError, type CommandDef } from './commands';
import { cliActor } from './actor';
import { callApi, withBoard } from './call';

const usage = 'cpb import DATA --board FILE [--sheet NAME] [--create-measures] [--dry-run] [--as NAME]';

/** `cpb import`: the app's import wizard from the command line — a preview, then 'import.commit'. */
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
    // Refused before it is read: the file is never loaded into memory.
    const size = statSync(dataFile).size;
    if (size > importLimits.fileBytes)
      throw new CliError(
        `${dataFile}: it is too large to import: the file is ${megabytes(size)}; ${describeLimit('fileBytes')}`,
      );
    const input: ApiInput<'import.commit'> = {
      fileName: dataFile,
      dataBase64: readFileSync(dataFile).toString('base64'),
      sheet: typeof values.sheet === 'string' ? values.sheet : undefined,
      createMeasures: values['create-measures'] === true,
    };
    return withBoard(board, cliActor(values.as), async (core) => {
      const preview = await callApi(core, 'import.preview', input);
      const { problems } = preview;
      if (problems.length) {
        for (const p of problems) io.err(describeProblem(dataFile, p));
        io.err(
          `Nothing was imported: ${problems.length === 1 ? '1 problem' : `${problems.length} problems`} in ${dataFile}, sheet ${preview.sheet}.`,
        );
        return 1;
      }
      const where = `${dataFile} (sheet ${preview.sheet}, ${preview.layout} layout) into ${board}`;
      if (values['dry-run'] === true) {
        io.out(`Dry run: nothing was written. Importing ${where} would give:`);
        for (const line of describeSummary(preview.summary))
          io.out(`  ${line.replace(/^measures created/, 'measures to create')}`);
        return 0;
      }
      const done = await callApi(core, 'import.commit', input);
      io.out(`Imported ${where}:`);
      for (const line of describeSummary(done.summary, done.measuresCreated)) io.out(`  ${line}`);
      return 0;
    });
  },
};
