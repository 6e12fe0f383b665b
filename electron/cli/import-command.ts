import { existsSync, readFileSync, statSync } from 'node:fs';
import { describeLimit, importLimits, megabytes } from '../../shared/domain/import-limits';
import type { ApiInput } from '../../shared/api';
import { bareYearReadings, type BareYearReading } from '../../shared/domain/periods';
import { describeProblem, describeSummary } from '../core/imports';
import { CliError, type CommandDef } from './commands';
import { cliActor } from './actor';
import { callApi, withBoard } from './call';

const usage =
  'cpb import DATA --board FILE [--sheet NAME] [--create-measures] [--years ending|calendar|starting] [--column-years D=calendar]… [--authority NAME|CODE] [--measure CODE] [--apply-settings] [--dry-run] [--as NAME]';

const reading = (v: string, flag: string): BareYearReading => {
  if ((bareYearReadings as readonly string[]).includes(v)) return v as BareYearReading;
  throw new CliError(
    `${flag}: "${v}" is not a way of reading years: use ending (the year ending in it, as DfE and LAIT write them: 2024 is 2023-24), calendar, or starting (2024 is 2024-25)`,
  );
};

/** `cpb import`: the app's import wizard from the command line — a preview, then 'import.commit'. */
export const importCommand: CommandDef = {
  usage,
  summary:
    'load figures from CSV/XLSX; report every problem by row and column; all or nothing; exit 1 on any error',
  options: {
    board: { type: 'string' },
    sheet: { type: 'string' },
    'create-measures': { type: 'boolean' },
    years: { type: 'string' },
    'column-years': { type: 'string', multiple: true },
    authority: { type: 'string' },
    measure: { type: 'string' },
    'apply-settings': { type: 'boolean' },
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
    const columnYears: Record<string, BareYearReading> = {};
    const given = values['column-years'] as unknown;
    for (const pair of Array.isArray(given) ? (given as string[]) : []) {
      const m = /^([A-Za-z]{1,3})=(\w+)$/.exec(pair.trim());
      if (!m) throw new CliError(`--column-years: "${pair}" is not COLUMN=READING, e.g. D=calendar`);
      columnYears[m[1]!.toUpperCase()] = reading(m[2]!, '--column-years');
    }
    const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
    const input: ApiInput<'import.commit'> = {
      fileName: dataFile,
      dataBase64: readFileSync(dataFile).toString('base64'),
      sheet: text(values.sheet),
      createMeasures: values['create-measures'] === true,
      years: typeof values.years === 'string' ? reading(values.years, '--years') : undefined,
      columnYears: Object.keys(columnYears).length ? columnYears : undefined,
      authority: text(values.authority),
      measure: text(values.measure),
      applySettings: values['apply-settings'] === true,
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
      // How labels that could mean more than one thing were read, and what the sheet's rows were.
      const notes = [
        ...preview.readings.filter((r) => r.note).map((r) => `column ${r.column}: ${r.note}`),
        ...(preview.areas
          ? [
              `measure ${preview.areas.measure?.code ?? '?'} (${preview.areas.measure?.how ?? ''}); your authority: row ${preview.areas.own?.row} (${preview.areas.own?.name})`,
              ...preview.areas.comparators.map((c) => `${c.kind}: row ${c.row} (${c.name})`),
            ]
          : []),
        ...(preview.skippedRows.length
          ? [`rows left out: ${preview.skippedRows.length} (totals, headings, notes, other authorities)`]
          : []),
      ];
      if (values['dry-run'] === true) {
        io.out(`Dry run: nothing was written. Importing ${where} would give:`);
        for (const line of describeSummary(preview.summary))
          io.out(`  ${line.replace(/^measures created/, 'measures to create')}`);
        for (const n of notes) io.out(`  ${n}`);
        return 0;
      }
      const done = await callApi(core, 'import.commit', input);
      io.out(`Imported ${where}:`);
      for (const line of describeSummary(done.summary, done.measuresCreated)) io.out(`  ${line}`);
      for (const n of notes) io.out(`  ${n}`);
      return 0;
    });
  },
};
