/**
 * The scorecard report, written to explain itself: the reporting period in its title, a contents
 * list, a summary, how to read it, then per priority each measure — its definition, owner and
 * source, its figures (n of N where recorded) with RAG in words and shading, its chart and the
 * commentary on it, all kept on one page — the children in care profile, and the definitions and
 * sources of every measure. Every figure of a measure has the same decimal places.
 *
 * The figures are today's (optionally for periods that ended between two dates), or those frozen
 * for a meeting when one is given and a snapshot was taken.
 */
import {
  comparatorLabel,
  shortPeriodLabel,
  type ComparatorKind,
  type MeasureChartInput,
} from '../../../shared/charts/measure-chart';
import { ApiError } from '../../../shared/api/errors';
import { documentFileName } from '../../../shared/api/exports';
import { cohortBreakdownLabel, type CohortBreakdown } from '../../../shared/domain/cohort';
import { formatDate, formatTimestamp } from '../../../shared/domain/dates';
import { polarityLabel, type Unit } from '../../../shared/domain/format';
import { parsePeriod, periodLabel } from '../../../shared/domain/periods';
import type { DB } from '../store/board-file';
import { board as loadBoard } from '../queries/board';
import { cohortProfile } from '../queries/cohort';
import { meetingRecord } from '../queries/meeting';
import { definitionFields, measureFractions } from '../queries/measure-definitions';
import { measureSeries, scorecard, type MeasureSeries } from '../queries/scorecard';
import { endedBetween, scorecardBetween, seriesBetween } from '../queries/scorecard-range';
import { meetingSnapshot } from '../queries/snapshot';
import { loadCharts, type Charts } from './charts';
import { definitionsOf, frozenRows, liveRows, rowFormat, type ScoreRow } from './score-rows';
import {
  b,
  bullet,
  contents,
  factsTable,
  h1,
  h2,
  i,
  image,
  keepTogether,
  p,
  ragCell,
  table,
  title,
  type Block,
  type Described,
} from './kit';
import { byPriority, direction, summaryTables } from './scorecard-summary';

/** The chart of one measure; `seriesLabel` (the council's name) keeps the legend short. */
export function chartInput(
  s: Pick<MeasureSeries, 'code' | 'title' | 'unit' | 'polarity' | 'target' | 'values' | 'comparators'>,
  seriesLabel?: string,
): MeasureChartInput {
  return {
    title: `${s.code} ${s.title}`,
    seriesLabel,
    unit: s.unit,
    polarity: s.polarity,
    target: s.target,
    series: s.values,
    comparators: s.comparators,
  };
}

/** Charts in documents: a little shorter than on screen, so a measure's page holds its commentary. */
export const DOCUMENT_CHART_HEIGHT = 300;

const unitWords: Record<Unit, string> = {
  percent: 'Percentage',
  number: 'Number',
  days: 'Days',
  rate10k: 'Rate per 10,000 children',
  score: 'Score',
};

/** "The vertical axis starts at 62.0%, not at zero, so the change between periods can be seen." */
export function axisNote(axisFrom: number | null, fmt: (v: number | null) => string): Block[] {
  return axisFrom === null
    ? []
    : [
        p(
          i(
            `The vertical axis starts at ${fmt(axisFrom)}, not at zero, so that the change between periods can be seen.`,
          ),
        ),
      ];
}

/** "England 90.0% (2025-26); statistical neighbours 92.0% (2025-26); region: none published." */
function comparatorText(r: ScoreRow): string {
  const fmt = rowFormat(r);
  const kinds: ComparatorKind[] = ['england', 'neighbours', 'region'];
  const parts = kinds.map((k) => {
    const label = k === 'england' ? comparatorLabel[k] : comparatorLabel[k].toLowerCase();
    const value = r[k];
    if (value === null) return `${label}: none published`;
    const period = { england: r.englandPeriod, neighbours: r.neighboursPeriod, region: r.regionPeriod }[k];
    return `${label} ${fmt(value)}${period ? ` (${shortPeriodLabel(period)})` : ''}`;
  });
  return `${parts.join('; ')}.`;
}

/** "123 of 128" for the latest figure, when its numerator and denominator were recorded with it. */
type Fractions = ReturnType<typeof measureFractions> extends Map<number, infer F> ? F : never;

