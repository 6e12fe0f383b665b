import { createRequire } from 'node:module';
import path from 'node:path';
import type ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { cleanText } from '../../../shared/domain/clean-text';
import { checkFileSize, count, ImportFileError, ImportLimitError, importLimits } from './limits';
import { checkXlsx } from './xlsx-scan';

/**
 * A neutral grid: what both CSV and XLSX files become before any layout is guessed.
 * rows[r][c] is spreadsheet row r + 1, column c + 1 (A = 0).
 */
export interface GridCell {
  kind: 'empty' | 'number' | 'text' | 'date';
  /** What the user sees in the cell (approximately: numbers are not re-formatted). */
  text: string;
  /** kind 'number': the stored number (0.094 for a cell showing 9.4%). */
  num?: number;
  /** The cell's number format contains '%' (0.094 means 9.4%). */
  percentFormat?: boolean;
  /** kind 'date': ISO date (Excel dates are stored as serial days; exceljs hands them over as UTC dates). */
  iso?: string;
  /** A cell inside a merged range other than its top-left: carries the merged value, but only headers use it. */
  mergedFrom?: string;
}

export interface Sheet {
  name: string;
  rows: GridCell[][];
  columnCount: number;
}

export { ImportFileError, ImportLimitError } from './limits';
export { columnIndex, columnLetter } from './columns';

