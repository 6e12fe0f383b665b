import { ApiError } from '../../../shared/api/errors';
import type { ApiParsedInput } from '../../../shared/api';
import { twoStep, type HandlerGroup } from '../handler-types';
import { commitPlan, describeProblem, ImportFileError, planRead, previewOf, readImport } from '../imports';
import type { PlanOptions } from '../imports/plan';

type Input = ApiParsedInput<'import.preview'>;

/** Reads the spreadsheet (slow, async, outside any transaction); a file that cannot be read is 'bad_file'. */
async function read(input: Input) {
  const data = Buffer.from(input.dataBase64, 'base64');
  if (data.length === 0) throw new ApiError('invalid_input', `${input.fileName}: the file is empty`);
  try {
    return await readImport({
      fileName: input.fileName,
      data,
      sheet: input.sheet,
      mapping: input.mapping,
    });
  } catch (e) {
    if (e instanceof ImportFileError) throw new ApiError('bad_file', `${input.fileName}: ${e.message}`);
    throw e;
  }
}

/** What the person told the import: readings for bare years, their authority, the measure, settings. */
function planOptions(input: Input): PlanOptions {
  return {
    createMeasures: input.createMeasures,
    years: input.years,
    columnYears: input.columnYears,
    authority: input.authority,
    measure: input.measure,
    applySettings: input.applySettings,
  };
}

export const importsHandlers: HandlerGroup<'import.preview' | 'import.commit'> = {
  'import.preview': async (ctx, input) => previewOf(planRead(ctx.db, await read(input), planOptions(input))),

  // The plan is made inside the transaction, against the board exactly as the import finds it.
  'import.commit': twoStep({
    gather: (_ctx, input: Input) => read(input),
    write: (ctx, input, sheet) => {
      const a = planRead(ctx.db, sheet, planOptions(input));
      const problems = a.plan.problems;
      if (problems.length) {
        throw new ApiError(
          'invalid_input',
          `Nothing was imported: ${problems.length === 1 ? 'there is 1 problem' : `there are ${problems.length} problems`} in ${input.fileName}`,
          problems.map((p) => ({
            path: `${p.sheet}${p.row !== null ? ` row ${p.row}` : ''}${p.column ? ` column ${p.column}` : ''}`,
            message: describeProblem(input.fileName, p),
          })),
        );
      }
      const created = commitPlan(ctx.db, input.fileName, a.plan);
      return { sheet: a.sheet.name, summary: a.plan.summary, measuresCreated: created };
    },
  }),
};