function fraction(r: ScoreRow, recorded: Fractions | undefined): string | null {
  if (!r.period || r.value === null) return null;
  const f = recorded?.get(r.period);
  if (!f || f.numerator === null || f.denominator === null || Math.abs(f.value - r.value) > 1e-9) return null;
  const n = (x: number) => x.toLocaleString('en-GB', { maximumFractionDigits: 2 });
  return `${n(f.numerator)} of ${n(f.denominator)}`;
}

function measureBlocks(
  r: ScoreRow,
  chartSeries: MeasureSeries | undefined,
  recorded: Fractions | undefined,
  charts: Charts,
  authority: string,
): Block[] {
  const fmt = rowFormat(r);
  const out: Block[] = [h2(`${r.code} ${r.title}`)];
  out.push(
    r.definition?.definition
      ? p([b('Definition: '), r.definition.definition])
      : p(i('No definition has been recorded for this measure.')),
  );
  out.push(
    factsTable(
      [
        ...definitionFields(r.definition).map((f): [string, string] => [f.label, f.text]),
        ['Unit and polarity', `${unitWords[r.unit]}; ${polarityLabel[r.polarity].toLowerCase()}`],
      ],
      [24, 76],
    ),
  );
  const nOfN = fraction(r, recorded);
  const hasFractions = (recorded?.size ?? 0) > 0;
  out.push(
    table(
      [
        'Latest value',
        ...(hasFractions ? ['n of N'] : []),
        'Period',
        'Target',
        'RAG',
        'Direction',
        'Previous',
      ],
      [
        [
          { content: [b(fmt(r.value))] },
          ...(hasFractions ? [nOfN ?? 'Not recorded'] : []),
          r.period ? periodLabel(r.period) : 'No data',
          r.target === null ? 'No target' : fmt(r.target),
          ragCell(r.rag),
          r.directionReason && r.direction === 'not_comparable'
            ? `${direction(r)}: ${r.directionReason}`
            : direction(r),
          r.previousPeriod ? `${fmt(r.previousValue)} (${shortPeriodLabel(r.previousPeriod)})` : 'None',
        ],
      ],
      hasFractions ? [13, 13, 20, 11, 10, 15, 18] : [15, 23, 13, 11, 16, 22],
    ),
  );
  if (chartSeries && chartSeries.values.length > 0) {
    const png = charts.measureChartPng(chartInput(chartSeries, authority), `Chart ${r.code}`, {
      height: DOCUMENT_CHART_HEIGHT,
    });
    out.push(image(png));
    out.push(...axisNote(png.axisFrom, fmt));
  } else {
    out.push(p(i('No figures have been recorded for this measure, so there is no chart.')));
  }
  out.push(p([b('Comparators: '), comparatorText(r)]));
  const commentary: [string, string][] = [
    ['What is working well', r.working],
    ['What we are worried about', r.worried],
    ['What happens next', r.next],
  ];
  const written = commentary.filter(([, t]) => t.trim() !== '');
  if (written.length) for (const [label, text] of written) out.push(p([b(`${label}: `), text]));
  else out.push(p(i('No commentary has been written for this measure.')));
  // The heading, definition, figures, chart and commentary stay on one page.
  return keepTogether(out);
}