export const EMPTY: GridCell = { kind: 'empty', text: '' };

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function dateCell(d: Date, numFmt: string | undefined): GridCell {
  const iso = `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
  const fmt = (numFmt ?? '').toLowerCase();
  // Month headers such as "Jun-15" are dates formatted mmm-yy: show them the way Excel does.
  const text =
    /mmm/.test(fmt) && !/d/.test(fmt.replace(/\[[^\]]*\]/g, ''))
      ? `${MONTHS[d.getUTCMonth()]}-${String(d.getUTCFullYear() % 100).padStart(2, '0')}`
      : iso;
  return { kind: 'date', text, iso };
}

function numberCell(n: number, numFmt: string | undefined): GridCell {
  const percentFormat = Boolean(numFmt && numFmt.replace(/"[^"]*"/g, '').includes('%'));
  const text = percentFormat ? `${+(n * 100).toFixed(6)}%` : String(n);
  return { kind: 'number', text, num: n, percentFormat };
}

function textCell(raw: string): GridCell {
  const s = cleanText(raw).trim(); // a cell's text may go into a Word document: only characters XML can carry
  return s === '' ? EMPTY : { kind: 'text', text: s };
}

type ExcelValue = ExcelJS.CellValue;

function fromExcelValue(v: ExcelValue, numFmt: string | undefined): GridCell {
  if (v === null || v === undefined) return EMPTY;
  if (typeof v === 'number') return numberCell(v, numFmt);
  if (typeof v === 'string') return textCell(v);
  if (typeof v === 'boolean') return textCell(v ? 'TRUE' : 'FALSE');
  if (v instanceof Date) return dateCell(v, numFmt);
  if (typeof v === 'object') {
    if ('richText' in v && Array.isArray(v.richText)) return textCell(v.richText.map((t) => t.text).join(''));
    if ('formula' in v || 'sharedFormula' in v) {
      const result = (v as { result?: unknown }).result;
      if (result && typeof result === 'object' && 'error' in result)
        return textCell(String((result as { error: string }).error));
      return fromExcelValue(result as ExcelValue, numFmt);
    }
    if ('hyperlink' in v) return textCell(String((v as { text?: unknown }).text ?? ''));
    if ('error' in v) return textCell(String((v as { error: string }).error));
  }
  return textCell(String(v));
}

async function readXlsx(data: Buffer): Promise<Sheet[]> {
  // Within the limits (sheets, rows, columns, cells, unpacked size) before exceljs builds its model.
  await checkXlsx(data);
  // Required on the first spreadsheet, not at start: exceljs costs every thread that loads this
  // module ~0.25 s of CPU and its memory (the CLI, the core, the export worker) though most runs
  // never read a workbook. (A require, as the bundles are CommonJS and it lives in node_modules.)
  const Excel = createRequire(import.meta.url)('exceljs') as typeof ExcelJS;
  const wb = new Excel.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch (e) {
    throw new ImportFileError(`it could not be read as an Excel workbook (.xlsx): ${(e as Error).message}`);
  }
  const sheets: Sheet[] = [];
  wb.eachSheet((ws) => {
    const rows: GridCell[][] = [];
    let columnCount = 0;
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: GridCell[] = [];
      row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
        const master = cell.isMerged && cell.master.address !== cell.address ? cell.master : null;
        const source = master ?? cell;
        const g = fromExcelValue(source.value, source.numFmt);
        cells[colNumber - 1] = master ? { ...g, mergedFrom: master.address } : g;
      });
      for (let i = 0; i < cells.length; i++) cells[i] ??= EMPTY;
      columnCount = Math.max(columnCount, cells.length);
      rows[rowNumber - 1] = cells;
    });
    for (let i = 0; i < rows.length; i++) rows[i] ??= [];
    sheets.push({ name: ws.name, rows, columnCount });
  });
  if (sheets.length === 0) throw new ImportFileError('the workbook has no sheets');
  return sheets;
}

function readCsv(data: Buffer, fileName: string): Sheet[] {
  let text = data.toString('utf8');
  if (text.includes('\uFFFD')) text = data.toString('latin1'); // Excel on Windows saves CSV as Windows-1252
  const rows: GridCell[][] = [];
  let columnCount = 0;
  let cells = 0;
  let stop: Error | null = null;
  // Row by row, so a file over the limits is refused as soon as it crosses one, not after it is all parsed.
  Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), {
    skipEmptyLines: false,
    chunkSize: 1024 * 1024, // without it Papa parses the whole text before it heeds abort()
    step: (result, parser) => {
      const bad = result.errors.find((e) => e.type === 'Quotes');
      const row = rows.length + 1;
      if (bad) stop = new ImportFileError(`row ${row}: ${bad.message}`);
      else if (row > importLimits.rows)
        stop = new ImportLimitError('rows', `it has more than ${count(importLimits.rows)} rows`);
      else if (result.data.length > importLimits.columns)
        stop = new ImportLimitError('columns', `row ${count(row)} has ${count(result.data.length)} columns`);
      if (stop) return parser.abort();
      const cellsOfRow = result.data.map(textCell);
      for (const c of cellsOfRow) if (c.kind !== 'empty') cells += 1;
      if (cells > importLimits.cells) {
        stop = new ImportLimitError(
          'cells',
          `it has more than ${count(importLimits.cells)} cells with a value`,
        );
        return parser.abort();
      }
      columnCount = Math.max(columnCount, cellsOfRow.length);
      rows.push(cellsOfRow);
    },
  });
  if (stop) throw stop;
  while (rows.length && rows[rows.length - 1]!.every((c) => c.kind === 'empty')) rows.pop();
  const name = path.basename(fileName).replace(/\.[^.]*$/, '') || 'Sheet1';
  return [{ name, rows, columnCount }];
}

/** Reads a CSV or XLSX file into neutral grids, one per sheet. */
export async function readWorkbook(fileName: string, data: Buffer): Promise<Sheet[]> {
  checkFileSize(data.length);
  const isZip = data.length > 4 && data[0] === 0x50 && data[1] === 0x4b;
  const ext = path.extname(fileName).toLowerCase();
  if (ext === '.xls')
    throw new ImportFileError(
      'old Excel 97–2003 files (.xls) cannot be read: save it as .xlsx or .csv first',
    );
  if (isZip || ext === '.xlsx' || ext === '.xlsm') return readXlsx(data);
  if (ext === '.csv' || ext === '.txt' || ext === '') return readCsv(data, fileName);
  throw new ImportFileError(`"${ext}" files cannot be imported: use .xlsx or .csv`);
}

export function cellAt(sheet: Sheet, rowIndex: number, colIndex: number): GridCell {
  return sheet.rows[rowIndex]?.[colIndex] ?? EMPTY;
}
