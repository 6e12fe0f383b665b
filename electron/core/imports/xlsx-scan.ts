import { StringDecoder } from 'node:string_decoder';
import type { Readable } from 'node:stream';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { columnIndex, columnLetter } from './columns';
import { count, ImportFileError, ImportLimitError, importLimits } from './limits';

/**
 * Checks an XLSX against the import limits before anything builds a model of it: the zip's
 * directory first (how many files and sheets, how big unpacked, as declared), then every part
 * unpacked as a stream (so a part that unpacks to more than it declares is caught), with each
 * worksheet's cell references read as they stream past. Memory stays at one chunk per part; a
 * zip bomb is refused at the first limit it crosses, not after it has been inflated.
 */
export async function checkXlsx(data: Buffer): Promise<XlsxScan> {
  let zip: ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(data, { lazyEntries: true, validateEntrySizes: true });
  } catch (e) {
    throw new ImportFileError(`it could not be read as an Excel workbook (.xlsx): ${(e as Error).message}`);
  }
  try {
    if (zip.entryCount > importLimits.zipEntries)
      throw new ImportLimitError('zipEntries', `the workbook holds ${count(zip.entryCount)} files`);
    const entries = await directory(zip);
    const sheets = entries.filter((e) => WORKSHEET.test(e.fileName));
    if (sheets.length > importLimits.sheets)
      throw new ImportLimitError('sheets', `the workbook has ${count(sheets.length)} sheets`);
    const declared = entries.reduce((n, e) => n + e.uncompressedSize, 0);
    if (declared > importLimits.unpackedBytes)
      throw new ImportLimitError('unpackedBytes', `the workbook unpacks to ${mb(declared)}`);

    const names = await sheetNames(zip, entries);
    const totals = { unpacked: 0, cells: 0 };
    const scan: XlsxScan = { sheets: [] };
    for (const entry of entries) {
      if (entry.fileName.endsWith('/')) continue;
      const isSheet = WORKSHEET.test(entry.fileName);
      const name = names.get(entry.fileName) ?? entry.fileName.replace(/^.*\//, '').replace(/\.xml$/i, '');
      const cells = isSheet ? new CellRefs(name, totals) : null;
      await stream(zip, entry, (chunk) => {
        totals.unpacked += chunk.length;
        if (totals.unpacked > importLimits.unpackedBytes)
          throw new ImportLimitError(
            'unpackedBytes',
            `the workbook unpacks to more than ${mb(totals.unpacked)}`,
          );
        cells?.feed(chunk);
      });
      if (cells) scan.sheets.push({ name, rows: cells.maxRow, columns: cells.maxColumn, cells: cells.count });
    }
    return scan;
  } finally {
    zip.close();
  }
}

export interface XlsxScan {
  sheets: { name: string; rows: number; columns: number; cells: number }[];
}

const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/i;
const mb = (bytes: number) => `${Math.round(bytes / (1024 * 1024)).toLocaleString('en-GB')} MB`;

function directory(zip: ZipFile): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: Entry[] = [];
    zip.on('entry', (e: Entry) => {
      entries.push(e);
      zip.readEntry();
    });
    zip.once('end', () => resolve(entries));
    zip.once('error', (e: Error) =>
      reject(new ImportFileError(`it could not be read as an Excel workbook (.xlsx): ${e.message}`)),
    );
    zip.readEntry();
  });
}

/** Unpacks one part as a stream, handing each chunk to `each`; an error thrown by `each` stops it. */
async function stream(zip: ZipFile, entry: Entry, each: (chunk: Buffer) => void): Promise<void> {
  let s: Readable;
  try {
    s = await zip.openReadStreamPromise(entry);
  } catch (e) {
    throw new ImportFileError(`it could not be read as an Excel workbook (.xlsx): ${(e as Error).message}`);
  }
  try {
    for await (const chunk of s) each(chunk as Buffer);
  } catch (e) {
    s.destroy();
    if (e instanceof ImportFileError) throw e;
    throw new ImportFileError(`part of the workbook (${entry.fileName}) is damaged: ${(e as Error).message}`);
  }
}

