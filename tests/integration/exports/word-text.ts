import JSZip from 'jszip';

/** Paragraph text of a WordprocessingML part: one line per paragraph (table cells are paragraphs) and per line break. */
export function wordText(xml: string): string {
  return xml
    .split(/<\/w:p>/)
    .map((para) =>
      [...para.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:tab\/>|<w:br\/>/g)]
        .map((m) => (m[1] !== undefined ? m[1] : m[0] === '<w:br/>' ? '\n' : '\t'))
        .join(''),
    )
    .join('\n')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'");
}

/** The body text of a .docx. */
export async function docxText(data: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(data);
  return wordText(await zip.file('word/document.xml')!.async('string'));
}