/** The children in care profile: every period recorded, or those that ended in the report's period. */
export function cohortBlocks(db: DB, charts: Charts, range: { from?: string; to?: string } = {}): Block[] {
  const all = cohortProfile(db);
  const keep = all.periods.map((period) => endedBetween(period, range.from, range.to));
  const cohort = {
    periods: all.periods.filter((_, k) => keep[k]),
    breakdowns: all.breakdowns.map((bd) => ({
      ...bd,
      counts: bd.counts.map((row) => row.filter((_, k) => keep[k])),
      totals: bd.totals.filter((_, k) => keep[k]),
    })),
  };
  const out: Block[] = [h1('Children in care profile', { pageBreakBefore: true })];
  if (!cohort.periods.length)
    return [
      ...out,
      p(
        all.periods.length
          ? 'No cohort profile figures were recorded for periods that ended in the reporting period.'
          : 'No cohort profile figures have been recorded.',
      ),
    ];
  const last = cohort.periods.at(-1)!;
  out.push(
    p(
      `Counts of children looked after by breakdown for ${cohort.periods.length} periods, ${periodLabel(cohort.periods[0]!)} to ${periodLabel(last)}.`,
    ),
  );
  for (const bd of cohort.breakdowns) {
    const breakdown = bd.breakdown as CohortBreakdown;
    const label = cohortBreakdownLabel[breakdown] ?? bd.breakdown;
    const latest = bd.counts.map((row) => row.at(-1) ?? 0);
    const total = latest.reduce((s, n) => s + n, 0);
    out.push(
      ...keepTogether([
        h2(label),
        image(
          charts.cohortChartPng(
            {
              breakdown,
              periods: cohort.periods,
              categories: bd.categories,
              counts: bd.counts.map((row) => row.map((n) => n ?? 0)),
            },
            `Cohort ${label}`,
          ),
        ),
        table(
          [label, `Number (${shortPeriodLabel(last)})`, 'Share'],
          bd.categories.map((category, k) => {
            const n = latest[k] ?? 0;
            return [
              category,
              n.toLocaleString('en-GB'),
              total ? `${(Math.round((n / total) * 1000) / 10).toFixed(1)}%` : '–',
            ];
          }),
          [50, 30, 20],
        ),
      ]),
    );
  }
  return out;
}

/** The period most measures' latest figures are for (the report's period when no range is given). */
function commonPeriod(rows: ScoreRow[]): string | null {
  const counts = new Map<string, number>();
  for (const r of rows) if (r.period) counts.set(r.period, (counts.get(r.period) ?? 0) + 1);
  let best: string | null = null;
  for (const [period, n] of counts) if (best === null || n > counts.get(best)!) best = period;
  return best;
}

