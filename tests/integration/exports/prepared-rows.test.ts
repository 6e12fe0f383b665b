/**
 * Issue 17: the body rows of a Word table are written straight into the tree `docx` serialises
 * (kit-docx.ts, PreparedTable), not through an object per element. The document must be the same
 * byte for byte: every document of the demo board, and a table with every kind of cell (links, line
 * breaks, lists, empty cells, fills, kept rows), is rendered both ways and every part compared.
 * Only what differs between any two renders of one document is set aside: the creation time and
 * the ids `docx` counts up across the process (bookmarks, drawings) or draws at random (links),
 * matched in order.
 * Prepared rows are written to XML text as they are made (kit-docx.ts, xmlOf and rowsAsText) in
 * every document without a contents list, and kept as a tree in those with one (the annual report,
 * whose page numbers are laid out from it): both are compared here, and a third case renders the
 * table of every kind of cell all three ways.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { describeDocument } from '../../../electron/core/exports/index';
import { renderDocx } from '../../../electron/core/exports/kit-docx';
import { cleanModelTexts } from '../../../electron/core/exports/well-formed';
import type { DocumentSpec, TableBlock } from '../../../electron/core/exports/kit';
import type { DocumentRequest } from '../../../shared/api/exports';
import { callOk, demoSession } from '../../helpers';
import { docxParts as parts } from '../../support/docx-parts';

const { session } = demoSession();
afterAll(() => session.close());

async function expectSameBothWays(spec: DocumentSpec, name: string, alsoAsTree = false): Promise<number> {
  cleanModelTexts(spec);
  const prepared = await parts(await renderDocx(spec));
  const plain = await parts(await renderDocx(spec, { preparedRows: false }));
  expect([...prepared.keys()], name).toEqual([...plain.keys()]);
  for (const [part, xml] of plain) expect(prepared.get(part), `${name}: ${part}`).toBe(xml);
  if (alsoAsTree) {
    const tree = await parts(await renderDocx(spec, { rowsAsText: false }));
    for (const [part, xml] of plain) expect(tree.get(part), `${name} (tree): ${part}`).toBe(xml);
  }
  return (plain.get('word/document.xml')!.match(/<w:tr>/g) ?? []).length;
}

describe('prepared table rows', () => {
  it('every document of the demo board is the same byte for byte both ways', async () => {
    const options = await callOk(session, 'export.options', {});
    const requests: DocumentRequest[] = [
      { kind: 'actions', public: false },
      { kind: 'actions', public: true },
      { kind: 'scorecard' },
      { kind: 'annual', from: options.yearFrom, to: options.yearTo },
      { kind: 'forward-plan', from: options.yearFrom, to: options.yearTo },
    ] as DocumentRequest[];
    const seen = new Set<string>();
    for (const m of options.meetings) {
      if (seen.has(m.status)) continue;
      seen.add(m.status);
      requests.push({ kind: 'agenda', meetingId: m.id, public: false } as DocumentRequest);
      requests.push({ kind: 'minutes', meetingId: m.id, public: true, draft: true } as DocumentRequest);
      requests.push({ kind: 'minutes', meetingId: m.id, public: false, draft: true } as DocumentRequest);
    }
    const ctx = session.ctx();
    let rows = 0;
    for (const req of requests) {
      const { spec } = await describeDocument(ctx.db, ctx.today(), req);
      rows += await expectSameBothWays(spec, JSON.stringify(req));
    }
    // The comparison covered real tables: the action log alone has dozens of rows.
    expect(rows).toBeGreaterThan(200);
  });

  it('cells with links, line breaks, lists, nothing, fills and kept rows are the same all three ways', async () => {
    const tp = (runs: TableBlock['rows'][0][0]['paragraphs'][0]['runs']) => ({
      type: 'paragraph' as const,
      style: 'TableText' as const,
      runs,
    });
    const table = (over: Partial<TableBlock>): TableBlock => ({
      type: 'table',
      headers: ['One', 'Two', 'Three'],
      widths: [20, 50, 30],
      rows: [
        [
          { paragraphs: [tp([{ text: 'Plain & <odd> "text"' }])] },
          {
            paragraphs: [
              tp([
                { text: 'Bold', bold: true },
                { text: ' italic', italics: true, underline: true, strike: true, color: 'C00000', size: 18 },
              ]),
              tp([{ text: 'A second paragraph' }]),
            ],
            fill: 'FCE4D6',
          },
          { paragraphs: [] },
        ],
        [
          { paragraphs: [tp([{ text: 'See the report', link: 'https://example.org/report?a=1&b=2' }])] },
          {
            paragraphs: [
              tp([{ text: 'Line one' }, { text: 'Line two', break: true }, { text: '', break: true }]),
            ],
          },
          {
            paragraphs: [
              { type: 'paragraph', runs: [{ text: 'A bullet' }], list: { kind: 'bullet', level: 0 } },
              {
                type: 'paragraph',
                runs: [{ text: 'Centred' }],
                align: 'center',
                keepLines: true,
                indent: 360,
              },
              { type: 'paragraph', runs: [{ text: '' }], spaceBefore: 120 },
            ],
          },
        ],
        [{ paragraphs: [tp([{ text: 'Last' }])] }, { paragraphs: [tp([{ text: 'row' }])] }],
      ],
      ...over,
    });
    const spec = {
      title: 'Tables',
      subject: 'Tables both ways',
      board: { name: 'Board', authority: 'Council' },
      children: [
        table({}),
        table({ keepTogether: true, headers: null, labelColumn: true }),
        table({ keepNext: true, landscape: true }),
      ],
    } as unknown as DocumentSpec;
    expect(await expectSameBothWays(spec, 'tables', true)).toBe(3 * 3 + 2);
  });
});
