/**
 * The scorecard screen and the Word scorecard report read one read model, so every measure's
 * value, RAG and comparators agree — including where a comparator was published for a later
 * period than the local figure (it is never shown beside it) or none is that old (none shown).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Scorecard, ScorecardRow } from '../../../shared/api/scorecard';
import { formatValue } from '../../../shared/domain/format';
import { comparePeriods, nextPeriod, periodLabel } from '../../../shared/domain/periods';
import { ragLabel } from '../../../shared/domain/rag';
import { callOk, demoSession } from '../../helpers';
import { docxText } from './word-text';

const { session } = demoSession();
afterAll(() => session.close());

const rowsOf = (card: Scorecard) => card.groups.flatMap((g) => g.rows);
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

let card: Scorecard;
let text: string;
/** Codes of the measures the test rearranges, and what it expects of each. */
const changed = { laterComparator: '', olderLocal: '', tooOld: '' };
let latestQuarter = '';

beforeAll(async () => {
  const before = rowsOf(await callOk(session, 'scorecard.get', {}));
  const withComparators = before.filter((r) => r.latest && r.england);
  const [a, b, c] = withComparators;
  latestQuarter = a!.latest!.period;

  // A: England publishes a figure for the quarter after the local one.
  changed.laterComparator = a!.code;
  await callOk(session, 'measure.setComparator', {
    measureId: a!.measureId,
    kind: 'england',
    period: nextPeriod(a!.latest!.period),
    value: 99.7, // a figure no demo comparator has, and one every unit can hold
  });
  // B: the latest local figure is withdrawn, so the local figure is a quarter older than the comparators.
  changed.olderLocal = b!.code;
  await callOk(session, 'measure.deleteValue', { measureId: b!.measureId, period: b!.latest!.period });
  // C: only the oldest local figure is left, older than every published comparator.
  changed.tooOld = c!.code;
  for (const p of c!.series.slice(1))
    await callOk(session, 'measure.deleteValue', { measureId: c!.measureId, period: p.period });

  card = await callOk(session, 'scorecard.get', {});
  const doc = await callOk(session, 'export.document', { kind: 'scorecard' });
  text = await docxText(Buffer.from(doc.dataBase64, 'base64'));
});

/** What the report prints for one measure: its table row and its comparators line. */
function printed(r: ScorecardRow) {
  const head = new RegExp(
    `^${escape(`${r.code} ${r.title}`)}\\nLatest value\\nPeriod\\nTarget\\nRAG\\nDirection\\nPrevious\\n([^\\n]*)\\n([^\\n]*)\\n([^\\n]*)\\n([^\\n]*)\\n`,
    'm',
  ).exec(text);
  expect(head, `${r.code}: its section in the report`).not.toBeNull();
  const after = text.slice(head!.index);
  const comps = /Comparators: England ([^;]*); statistical neighbours ([^;]*); region (.*)\.\n/.exec(after);
  expect(comps, `${r.code}: its comparators line`).not.toBeNull();
  return {
    value: head![1],
    period: head![2],
    rag: head![4],
    england: comps![1],
    neighbours: comps![2],
    region: comps![3],
  };
}

describe('the scorecard screen and the Word report agree', () => {
  it('on every measure’s value, period, RAG and comparators', () => {
    const rows = rowsOf(card);
    expect(rows.length).toBeGreaterThan(10);
    for (const r of rows) {
      const word = printed(r);
      expect(word, r.code).toEqual({
        value: formatValue(r.latest?.value ?? null, r.unit),
        period: r.latest ? periodLabel(r.latest.period) : 'No data',
        rag: ragLabel[r.rag],
        england: formatValue(r.england?.value ?? null, r.unit),
        neighbours: formatValue(r.neighbours?.value ?? null, r.unit),
        region: formatValue(r.region?.value ?? null, r.unit),
      });
    }
  });

  it('shows beside a figure only a comparator for its period or an earlier one', () => {
    for (const r of rowsOf(card))
      for (const c of [r.england, r.neighbours, r.region])
        if (c) {
          expect(r.latest, r.code).not.toBeNull();
          expect(comparePeriods(c.period, r.latest!.period), r.code).toBeLessThanOrEqual(0);
        }
    const find = (code: string) => rowsOf(card).find((r) => r.code === code)!;
    // A later England figure is recorded but not set beside this quarter's figure.
    const a = find(changed.laterComparator);
    expect(a.england?.period).toBe(a.latest!.period);
    expect(a.england?.value).not.toBe(99.7);
    // The local figure is a quarter behind: so is the comparator beside it.
    const b = find(changed.olderLocal);
    expect(comparePeriods(b.latest!.period, latestQuarter)).toBeLessThan(0);
    expect(b.england?.period).toBe(b.latest!.period);
    // No comparator is that old: none is shown, rather than a later one.
    const c = find(changed.tooOld);
    expect(c.latest).not.toBeNull();
    expect([c.england, c.neighbours, c.region]).toEqual([null, null, null]);
    expect(printed(c)).toMatchObject({ england: '–', neighbours: '–', region: '–' });
  });
});
