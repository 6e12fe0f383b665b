import { describe, expect, it } from 'vitest';
import {
  minutesDocProblem,
  minutesDocText,
  resolutionText,
  type MinutesNode,
} from '../../../shared/api/meetings';

const t = (text: string, ...marks: ('bold' | 'italic')[]): MinutesNode =>
  marks.length ? { type: 'text', text, marks: marks.map((type) => ({ type })) } : { type: 'text', text };
const p = (...content: MinutesNode[]): MinutesNode => ({ type: 'paragraph', content });

describe('minutes documents', () => {
  const doc: MinutesNode = {
    type: 'doc',
    content: [
      p(t('The Board noted '), t('three', 'bold'), t(' points:')),
      {
        type: 'bulletList',
        content: [
          { type: 'listItem', content: [p(t('dental checks', 'italic'))] },
          { type: 'listItem', content: [p(t('reviews'))] },
        ],
      },
      {
        type: 'orderedList',
        attrs: { start: 1, type: null },
        content: [
          { type: 'listItem', content: [p(t('first'))] },
          { type: 'listItem', content: [p(t('second'), { type: 'hardBreak' }, t('line'))] },
        ],
      },
      { type: 'paragraph' },
    ],
  };

  it('accepts what the editor makes and renders plain text', () => {
    expect(minutesDocProblem(doc)).toBeNull();
    expect(minutesDocText(doc)).toBe(
      'The Board noted three points:\n- dental checks\n- reviews\n1. first\n2. second\nline',
    );
  });

  it.each<[string, unknown, string]>([
    ['not an object', 'hello', 'doc: must be an object'],
    ['wrong top node', { type: 'paragraph' }, 'doc: the top node must be “doc”'],
    [
      'a heading',
      { type: 'doc', content: [{ type: 'heading', attrs: { level: 1 } }] },
      'doc.content.0: “heading” is not allowed in minutes',
    ],
    ['raw HTML smuggled in a field', { type: 'doc', html: '<script>' }, 'doc: unexpected field “html”'],
    [
      'a link mark',
      {
        type: 'doc',
        content: [
          p({
            type: 'text',
            text: 'x',
            marks: [{ type: 'link', attrs: { href: 'https://x' } }],
          } as unknown as MinutesNode),
        ],
      },
      'doc.content.0.content.0.marks.0: only bold and italic are allowed',
    ],
    [
      'empty text node',
      { type: 'doc', content: [p({ type: 'text', text: '' })] },
      'doc.content.0.content.0: a text node needs non-empty text',
    ],
    [
      'an object attribute',
      { type: 'doc', content: [{ type: 'orderedList', attrs: { start: { x: 1 } } }] },
      'doc.content.0.attrs.start: must be a plain value',
    ],
  ])('refuses %s', (_n, bad, message) => {
    expect(minutesDocProblem(bad)).toContain(message);
  });

  it.each([
    ['RESOLVED that the Board notes the report.', 'the Board notes the report.'],
    ['resolved: that the Board notes', 'the Board notes'],
    ['the Board notes', 'the Board notes'],
    ['  RESOLVED that  ', ''],
  ])('stores the words after “RESOLVED that”: %s', (input, stored) => {
    expect(resolutionText(input)).toBe(stored);
  });
});
