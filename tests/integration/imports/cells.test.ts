import { describe, expect, it } from 'vitest';
import { readBreakdown, readNumber, readPolarity } from '../../../electron/core/imports/cells';
import type { GridCell } from '../../../electron/core/imports/grid';

const text = (t: string): GridCell => ({ kind: 'text', text: t });
const num = (n: number, percentFormat = false): GridCell => ({
  kind: 'number',
  text: String(n),
  num: n,
  percentFormat,
});

describe('reading a figure from a cell', () => {
  it.each<[string, GridCell, ReturnType<typeof readNumber>]>([
    ['a plain number', num(9.4), { kind: 'number', value: 9.4, percent: false }],
    ['0.094 in a %-formatted cell', num(0.094, true), { kind: 'number', value: 9.4, percent: true }],
    ['1 in a %-formatted cell', num(1, true), { kind: 'number', value: 100, percent: true }],
    ['"9.4%"', text('9.4%'), { kind: 'number', value: 9.4, percent: true }],
    ['"9.4 %"', text('9.4 %'), { kind: 'number', value: 9.4, percent: true }],
    ['"1,234"', text('1,234'), { kind: 'number', value: 1234, percent: false }],
    ['"1,234.5"', text('1,234.5'), { kind: 'number', value: 1234.5, percent: false }],
    ['"-3"', text('-3'), { kind: 'number', value: -3, percent: false }],
    ['".5"', text('.5'), { kind: 'number', value: 0.5, percent: false }],
    ['blank', { kind: 'empty', text: '' }, { kind: 'none' }],
    ['"n/a"', text('n/a'), { kind: 'none' }],
    ['"N/A"', text('N/A'), { kind: 'none' }],
    ['"-"', text('-'), { kind: 'none' }],
    ['"–" (en dash)', text('–'), { kind: 'none' }],
    ['".."', text('..'), { kind: 'none' }],
    ['"about 10"', text('about 10'), { kind: 'error', reason: '"about 10" is not a number' }],
    ['"1,23"', text('1,23'), { kind: 'error', reason: '"1,23" is not a number' }],
    ['"9.4.1"', text('9.4.1'), { kind: 'error', reason: '"9.4.1" is not a number' }],
    [
      'a date',
      { kind: 'date', text: '2026-06-30', iso: '2026-06-30' },
      { kind: 'error', reason: '"2026-06-30" is a date, not a number' },
    ],
  ])('%s', (_name, cell, expected) => {
    expect(readNumber(cell)).toEqual(expected);
  });
});

describe('polarity and cohort breakdown words', () => {
  it.each([
    ['Higher', 'higher'],
    ['higher is better', 'higher'],
    ['Lower is better', 'lower'],
    ['low', 'lower'],
    ['Neither', 'neither'],
    ['sideways', null],
  ])('%s → %s', (t, p) => expect(readPolarity(t)).toBe(p));
  it.each([
    ['Age band', 'age_band'],
    ['Age', 'age_band'],
    ['Gender', 'gender'],
    ['Legal status', 'legal_status'],
    ['Placement type', 'placement_type'],
    ['Ethnicity', 'ethnicity'],
    ['Length of time in care', 'time_in_care'],
    ['age_band', 'age_band'],
    ['Total', null],
  ])('%s → %s', (t, b) => expect(readBreakdown(t)).toBe(b));
});