export async function scorecardDocument(
  db: DB,
  today: string,
  opts: { meetingId?: number; from?: string; to?: string } = {},
): Promise<Described> {
  const { meetingId, from, to } = opts;
  if (from && to && from > to)
    throw new ApiError(
      'invalid_input',
      `The report cannot start (${formatDate(from)}) after it ends (${formatDate(to)})`,
    );
  if (meetingId !== undefined && (from || to))
    throw new ApiError(
      'invalid_input',
      'A scorecard frozen for a meeting has its own figures: leave out the dates, or the meeting',
    );
  const board = loadBoard(db);
  const charts = await loadCharts();
  const ranged = from !== undefined || to !== undefined;
  const allSeries = measureSeries(db);
  const fractions = measureFractions(db);

  let rows: ScoreRow[];
  let basis: Block;
  let basisShort: string;
  if (meetingId !== undefined) {
    const meeting = meetingRecord(db, meetingId, today);
    const snap = meetingSnapshot(db, meetingId);
    if (snap) {
      rows = frozenRows(snap.rows, definitionsOf(scorecard(db)));
      basis = p([
        b('Figures frozen for the meeting on '),
        b(formatDate(meeting.date)),
        `: ${snap.title}, taken ${formatTimestamp(snap.takenAt)}.`,
      ]);
      basisShort = `Frozen for the meeting on ${formatDate(meeting.date)}`;
    } else {
      rows = liveRows(scorecard(db));
      basis = p([
        b('Current scorecard — not frozen. '),
        `No snapshot was taken for the meeting on ${formatDate(meeting.date)}; these are the latest figures held on ${formatDate(today)}.`,
      ]);
      basisShort = `Current figures held on ${formatDate(today)}`;
    }
  } else if (ranged) {
    rows = liveRows(scorecardBetween(db, from, to));
    basis = p([
      b('Figures for the reporting period: '),
      `figures for periods that ended ${from ? `on or after ${formatDate(from)}` : ''}${from && to ? ' and ' : ''}${to ? `on or before ${formatDate(to)}` : ''}, as held on ${formatDate(today)}. The latest value of each measure is its last figure in the period.`,
    ]);
    basisShort = `Figures held on ${formatDate(today)}`;
  } else {
    rows = liveRows(scorecard(db));
    basis = p([b('Current scorecard: '), `the latest figures held on ${formatDate(today)}.`]);
    basisShort = `Current figures held on ${formatDate(today)}`;
  }

  const common = commonPeriod(rows);
  const period = ranged
    ? from && to
      ? `${formatDate(from)} to ${formatDate(to)}`
      : from
        ? `from ${formatDate(from)}`
        : `to ${formatDate(to)}`
    : common
      ? periodLabel(common)
      : `at ${formatDate(today)}`;
  const odd = rows.filter((r) => r.period && common && r.period !== common).length;

  /** The series each chart shows: within the range, or (frozen) up to the frozen figure. */
  const chartSeries = (r: ScoreRow): MeasureSeries | undefined => {
    const full = allSeries.find((s) => s.id === r.measureId);
    if (!full) return undefined;
    if (ranged) return seriesBetween(full, from, to);
    if (meetingId !== undefined && r.period) {
      const end = parsePeriod(r.period)?.end;
      return end ? seriesBetween(full, undefined, end) : full;
    }
    return full;
  };

  const children: Block[] = [
    p(b(board.authority, { size: 28 })),
    title(board.name),
    p(b(`Performance scorecard report: ${period}`, { size: 28 })),
    basis,
    factsTable([
      [
        'Reporting period',
        ranged || !common
          ? period
          : `${period}${odd ? ` (${odd} ${odd === 1 ? 'measure has' : 'measures have'} an earlier latest figure, shown with it)` : ''}`,
      ],
      ['Figures', basisShort],
      ['Measures', String(rows.length)],
      ['Prepared', formatDate(today)],
    ]),
    contents(2),
    h1('Summary'),
    ...summaryTables(rows, { headingLevel: 3 }),
    h1('How to read this report'),
    bullet([
      b('RAG '),
      'is worked out from each measure’s target and tolerance. Red, Amber or Green is written in words as well as shaded; “No target” and “Not rated” say why a measure has no rating.',
    ]),
    bullet([
      b('Direction '),
      'compares the latest figure with the one before it, taking account of whether higher or lower is better.',
    ]),
    bullet([
      b('Figures '),
      'of one measure are all shown with the same number of decimal places: as many as its recorded figures use.',
    ]),
    bullet([
      b('n of N '),
      'is the count behind a percentage (for example, 123 children of 128), where the service recorded it.',
    ]),
    bullet([
      b('Charts '),
      'show the measure against its target (dashed) and the published comparators. Where a chart’s vertical axis does not start at zero, the chart and the note under it say so.',
    ]),
    bullet([
      b('Comparators '),
      'are the latest published for England, statistical neighbours and the region for the same period or an earlier one, with the period they relate to.',
    ]),
  ];
  for (const [priority, list] of byPriority(rows)) {
    // No forced page break: the heading keeps with its first measure (Heading 1 is keep-with-next).
    children.push(h1(priority));
    for (const r of list) {
      children.push(
        ...measureBlocks(
          r,
          chartSeries(r),
          r.measureId === null ? undefined : fractions.get(r.measureId),
          charts,
          board.authority,
        ),
      );
      await charts.releaseCharts(); // one chart's pixels at a time (chart-render.ts)
    }
  }
  children.push(...cohortBlocks(db, charts, ranged ? { from, to } : {}));

  // Every measure's definition and source in one place, for whoever checks the figures.
  children.push(h1('Definitions and sources', { pageBreakBefore: true }));
  children.push(
    p(
      'Each measure as the board defines it, who owns it and where its figures come from. Figures are those recorded in the board’s file from these sources.',
      { keepNext: true },
    ),
  );
  const field = (r: ScoreRow, label: string) =>
    definitionFields(r.definition).find((f) => f.label === label)?.text ?? 'Not recorded';
  children.push(
    table(
      ['Measure', 'Definition', 'Owner', 'Source'],
      rows.map((r) => [
        `${r.code} ${r.title}`,
        r.definition?.definition || 'Not recorded',
        field(r, 'Owner'),
        field(r, 'Source'),
      ]),
      [22, 42, 16, 20],
    ),
  );
  if (ranged)
    children.push(
      p(
        i(
          `Figures outside the reporting period are left out of the tables and charts: ${rows.filter((r) => r.period === null).length} of ${rows.length} measures have no figure for a period that ended in it.`,
        ),
      ),
    );

  const spec = {
    board,
    title: `${board.name}: performance scorecard report, ${period}`,
    subject: `Performance scorecard report, ${period}`,
    children,
  };
  return {
    spec,
    fileName: documentFileName(board, {
      kind: 'scorecard',
      today: formatDate(today),
      ...(from ? { from: formatDate(from) } : {}),
      ...(to ? { to: formatDate(to) } : {}),
    }),
  };
}
