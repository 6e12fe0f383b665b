/**
 * How much a spreadsheet import may hold. A file over any of these is refused before it is
 * unpacked or parsed in full, with a message naming the limit and its value, so a hostile or
 * mistaken file (a zip bomb, a whole database exported as CSV) cannot exhaust the app's memory.
 *
 * Board figures are small (a scorecard is a few hundred cells; a year of LAIT extracts a few
 * hundred thousand), so each limit is far above real use.
 */
export const importLimits = {
  /** The file as sent (CSV or XLSX). */
  fileBytes: 45 * 1024 * 1024,
  /** Sheets in a workbook. */
  sheets: 100,
  /** Files inside an XLSX (a zip): sheets, styles, strings, pictures… */
  zipEntries: 2_000,
  /** Everything inside an XLSX, unpacked. */
  unpackedBytes: 300 * 1024 * 1024,
  /** Rows in one sheet (the last row with a value). */
  rows: 200_000,
  /** Columns in one sheet (the last column with a value): 1,000 is column ALL. */
  columns: 1_000,
  /** Cells with a value, in the whole file. */
  cells: 1_000_000,
} as const;

export type ImportLimit = keyof typeof importLimits;

const units: Record<ImportLimit, (n: number) => string> = {
  fileBytes: (n) => megabytes(n),
  sheets: (n) => `${n.toLocaleString('en-GB')} sheets`,
  zipEntries: (n) => `${n.toLocaleString('en-GB')} files inside the workbook`,
  unpackedBytes: (n) => `${megabytes(n)} unpacked`,
  rows: (n) => `${n.toLocaleString('en-GB')} rows in a sheet`,
  columns: (n) => `${n.toLocaleString('en-GB')} columns in a sheet`,
  cells: (n) => `${n.toLocaleString('en-GB')} cells with a value`,
};

export function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return `${mb >= 10 ? Math.round(mb) : mb.toFixed(1)} MB`;
}

/** "the limit is 1,000 columns in a sheet" */
export function describeLimit(limit: ImportLimit): string {
  return `the limit is ${units[limit](importLimits[limit])}`;
}