/** Small parts read whole (workbook.xml and its relationships), for the sheets' names. */
async function readSmall(zip: ZipFile, entry: Entry | undefined): Promise<string> {
  if (!entry || entry.uncompressedSize > 4 * 1024 * 1024) return '';
  const parts: Buffer[] = [];
  await stream(zip, entry, (c) => parts.push(c));
  return Buffer.concat(parts).toString('utf8');
}

const attrPatterns = new Map<string, RegExp>();
const attr = (tag: string, name: string): string | undefined => {
  let re = attrPatterns.get(name);
  if (!re) attrPatterns.set(name, (re = new RegExp(`(?:^|\\s)${name}\\s*=\\s*["']([^"']*)["']`)));
  return re.exec(tag)?.[1];
};

/** Worksheet part → the sheet's name as Excel shows it, so refusals name the sheet. Best effort. */
async function sheetNames(zip: ZipFile, entries: Entry[]): Promise<Map<string, string>> {
  const byName = new Map(entries.map((e) => [e.fileName, e]));
  const workbook = await readSmall(zip, byName.get('xl/workbook.xml'));
  const rels = await readSmall(zip, byName.get('xl/_rels/workbook.xml.rels'));
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<(?:\w+:)?Relationship\b([^>]*)>/g)) {
    const id = attr(m[1]!, 'Id');
    const target = attr(m[1]!, 'Target');
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const names = new Map<string, string>();
  for (const m of workbook.matchAll(/<(?:\w+:)?sheet\b([^>]*)>/g)) {
    const name = attr(m[1]!, 'name');
    const id = attr(m[1]!, 'r:id') ?? attr(m[1]!, '\\w+:id');
    const target = id ? targets.get(id) : undefined;
    if (name && target) names.set(target, decodeXml(name));
  }
  return names;
}

function decodeXml(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

const TAG = /<(?:[A-Za-z_][\w.-]*:)?(row|c)(?=[\s/>])([^>]*)>/g;

/**
 * Follows a worksheet's <row> and <c> tags as the XML streams past: the last row and column that
 * hold a value, and how many cells do. References may be absent (then a cell follows the one
 * before it, as the format says). Throws at the first limit crossed.
 */
class CellRefs {
  maxRow = 0;
  maxColumn = 0;
  count = 0;
  private row = 0;
  private column = 0;
  private carry = '';
  private readonly decoder = new StringDecoder('utf8');

  constructor(
    private readonly sheet: string,
    private readonly totals: { cells: number },
  ) {}

  feed(chunk: Buffer): void {
    const text = this.carry + this.decoder.write(chunk);
    const cut = text.lastIndexOf('<');
    const body = cut >= 0 ? text.slice(0, cut) : text;
    this.carry = cut >= 0 ? text.slice(cut) : '';
    for (const m of body.matchAll(TAG)) {
      const attrs = m[2]!;
      if (m[1] === 'row') {
        const r = attr(attrs, 'r');
        this.row = r && /^\d+$/.test(r) ? Number(r) : this.row + 1;
        this.column = 0;
        continue;
      }
      const ref = attr(attrs, 'r');
      const parts = ref ? /^\$?([A-Za-z]{1,4})\$?(\d+)$/.exec(ref) : null;
      if (parts) {
        this.column = columnIndex(parts[1]!) + 1;
        this.row = Number(parts[2]);
      } else this.column += 1;
      if (attrs.trimEnd().endsWith('/')) continue; // <c r="B2" s="1"/>: formatting only, no value
      this.cell(ref ?? `${columnLetter(this.column - 1)}${this.row}`);
    }
  }

  private cell(ref: string): void {
    this.count += 1;
    this.totals.cells += 1;
    if (this.row > this.maxRow) this.maxRow = this.row;
    if (this.column > this.maxColumn) this.maxColumn = this.column;
    if (this.column > importLimits.columns)
      throw new ImportLimitError(
        'columns',
        `sheet "${this.sheet}" has a value in cell ${ref} (column ${count(this.column)})`,
      );
    if (this.row > importLimits.rows)
      throw new ImportLimitError(
        'rows',
        `sheet "${this.sheet}" has a value in cell ${ref} (row ${count(this.row)})`,
      );
    if (this.totals.cells > importLimits.cells)
      throw new ImportLimitError(
        'cells',
        `the workbook has more than ${count(importLimits.cells)} cells with a value`,
      );
  }
}
