import { describe, expect, it } from 'vitest';
import { renameDeep } from '../../../electron/core/exports/public-view';
import { firstNameReplacements } from '../../../shared/domain/publishing';

const reps = firstNameReplacements(
  [
    { name: 'Jade Robinson', role: 'young_person' },
    { name: 'Kwame Mensah', role: 'young_person' },
    { name: 'Fiona Blake', role: 'chair' },
  ],
  true,
);

describe('renameDeep', () => {
  it('renames every string at any depth, copies only what changed, and leaves the input as it was', () => {
    const untouched = { figures: [1, 2, 3], periods: ['2025-26 Q1'], when: new Date(0) };
    const input = {
      title: 'Report from Jade Robinson',
      items: [
        { id: 1, minutes: { text: 'Kwame Mensah and Fiona Blake spoke.', tags: ['Jade Robinson', 'none'] } },
        untouched,
      ],
      buffer: Buffer.from('Jade Robinson'),
      n: 4,
      none: null,
    };
    const { buffer, ...rest } = input;
    const before = structuredClone(rest);
    const out = renameDeep(input, reps);
    expect(out).toEqual({
      ...before,
      title: 'Report from Jade',
      items: [
        { id: 1, minutes: { text: 'Kwame and Fiona Blake spoke.', tags: ['Jade', 'none'] } },
        untouched,
      ],
      buffer,
    });
    expect({ ...input, buffer: undefined }).toEqual({ ...before, buffer: undefined });
    expect(out.items[1]).toBe(untouched); // nothing in it to rename: not copied
    expect(out.buffer).toBe(input.buffer); // not a plain object: kept
    expect(renameDeep(untouched, reps)).toBe(untouched);
  });

  it('keeps a key called __proto__ as data, renamed like any other', () => {
    const input = JSON.parse('{"__proto__": "Jade Robinson", "x": "Kwame Mensah"}') as Record<
      string,
      unknown
    >;
    const out = renameDeep(input, reps);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.keys(out)).toEqual(['__proto__', 'x']);
    expect(Object.getOwnPropertyDescriptor(out, '__proto__')?.value).toBe('Jade');
    expect(out.x).toBe('Kwame');
  });

  it('renames whole words only', () => {
    expect(renameDeep(['Jade Robinsonson', 'xJade Robinson'], reps)).toEqual([
      'Jade Robinsonson',
      'xJade Robinson',
    ]);
  });
});
