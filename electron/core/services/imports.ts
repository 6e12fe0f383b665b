import { ApiError } from '../../../shared/api/errors';
import type { ApiParsedInput } from '../../../shared/api';
import type { Ctx } from '../context';
import type { HandlerGroup } from '../handler-types';
import { analyseImport, commitPlan, describeProblem, ImportFileError, previewOf } from '../imports';

type Input = ApiParsedInput<'import.preview'>;

async function analyse(ctx: Ctx, input: Input) {
  const data = Buffer.from(input.dataBase64, 'base64');
  if (data.length === 0) throw new ApiError('invalid_input', `${input.fileName}: the file is empty`);
  try {
    return await analyseImport(ctx, {
      fileName: input.fileName,
      data,
      sheet: input.sheet,
      mapping: input.mapping,
      createMeasures: input.createMeasures,
    });
  } catch (e) {
    if (e instanceof ImportFileError) throw new ApiError('bad_file', `${input.fileName}: ${e.message}`);
    throw e;
  }
}

export const importsHandlers: HandlerGroup<'import.preview' | 'import.commit'> = {
  'import.preview': async (ctx, input) => previewOf(await analyse(ctx, input)),

  'import.commit': async (ctx, input) => {
    const a = await analyse(ctx, input);
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
    const created = commitPlan(ctx, input.fileName, a.sheet.name, a.plan);
    return { sheet: a.sheet.name, summary: a.plan.summary, measuresCreated: created };
  },
};
