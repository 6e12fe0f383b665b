import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Download } from '@playwright/test';
import JSZip from 'jszip';

/** The paragraphs of a downloaded Word document, one per line (table cells are paragraphs). */
export async function downloadedText(download: Download): Promise<string> {
  const file = path.join(os.tmpdir(), `cpb-e2e-${process.pid}-${download.suggestedFilename()}`);
  await download.saveAs(file);
  const zip = await JSZip.loadAsync(readFileSync(file));
  const xml = await zip.file('word/document.xml')!.async('string');
  return xml
    .split(/<\/w:p>/)
    .map((para) => [...para.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))
    .join('\n')
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'");
}
