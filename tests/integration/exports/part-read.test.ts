import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { xmlPartProblems } from '../../../electron/core/exports/well-formed';

/** The check reads each part of the zip in one call where it can (deflated or stored), the stream otherwise. */
describe('xmlPartProblems reads every part', () => {
  for (const compression of ['DEFLATE', 'STORE'] as const)
    it(`finds the fault in a ${compression === 'DEFLATE' ? 'deflated' : 'stored'} part, and only there`, async () => {
      const zip = new JSZip();
      zip.file('[Content_Types].xml', '<Types/>');
      zip.file(
        'word/document.xml',
        `<w:document>${'<w:p><w:r><w:t>ok</w:t></w:r></w:p>'.repeat(5000)}</w:document>`,
      );
      zip.file('word/styles.xml', '<w:styles><w:style w:a="1" w:a="2"/></w:styles>');
      zip.file('word/footer1.xml', '<w:ftr>\uFFFE</w:ftr>');
      zip.file('word/media/image1.png', Buffer.from([0x89, 0x50, 0x4e, 0x47]));
      const data = await zip.generateAsync({ type: 'nodebuffer', compression });
      expect(await xmlPartProblems(data)).toEqual([
        { part: 'word/styles.xml', problem: "line 1, column 28: Attribute 'w:a' is repeated." },
        { part: 'word/footer1.xml', problem: 'it holds a character XML cannot carry (U+FFFE)' },
      ]);
    });
});
