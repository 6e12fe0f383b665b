/**
 * Issue 17: a contents list's page numbers are worked out by docx/layout as Word lays the pages out.
 * `docx` also asks it for the list numbers of the headings, which it finds by reading the whole body
 * once more; the kit numbers no heading, so kit-docx.ts gives the answer that read would give (none)
 * without it (contentsPageNumbers). The documents must be the same byte for byte as with docx/layout's
 * own list numbers: the demo board's annual report and scorecard, the annual report of a generated
 * five-year board, and a document whose headings are numbered (which still asks docx/layout).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { describeDocument } from '../../../electron/core/exports/index';
import { renderDocx } from '../../../electron/core/exports/kit-docx';
import { contents, h1, h2, p, type DocumentSpec } from '../../../electron/core/exports/kit';
import { cleanModelTexts } from '../../../electron/core/exports/well-formed';
import { Session } from '../../../electron/core/session';
import type { DocumentRequest } from '../../../shared/api/exports';
import { callOk, demoSession, tempDir } from '../../helpers';
import { ARCHIVE_TODAY, archiveFile, copyArchive } from '../../support/archive';
import { contentsPageNumbers, docxParts } from '../../support/docx-parts';

const { session } = demoSession();
afterAll(() => session.close());

/** Renders the spec both ways, expects every part the same, and returns the contents' page numbers. */
async function sameBothWays(spec: DocumentSpec, name: string): Promise<string[]> {
  cleanModelTexts(spec);
  const skipped = await docxParts(await renderDocx(spec));
  const asked = await docxParts(await renderDocx(spec, { skipListNumbers: false }));
  expect([...skipped.keys()], name).toEqual([...asked.keys()]);
  for (const [part, xml] of asked) expect(skipped.get(part), `${name}: ${part}`).toBe(xml);
  return contentsPageNumbers(asked.get('word/document.xml')!);
}

describe('contents page numbers', () => {
  it("the demo board's annual report and scorecard are the same byte for byte, with their page numbers", async () => {
    const options = await callOk(session, 'export.options', {});
    const ctx = session.ctx();
    for (const req of [
      { kind: 'annual', from: options.yearFrom, to: options.yearTo },
      { kind: 'scorecard' },
    ] as DocumentRequest[]) {
      const { spec } = await describeDocument(ctx.db, ctx.today(), req);
      const numbers = await sameBothWays(spec, req.kind);
      // Every entry has its page, and the pages run in order from the first.
      expect(numbers.length, req.kind).toBeGreaterThan(4);
      expect(
        numbers.every((n) => /^\d+$/.test(n)),
        req.kind,
      ).toBe(true);
      expect(numbers.map(Number), req.kind).toEqual([...numbers.map(Number)].sort((a, b) => a - b));
    }
  });

  it('the annual report of a five-year board is the same byte for byte', async () => {
    const file = copyArchive(archiveFile(5), tempDir(), 'five.cpb');
    const big = new Session('test');
    big.open(file);
    try {
      const ctx = big.ctx();
      const { spec } = await describeDocument(ctx.db, ARCHIVE_TODAY, {
        kind: 'annual',
        from: '2025-04-01',
        to: '2026-03-31',
      } as DocumentRequest);
      const numbers = await sameBothWays(spec, 'five-year annual');
      expect(numbers.length).toBeGreaterThan(4);
      expect(numbers.every((n) => /^\d+$/.test(n))).toBe(true);
      // Long enough that the later sections start pages on.
      expect(Number(numbers.at(-1))).toBeGreaterThan(10);
    } finally {
      big.close();
    }
  }, 120_000);

  it('numbered headings still have their numbers in the contents (docx/layout is asked)', async () => {
    const numberedHeading = (text: string, instance: number) => ({
      ...h1(text),
      list: { kind: 'number' as const, level: 0, instance },
    });
    const spec = {
      title: 'Numbered',
      subject: 'Numbered headings',
      board: { name: 'Board', authority: 'Council', logo: null },
      children: [
        contents(2),
        numberedHeading('First part', 1),
        p('Some text.'),
        h2('A plain heading'),
        numberedHeading('Second part', 1),
        p('More text.'),
      ],
    } as unknown as DocumentSpec;
    const numbers = await sameBothWays(spec, 'numbered');
    expect(numbers).toEqual(['1', '1', '1']);
    const xml = (await docxParts(await renderDocx(spec))).get('word/document.xml')!;
    const toc = xml.slice(0, xml.indexOf('</w:sdtContent>'));
    // The entries of the numbered headings start with their numbers, as Word writes them.
    expect(toc).toMatch(/1\.<\/w:t>.*First part/);
    expect(toc).toMatch(/2\.<\/w:t>.*Second part/);
  });
});
