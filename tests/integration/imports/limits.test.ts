import { afterEach, describe, expect, it } from 'vitest';
import { readWorkbook } from '../../../electron/core/imports/grid';
import { checkXlsx } from '../../../electron/core/imports/xlsx-scan';
import type { Session } from '../../../electron/core/session';
import type { ImportPreview } from '../../../shared/api/imports';
import { importLimits } from '../../../shared/domain/import-limits';
import { callError, callOk, demoSession } from '../../helpers';
import { hostileXlsx, longCsv } from '../../support/hostile-files';

// Issue 12: imports are bounded. A file over a limit is refused, naming the limit and its value,
// before it is read in full; a large file within the limits imports.

let session: Session;
afterEach(() => session?.close());

const input = (fileName: string, data: Buffer | string) => ({
  fileName,
  dataBase64: Buffer.from(data).toString('base64'),
});

describe('bounded imports: XLSX', () => {
  it('refuses the 150-sheet zip bomb (one cell each at XFD1048576) at once, naming the limit', async () => {
    ({ session } = demoSession());
    const bomb = await hostileXlsx(150, { XFD1048576: 1 });
    expect(bomb.length).toBeLessThan(64 * 1024);
    const rss = process.memoryUsage().rss;
    const started = performance.now();
    const e = await callError(session, 'import.preview', input('bomb.xlsx', bomb));
    const took = performance.now() - started;
    expect(e.code).toBe('bad_file');
    expect(e.message).toBe(
      'bomb.xlsx: it is too large to import: the workbook has 150 sheets; the limit is 100 sheets',
    );
    // Before the fix it took 4.4 GB and killed the worker; refused from the zip's directory now.
    expect(took).toBeLessThan(1000);
    expect(process.memoryUsage().rss - rss).toBeLessThan(100 * 1024 * 1024);
  });

  it('refuses a sheet with a value in the last cell Excel has (XFD1048576): the column limit', async () => {
    ({ session } = demoSession());
    const e = await callError(
      session,
      'import.preview',
      input('far.xlsx', await hostileXlsx(3, { A1: 'Code', XFD1048576: 1 })),
    );
    expect(e.code).toBe('bad_file');
    expect(e.message).toBe(
      'far.xlsx: it is too large to import: sheet "Sheet1" has a value in cell XFD1048576 (column 16,384); the limit is 1,000 columns in a sheet',
    );
  });

  it('refuses a sheet reaching past the row limit, and too many cells in all', async () => {
    await expect(readWorkbook('deep.xlsx', await hostileXlsx(1, { A1: 1, A200001: 2 }))).rejects.toThrow(
      'sheet "Sheet1" has a value in cell A200001 (row 200,001); the limit is 200,000 rows in a sheet',
    );
    // 11 sheets of 100,000 cells: each sheet is within its limits; the workbook is not.
    // Cells without references (the format allows it): each follows the one before.
    const rows = `<row>${'<c><v>1</v></c>'.repeat(100)}</row>`.repeat(1000);
    await expect(readWorkbook('many.xlsx', await hostileXlsx(11, { rawRows: rows }))).rejects.toThrow(
      'the workbook has more than 1,000,000 cells with a value; the limit is 1,000,000 cells with a value',
    );
  });

  it('reads a workbook within the limits, and reports what it scanned', async () => {
    const ok = await hostileXlsx(2, { A1: 'Code', B1: '2024-25', A2: 'V1', B2: 3, ALL5: 9 });
    expect((await checkXlsx(ok)).sheets).toEqual([
      { name: 'Sheet1', rows: 5, columns: 1000, cells: 5 },
      { name: 'Sheet2', rows: 5, columns: 1000, cells: 5 },
    ]);
    const sheets = await readWorkbook('ok.xlsx', ok);
    expect(sheets.map((s) => [s.name, s.rows.length, s.columnCount])).toEqual([
      ['Sheet1', 5, 1000],
      ['Sheet2', 5, 1000],
    ]);
  });

  it('refuses a file that is not a zip at all, and a damaged one, as bad files', async () => {
    await expect(readWorkbook('x.xlsx', Buffer.from('PK\u0003\u0004 not really'))).rejects.toThrow(
      'it could not be read as an Excel workbook (.xlsx)',
    );
  });
});

describe('bounded imports: CSV', () => {
  it('imports 150,000 rows (it died with "Maximum call stack size exceeded" over ~120,000)', async () => {
    ({ session } = demoSession());
    const csv = longCsv(150_000);
    const sheets = await readWorkbook('big.csv', Buffer.from(csv));
    expect(sheets[0]!.rows.length).toBe(150_001);
    expect(sheets[0]!.columnCount).toBe(3);
    const p = (await callOk(session, 'import.preview', input('big.csv', csv))) as ImportPreview;
    expect(p.layout).toBe('long');
    expect(p.rows.length).toBe(80); // the preview shows the first rows only
  });

  it('refuses a CSV over the row limit as soon as it crosses it, naming the limit', async () => {
    ({ session } = demoSession());
    const e = await callError(session, 'import.preview', input('huge.csv', longCsv(importLimits.rows + 5)));
    expect(e.code).toBe('bad_file');
    expect(e.message).toBe(
      'huge.csv: it is too large to import: it has more than 200,000 rows; the limit is 200,000 rows in a sheet',
    );
  });

  it('refuses a row wider than the column limit', async () => {
    await expect(readWorkbook('wide.csv', Buffer.from(`a\n${'1,'.repeat(1000)}1\n`))).rejects.toThrow(
      'row 2 has 1,001 columns; the limit is 1,000 columns in a sheet',
    );
  });

  it('refuses a file over the size limit before reading it, naming the limit', async () => {
    const big = Buffer.alloc(importLimits.fileBytes + 1, 'a');
    await expect(readWorkbook('big.csv', big)).rejects.toThrow(
      'it is too large to import: the file is 45 MB; the limit is 45 MB',
    );
  });
});
