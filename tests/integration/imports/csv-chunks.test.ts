import { describe, expect, it } from 'vitest';
import { readWorkbook } from '../../../electron/core/imports/grid';

/** CSV is read a megabyte at a time and checked row by row: a fault is named by its row in the file. */
describe('CSV read in chunks', () => {
  it('names the row of a quoting fault, in the first chunk and past it', async () => {
    await expect(readWorkbook('a.csv', Buffer.from('code,value\nA1,1\nA2,"2"x\nA3,3\n'))).rejects.toThrow(
      /^row 3: Trailing quote on quoted field is malformed$/,
    );
    // 40,000 rows of ~40 characters: the fault on row 35,002 lies in the second megabyte.
    const lines = ['code,value'];
    for (let i = 0; i < 40_000; i++)
      lines.push(i === 35_000 ? `M${i},"1"2` : `M${i},"${'x'.repeat(30)}${i}"`);
    const csv = `${lines.join('\n')}\n`;
    expect(csv.length).toBeGreaterThan(1024 * 1024);
    await expect(readWorkbook('b.csv', Buffer.from(csv))).rejects.toThrow(
      /^row 35002: Trailing quote on quoted field is malformed$/,
    );
  });

  it('reads every row of a file longer than a chunk, quoted line breaks included', async () => {
    const lines = ['code,note'];
    for (let i = 0; i < 30_000; i++) lines.push(`M${i},"line one of ${i}\nline two ${'y'.repeat(20)}"`);
    const [sheet] = await readWorkbook('c.csv', Buffer.from(`${lines.join('\r\n')}\r\n`));
    expect(sheet!.rows).toHaveLength(30_001);
    expect(sheet!.rows[30_000]!.map((c) => c.text)).toEqual([
      'M29999',
      `line one of 29999\nline two ${'y'.repeat(20)}`,
    ]);
    expect(sheet!.rows[1]![0]!.text).toBe('M0');
  });
});
