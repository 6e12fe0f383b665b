import {
  describeLimit,
  importLimits,
  megabytes,
  type ImportLimit,
} from '../../../shared/domain/import-limits';

export { importLimits } from '../../../shared/domain/import-limits';

/** A spreadsheet that cannot be imported as it stands; the message finishes "<file name>: …". */
export class ImportFileError extends Error {}

/** A spreadsheet over one of the import limits: refused before it is read in full. */
export class ImportLimitError extends ImportFileError {
  constructor(
    readonly limit: ImportLimit,
    what: string,
  ) {
    super(`it is too large to import: ${what}; ${describeLimit(limit)}`);
  }
}

export const count = (n: number): string => n.toLocaleString('en-GB');

export function checkFileSize(bytes: number): void {
  if (bytes > importLimits.fileBytes)
    throw new ImportLimitError('fileBytes', `the file is ${megabytes(bytes)}`);
}
