/**
 * The scorecard report: a summary, then per priority each measure's value, period, target, RAG
 * (word and shading), direction, comparators and commentary with its chart, and the children in
 * care profile charts. The figures are today's, or those frozen for a meeting when one is given
 * and a snapshot was taken.
 */
import { shortPeriodLabel, type MeasureChartInput } from '../../../shared/charts/measure-chart';
import { cohortBreakdownLabel, type CohortBreakdown } from '../../../shared/domain/cohort';
import { formatDate, formatTimestamp } from '../../../shared/domain/dates';
import { formatValue, polarityLabel, unitLabel } from '../../../shared/domain/format';
import { periodLabel } from '../../../shared/domain/periods';
import { documentFileName } from '../../../shared/api/exports';
import type { DB } from '../store/board-file';
import { board as loadBoard } from '../queries/board';
import { cohortProfile } from '../queries/cohort';
import { meetingRecord } from '../queries/meeting';
import { measureSeries, scorecard, type MeasureSeries } from '../queries/scorecard';
import { meetingSnapshot } from '../queries/snapshot';
import { loadCharts, type Charts } from './charts';
import { frozenRows, liveRows, type ScoreRow } from './score-rows';
import {
  b,
  factsTable,
  h1,
  h2,
  h3,
  i,
  image,
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

function measureBlocks(
  r: ScoreRow,
  series: MeasureSeries | undefined,
  charts: Charts,
  authority: string,
): Block[] {
  const out: Block[] = [h2(`${r.code} ${r.title}`)];
  const hasChart = series !== undefined && series.values.length > 0;
  out.push(
    table(
      ['Latest value', 'Period', 'Target', 'RAG', 'Direction', 'Previous'],
      [
        [
          { content: [b(formatValue(r.value, r.unit))] },
          r.period ? periodLabel(r.period) : 'No data',
          r.target === null ? 'No target' : formatValue(r.target, r.unit),
          ragCell(r.rag),
          direction(r),
          r.previousPeriod
            ? `${formatValue(r.previousValue, r.unit)} (${shortPeriodLabel(r.previousPeriod)})`
            : 'None',
        ],
      ],
      [16, 22, 14, 12, 16, 20],
      // The heading, the row and the chart under it stay on one page; the notes follow and may run on.
      { keepNext: hasChart },
    ),
  );
  if (hasChart) out.push(image(charts.measureChartPng(chartInput(series, authority), `Chart ${r.code}`)));
  out.push(
    p([
      b('Comparators: '),
      `England ${formatValue(r.england, r.unit)}; statistical neighbours ${formatValue(r.neighbours, r.unit)}; region ${formatValue(r.region, r.unit)}.`,
    ]),
  );
  out.push(
    p([b('Unit and polarity: '), `${unitLabel[r.unit]}; ${polarityLabel[r.polarity].toLowerCase()}.`]),
  );
  const commentary: [string, string][] = [
    ['What is working well', r.working],
    ['What we are worried about', r.worried],
    ['What happens next', r.next],
  ];
  const written = commentary.filter(([, t]) => t.trim() !== '');
  if (written.length) for (const [label, text] of written) out.push(p([b(`${label}: `), text]));
  else out.push(p(i('No commentary has been written for this measure.')));
  return out;
}

export function cohortBlocks(db: DB, charts: Charts): Block[] {
  const cohort = cohortProfile(db);
  const out: Block[] = [h1('Children in care profile', { pageBreakBefore: true })];
  if (!cohort.periods.length) return [...out, p('No cohort profile figures have been recorded.')];
  const last = cohort.periods.at(-1)!;
  out.push(
    p(
      `Counts of children looked after by breakdown for ${cohort.periods.length} periods, ${periodLabel(cohort.periods[0]!)} to ${periodLabel(last)}.`,
    ),
  );
  for (const bd of cohort.breakdowns) {
    const breakdown = bd.breakdown as CohortBreakdown;
    const label = cohortBreakdownLabel[breakdown] ?? bd.breakdown;
    out.push(h2(label));
    out.push(
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
    );
    const latest = bd.counts.map((row) => row.at(-1) ?? 0);
    const total = latest.reduce((s, n) => s + n, 0);
    out.push(
      table(
        [label, `Number (${shortPeriodLabel(last)})`, 'Share'],
        bd.categories.map((category, k) => {
          const n = latest[k] ?? 0;
          return [
            category,
            n.toLocaleString('en-GB'),
            total ? `${Math.round((n / total) * 1000) / 10}%` : '–',
          ];
        }),
        [50, 30, 20],
      ),
    );
  }
  return out;
}

export async function scorecardDocument(
  db: DB,
  today: string,
  opts: { meetingId?: number; from?: string; to?: string } = {},
): Promise<Described> {
  const meetingId = opts.meetingId;
  const board = loadBoard(db);
  const charts = await loadCharts();
  const series = measureSeries(db);
  let rows: ScoreRow[];
  let basis: Block;
  if (meetingId !== undefined) {
    const meeting = meetingRecord(db, meetingId, today);
    const snap = meetingSnapshot(db, meetingId);
    if (snap) {
      rows = frozenRows(snap.rows);
      basis = p([
        b('Figures frozen for the meeting on '),
        b(formatDate(meeting.date)),
        `: ${snap.title}, taken ${formatTimestamp(snap.takenAt)}.`,
      ]);
    } else {
      rows = liveRows(scorecard(db));
      basis = p([
        b('Current scorecard — not frozen. '),
        `No snapshot was taken for the meeting on ${formatDate(meeting.date)}; these are the latest figures held on ${formatDate(today)}.`,
      ]);
    }
  } else {
    rows = liveRows(scorecard(db));
    basis = p([b('Current scorecard: '), `the latest figures held on ${formatDate(today)}.`]);
  }

  const children: Block[] = [
    p(b(board.authority, { size: 28 })),
    title(board.name),
    p(b('Performance scorecard report', { size: 28 })),
    basis,
    factsTable([
      ['Measures', String(rows.length)],
      ['Prepared', formatDate(today)],
      [
        'How to read it',
        'RAG is worked out from each measure’s target and tolerance: Red, Amber or Green is written in words as well as shaded. Direction compares the latest value with the one before it.',
      ],
    ]),
    h1('Summary'),
    ...summaryTables(rows),
  ];
  for (const [priority, list] of byPriority(rows)) {
    // No forced page break: the heading keeps with its first measure (Heading 1 is keep-with-next).
    children.push(h1(priority));
    for (const r of list)
      children.push(
        ...measureBlocks(
          r,
          series.find((s) => s.id === r.measureId),
          charts,
          board.authority,
        ),
      );
  }
  children.push(...cohortBlocks(db, charts));
  children.push(h3('Sources'));
  children.push(
    p(
      'Figures are held in the board’s CPB file; charts show each measure’s series against its target and the published comparators.',
    ),
  );

  const spec = {
    board,
    title: `${board.name}: performance scorecard report, ${formatDate(today)}`,
    subject: `Performance scorecard report, ${formatDate(today)}`,
    children,
  };
  return { spec, fileName: documentFileName(board, { kind: 'scorecard', today: formatDate(today) }) };
}
