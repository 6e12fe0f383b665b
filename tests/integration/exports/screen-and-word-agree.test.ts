/**
 * The scorecard screen and the Word scorecard report read one read model, so every measure's
 * value, RAG and comparators agree — including where a comparator was published for a later
 * period than the local figure (it is never shown beside it) or none is that old (none shown).
 * The demo's comparators are the DfE's yearly figures, so beside a quarter the report names the
 * year each comparator is for.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Scorecard, ScorecardRow } from '../../../shared/api/scorecard';
import { shortPeriodLabel } from '../../../shared/charts/measure-chart';
import { formatFixed, measurePlaces } from '../../../shared/domain/format';
import { comparePeriods, nextPeriod, parsePeriod, periodLabel } from '../../../shared/domain/periods';
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

/** Every figure of a measure is printed with the measure's decimal places (one format per measure). */
const formatOf = (r: ScorecardRow) => {
  // As many places as the measure's figures use, never more than its own setting.
  const decimals = measurePlaces(
    r.unit,
    [...r.series.map((v) => v.value), r.target, r.england?.value, r.neighbours?.value, r.region?.value],
    r.decimals,
  );
  return (v: number | null) => formatFixed(v, r.unit, decimals);
};

/** A comparator as printed: '90.0% (Q2 2026-27)', or '–' for 'none published'. */
const comparator = (printedText: string) =>
  printedText.startsWith(': none published') ? '–' : printedText.trim();

/** What the report prints for one measure: its figures row and its comparators line. */
function printed(r: ScorecardRow) {
  const head = new RegExp(`^${escape(`${r.code} ${r.title}`)}\\n`, 'm').exec(text);
  expect(head, `${r.code}: its section in the report`).not.toBeNull();
  const after = text.slice(head!.index);
  const m = /\nLatest value\n(n of N\n)?Period\nTarget\nRAG\nDirection\nPrevious\n/.exec(after);
  expect(m, `${r.code}: its figures`).not.toBeNull();
  const cells = after.slice(m!.index + m![0].length).split('\n');
  // With an "n of N" column (figures recorded with their count), the period is one cell further on.
  const [value, period, , rag] = m![1] ? [cells[0], cells[2], cells[3], cells[4]] : cells;
  const plain = { value, period, rag };
  const comps =
    /Comparators: England(: none published|[^;]*); statistical neighbours(: none published|[^;]*); region(: none published|.*)\.\n/.exec(
      after,
    );
  expect(comps, `${r.code}: its comparators line`).not.toBeNull();
  return {
    ...plain,
    england: comparator(comps![1]!),
    neighbours: comparator(comps![2]!),
    region: comparator(comps![3]!),
  };
}

/** The comparator as the report prints it: the figure and, in brackets, its period. */
const expectedComparator = (r: ScorecardRow, c: ScorecardRow['england']) =>
  c ? `${formatOf(r)(c.value)} (${shortPeriodLabel(c.period)})` : '–';

describe('the scorecard screen and the Word report agree', () => {
  it('on every measure’s value, period, RAG and comparators', () => {
    const rows = rowsOf(card);
    expect(rows.length).toBeGreaterThan(10);
    for (const r of rows) {
      const word = printed(r);
      expect(word, r.code).toEqual({
        value: formatOf(r)(r.latest?.value ?? null),
        period: r.latest ? periodLabel(r.latest.period) : 'No data',
        rag: ragLabel[r.rag],
        england: expectedComparator(r, r.england),
        neighbours: expectedComparator(r, r.neighbours),
        region: expectedComparator(r, r.region),
      });
    }
  });

  it('shows beside a figure only a comparator for a period that had ended by then', () => {
    const end = (p: string) => parsePeriod(p)!.end;
    for (const r of rowsOf(card))
      for (const c of [r.england, r.neighbours, r.region])
        if (c) {
          expect(r.latest, r.code).not.toBeNull();
          expect(end(c.period) <= end(r.latest!.period), r.code).toBe(true);
        }
    const find = (code: string) => rowsOf(card).find((r) => r.code === code)!;
    // A later England figure is recorded but not set beside this quarter's figure: the last
    // published year is.
    const a = find(changed.laterComparator);
    expect(a.england?.value).not.toBe(99.7);
    expect(a.england?.period).toBe('2025-26');
    // The local figure is a quarter behind: the comparator beside it had ended by then.
    const b = find(changed.olderLocal);
    expect(comparePeriods(b.latest!.period, latestQuarter)).toBeLessThan(0);
    expect(end(b.england!.period) <= end(b.latest!.period)).toBe(true);
    // No comparator is that old: none is shown, rather than a later one.
    const c = find(changed.tooOld);
    expect(c.latest).not.toBeNull();
    expect([c.england, c.neighbours, c.region]).toEqual([null, null, null]);
    expect(printed(c)).toMatchObject({ england: '–', neighbours: '–', region: '–' });
  });
});
