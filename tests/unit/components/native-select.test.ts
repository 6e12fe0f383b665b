import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { NativeSelect, ProblemNote } from '../../../renderer/components/forms';

const options = [
  { id: 'present', label: 'Present' },
  { id: 'absent', label: 'Absent' },
];
const noop = () => undefined;

describe('the kit’s native drop-down', () => {
  it('is labelled, offers an empty first choice, and says what is wrong in words', () => {
    const html = renderToStaticMarkup(
      createElement(NativeSelect, {
        id: 'att-1',
        label: 'Attendance of Cllr A',
        value: '',
        onChange: noop,
        options,
        placeholder: 'Not recorded',
        error: 'choose one',
      }),
    );
    expect(html).toMatch(/^<div class="field"><label for="att-1">Attendance of Cllr A<\/label>/);
    expect(html).toContain('<option value="" selected="">Not recorded</option>');
    expect(html).toContain('aria-invalid="true"');
    expect(html).toContain('aria-describedby="att-1-error"');
    expect(html).toContain(
      '<span class="field-error" id="att-1-error">Attendance of Cllr A: choose one</span>',
    );
  });

  it('with a hidden label sits inline, for a table cell', () => {
    const html = renderToStaticMarkup(
      createElement(NativeSelect, {
        id: 'x',
        label: 'Owner',
        labelHidden: true,
        value: 'absent',
        onChange: noop,
        options,
      }),
    );
    expect(html).toMatch(/^<label for="x" class="visually-hidden">Owner<\/label><select id="x">/);
    expect(html).not.toContain('<option value="">');
  });

  it('a form’s own problem is announced', () => {
    expect(renderToStaticMarkup(createElement(ProblemNote, { problem: 'Member: choose one' }))).toBe(
      '<p role="alert" class="field-error">Member: choose one</p>',
    );
    expect(renderToStaticMarkup(createElement(ProblemNote, { problem: null }))).toBe('');
  });
});
