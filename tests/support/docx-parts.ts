/**
 * The XML parts of a Word document, to compare two renders of one document part by part. Only what
 * differs between any two renders is set aside: the creation time and the ids `docx` counts up
 * across the process (bookmarks, drawings) or draws at random (links), numbered in order.
 */
import JSZip from 'jszip';

export async function docxParts(data: Buffer): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(data);
  const out = new Map<string, string>();
  for (const name of Object.keys(zip.files).sort()) {
    if (!/\.(xml|rels)$/.test(name)) continue;
    const ids = new Map<string, string>();
    const renumber = (kind: string, n: string) => {
      const key = `${kind}${n}`;
      if (!ids.has(key)) ids.set(key, String(ids.size));
      return `${kind}${ids.get(key)}`;
    };
    const xml = (await zip.file(name)!.async('string'))
      .replace(/_Toc(\d+)/g, (_m, n: string) => renumber('_Toc', n))
      .replace(
        /(<w:bookmark(?:Start|End)[^>]*w:id=")(\d+)/g,
        (_m, a: string, n: string) => a + renumber('b', n),
      )
      .replace(/(<wp:docPr id=")(\d+)/g, (_m, a: string, n: string) => a + renumber('d', n))
      .replace(/"rId([A-Za-z0-9_-]{12,})"/g, (_m, n: string) => `"${renumber('link', n)}"`)
      .replace(/<dcterms:(created|modified)[^<]*<\/dcterms:\w+>/g, '');
    out.set(name, xml);
  }
  return out;
}

/** The page numbers written in a document's contents list, in order (PAGEREF fields' results). */
export function contentsPageNumbers(documentXml: string): string[] {
  return [
    ...documentXml.matchAll(
      /PAGEREF _Toc\d+ \\h<\/w:instrText><w:fldChar w:fldCharType="separate"\/><w:t[^>]*>([^<]*)<\/w:t>/g,
    ),
  ].map((m) => m[1]!);
}
