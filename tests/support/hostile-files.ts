import JSZip from 'jszip';

/** One sheet's XML: each cell a number at its reference, e.g. { XFD1048576: 1 }. */
function sheetXml(cells: Record<string, number | string> | { rawRows: string }): string {
  if ('rawRows' in cells && typeof cells.rawRows === 'string')
    return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${cells.rawRows}</sheetData></worksheet>`;
  const byRow = new Map<number, string[]>();
  for (const [ref, v] of Object.entries(cells)) {
    const row = Number(/\d+$/.exec(ref)![0]);
    const c =
      typeof v === 'number'
        ? `<c r="${ref}"><v>${v}</v></c>`
        : `<c r="${ref}" t="inlineStr"><is><t>${v}</t></is></c>`;
    byRow.set(row, [...(byRow.get(row) ?? []), c]);
  }
  const rows = [...byRow.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([r, cs]) => `<row r="${r}">${cs.join('')}</row>`)
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`;
}

/** Cells by reference, or rows of XML as they stand (`<row><c><v>1</v></c></row>`: references are optional). */
type Cells = Record<string, number | string> | { rawRows: string };

/**
 * A minimal, valid XLSX built by hand: sheets named Sheet1…SheetN, each with the given cells.
 * `hostileXlsx(150, { XFD1048576: 1 })` is the issue's 56 KB file that took 4.4 GB to load.
 */
export async function hostileXlsx(
  sheetCount: number,
  cells: Cells | ((i: number) => Cells),
): Promise<Buffer> {
  const zip = new JSZip();
  const n = Array.from({ length: sheetCount }, (_, i) => i + 1);
  zip.file(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${n.map((i) => `<Override PartName="/xl/worksheets/sheet${i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')}</Types>`,
  );
  zip.file(
    '_rels/.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  zip.file(
    'xl/workbook.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${n.map((i) => `<sheet name="Sheet${i}" sheetId="${i}" r:id="rId${i}"/>`).join('')}</sheets></workbook>`,
  );
  zip.file(
    'xl/_rels/workbook.xml.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${n.map((i) => `<Relationship Id="rId${i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i}.xml"/>`).join('')}</Relationships>`,
  );
  for (const i of n)
    zip.file(`xl/worksheets/sheet${i}.xml`, sheetXml(typeof cells === 'function' ? cells(i) : cells));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** A long-layout CSV of valid rows (code, period, value), `rows` rows after the header. */
export function longCsv(rows: number, codes = ['V1', 'V2', 'S1']): string {
  const periods = ['2024-25 Q1', '2024-25 Q2', '2024-25 Q3', '2024-25 Q4'];
  const lines = ['measure_code,period,value'];
  for (let i = 0; i < rows; i++)
    lines.push(
      `${codes[i % codes.length]},${periods[Math.floor(i / codes.length) % periods.length]},${(i % 1000) / 10}`,
    );
  return `${lines.join('\n')}\n`;
}
