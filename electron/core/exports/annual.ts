/**
 * The annual report for a date range: meetings held, attendance per member, decisions, actions
 * completed and outstanding, coverage of the 7 Corporate Parenting Principles, scorecard trends
 * with charts, and "you said, we did". It is written to be published, so exempt (Part B) items
 * are counted but never quoted.
 */
import { formatDate } from '../../../shared/domain/dates';
import { formatValue } from '../../../shared/domain/format';
import { actionStatusLabel } from '../../../shared/domain/overdue';
import { parsePeriod } from '../../../shared/domain/periods';
import { quorumState, roleLabel, type MemberRole } from '../../../shared/domain/quorum';
import { directionArrow, directionLabel, directionOfTravel, ragStatus } from '../../../shared/domain/rag';
import { ApiError } from '../../../shared/api/errors';
import { documentFileName } from '../../../shared/api/exports';
import type { DB } from '../store/board-file';
import { loadCharts } from './charts';
import { annualFigures } from '../queries/annual';
import { byDueDate } from './action-log';
import {
  b,
  bullet,
  h1,
  h2,
  i,
  image,
  OVERDUE_FILL,
  p,
  ragCell,
  renderDocument,
  table,
  title,
  type Block,
  type CellInput,
} from './kit';
import { chartInput } from './scorecard';
import { shortPeriodLabel } from '../../../shared/charts/measure-chart';
import { visitsAnnualSection } from './visits';

const pct = (n: number, d: number) => (d ? `${Math.round((n / d) * 100)}%` : '–');

export async function annualDocument(
  db: DB,
  today: string,
  from: string,
  to: string,
): Promise<{ fileName: string; data: Buffer }> {
  if (from > to)
    throw new ApiError(
      'invalid_input',
      `The report cannot start (${formatDate(from)}) after it ends (${formatDate(to)})`,
    );
  const figures = annualFigures(db, today, from, to);
  const { board, meetings } = figures;
  const range = `${formatDate(from)} to ${formatDate(to)}`;
  /** "between 1 April 2026 and 31 March 2027" for use inside a sentence. */
  const between = `between ${formatDate(from)} and ${formatDate(to)}`;
  /** The range runs past today: the figures only go up to today. */
  const unfinished =
    to > today ? ` The period has not ended yet: the figures are to ${formatDate(today)}.` : '';

  const children: Block[] = [
    p(b(board.authority, { size: 28 })),
    title(board.name),
    p(b(`Annual report: ${range}`, { size: 28 })),
  ];

  // ---- Meetings held
  const decisions = meetings.flatMap((m) =>
    m.items.filter((it) => !it.exempt).flatMap((it) => it.decisions.map((d) => ({ m, it, d }))),
  );
  const exemptDecisions = meetings.flatMap((m) =>
    m.items.filter((it) => it.exempt).flatMap((it) => it.decisions),
  ).length;
  children.push(h1('Summary'));
  children.push(
    p(
      `From ${range} the Board met ${meetings.length} ${meetings.length === 1 ? 'time' : 'times'}, considered ${meetings.reduce((s, m) => s + m.items.length, 0)} agenda items and made ${decisions.length + exemptDecisions} decisions.${unfinished}`,
    ),
  );

  children.push(h1('Meetings held'));
  if (!meetings.length) children.push(p('No meetings were held in this period.'));
  else
    children.push(
      table(
        ['Date', 'Type', 'Items', 'Quorum', 'Minutes'],
        meetings.map((m) => {
          const q = quorumState(
            m.quorum,
            m.attendance.map((a) => ({
              memberId: a.memberId,
              role: a.role,
              voting: a.voting,
              status: a.status,
              remote: a.remote,
            })),
          );
          return [
            formatDate(m.date),
            m.type === 'extraordinary' ? 'Extraordinary' : 'Ordinary',
            `${m.items.length}${m.items.some((x) => x.exempt) ? ` (${m.items.filter((x) => x.exempt).length} exempt)` : ''}`,
            q.text,
            m.status === 'minutes_approved' ? 'Approved' : 'Draft',
          ];
        }),
        [20, 14, 14, 36, 16],
      ),
    );

  // ---- Attendance
  children.push(h1('Attendance'));
  const byMember = new Map<
    number,
    { name: string; role: MemberRole; present: number; apologies: number; absent: number; recorded: number }
  >();
  for (const m of meetings)
    for (const a of m.attendance) {
      const row = byMember.get(a.memberId) ?? {
        name: a.name,
        role: a.role,
        present: 0,
        apologies: 0,
        absent: 0,
        recorded: 0,
      };
      row.recorded += 1;
      if (a.status === 'present' || a.status === 'substitute') row.present += 1;
      else if (a.status === 'apologies') row.apologies += 1;
      else row.absent += 1;
      byMember.set(a.memberId, row);
    }
  const order = new Map(board.members.map((mb, k) => [mb.id, k]));
  const att = [...byMember.entries()].sort((x, y) => (order.get(x[0]) ?? 0) - (order.get(y[0]) ?? 0));
  if (!att.length) children.push(p('No attendance was recorded in this period.'));
  else {
    children.push(
      p(
        'Attendance is the share of the meetings each member was expected at that they attended (in person or as a substitute).',
        { keepNext: true },
      ),
    );
    children.push(
      table(
        ['Member', 'Role', 'Attended', 'Apologies', 'Absent', 'Attendance'],
        att.map(([, r]) => [
          r.name,
          roleLabel[r.role],
          `${r.present} of ${r.recorded}`,
          String(r.apologies),
          String(r.absent),
          { content: [b(pct(r.present, r.recorded))] },
        ]),
        [26, 26, 13, 12, 10, 13],
      ),
    );
  }

  // ---- Decisions
  children.push(h1('Decisions'));
  if (!decisions.length && !exemptDecisions) children.push(p('No decisions were recorded in this period.'));
  for (const m of meetings) {
    const list = decisions.filter((d) => d.m.id === m.id);
    if (!list.length) continue;
    children.push(h2(`Meeting on ${formatDate(m.date)}`));
    for (const d of list)
      children.push(
        bullet([
          b(`Item ${d.it.position}, ${d.it.title}: `),
          `RESOLVED that ${d.d.text.replace(/^\s*(resolved\s+)?that\s+/i, '')}`,
        ]),
      );
  }
  if (exemptDecisions)
    children.push(
      p(
        i(
          `${exemptDecisions} ${exemptDecisions === 1 ? 'decision was' : 'decisions were'} made on exempt (Part B) items and ${exemptDecisions === 1 ? 'is' : 'are'} not reported here.`,
        ),
      ),
    );

  // ---- Actions
  const actions = byDueDate(figures.actions);
  const completed = actions.filter(
    (a) => a.completedAt && a.completedAt.slice(0, 10) >= from && a.completedAt.slice(0, 10) <= to,
  );
  const outstanding = actions.filter(
    (a) => (a.status === 'open' || a.status === 'in_progress') && (!a.meetingDate || a.meetingDate <= to),
  );
  const describe = (a: (typeof actions)[number]) =>
    a.itemExempt ? 'Action arising from an exempt item.' : a.description;
  children.push(h1('Actions'));
  children.push(
    p(
      `${completed.length} ${completed.length === 1 ? 'action was' : 'actions were'} completed in the period; ${outstanding.length} ${outstanding.length === 1 ? 'is' : 'are'} outstanding (${outstanding.filter((a) => a.overdue).length} overdue at ${formatDate(today)}).`,
      { keepNext: true },
    ),
  );
  children.push(h2(`Completed (${completed.length})`));
  children.push(
    completed.length
      ? table(
          ['Action', 'Owner', 'Completed'],
          completed.map((a) => [
            describe(a),
            a.owner || 'Not assigned',
            formatDate(a.completedAt!.slice(0, 10)),
          ]),
          [60, 22, 18],
        )
      : p('None.'),
  );
  children.push(h2(`Outstanding (${outstanding.length})`));
  children.push(
    outstanding.length
      ? table(
          ['Action', 'Owner', 'Due date', 'Status'],
          outstanding.map((a): CellInput[] => [
            describe(a),
            a.owner || 'Not assigned',
            formatDate(a.dueDate),
            a.overdue
              ? { content: [b(actionStatusLabel(a.status, a.daysOverdue))], fill: OVERDUE_FILL }
              : actionStatusLabel(a.status, false),
          ]),
          [50, 20, 14, 16],
        )
      : p('None.'),
  );

  // ---- Member visits
  children.push(...visitsAnnualSection(db, today, from, to));

  // ---- Principle coverage
  children.push(h1('Corporate Parenting Principles'));
  const principles = figures.principles;
  const links = figures.coverage;
  const itemMeeting = new Map(meetings.flatMap((m) => m.items.map((it) => [it.id, m.id] as const)));
  const coverage = principles.map((pr) => {
    const items = new Set(
      links.filter((l) => l.principle === pr.id && itemMeeting.has(l.item)).map((l) => l.item),
    );
    const mts = new Set([...items].map((it) => itemMeeting.get(it)));
    return { pr, items: items.size, meetings: mts.size };
  });
  const neglected = coverage.filter((c) => c.items === 0);
  const touched = principles.length - neglected.length;
  children.push(
    p(
      `The Children and Social Work Act 2017 sets out ${principles.length} principles the council must have regard to as corporate parent. The Board’s agenda items touched ${touched === principles.length ? `all ${principles.length}` : `${touched} of the ${principles.length}`} in this period` +
        (neglected.length
          ? `; it did not consider ${neglected.map((c) => `(${c.pr.code}) ${c.pr.shortTitle.toLowerCase()}`).join(', ')}.`
          : '.'),
      { keepNext: true },
    ),
  );
  children.push(
    table(
      ['Principle', 'Items', 'Meetings', 'Coverage'],
      coverage.map((c) => [
        `(${c.pr.code}) ${c.pr.shortTitle}: ${c.pr.wording}`,
        String(c.items),
        String(c.meetings),
        c.items ? 'Considered' : { content: [b('Not considered')], fill: OVERDUE_FILL },
      ]),
      [58, 12, 12, 18],
    ),
  );

  // ---- Scorecard trends
  children.push(h1('Scorecard trends', { pageBreakBefore: true }));
  const inRange = (period: string) => {
    const pp = parsePeriod(period);
    return pp !== null && pp.end >= from && pp.start <= to;
  };
  // Charts also show the year before the report, so the year's figures can be read against it.
  const contextFrom = `${Number(from.slice(0, 4)) - 1}${from.slice(4)}`;
  const inChart = (period: string) => {
    const pp = parsePeriod(period);
    return pp !== null && pp.end >= contextFrom && pp.start <= to;
  };
  const all = figures.series;
  const series = all.map((s) => ({ ...s, values: s.values.filter((v) => inRange(v.period)) }));
  const withData = series.filter((s) => s.values.length > 0);
  children.push(
    p(
      `Figures for periods falling ${between}: ${withData.length} of ${series.length} measures have figures. ` +
        `Each chart also shows the year before (from ${formatDate(contextFrom)}) for comparison.${unfinished}`,
      { keepNext: true },
    ),
  );
  if (withData.length) {
    children.push(
      table(
        ['Measure', 'First in period', 'Latest in period', 'Direction', 'RAG now'],
        withData.map((s) => {
          const first = s.values[0]!;
          const last = s.values.at(-1)!;
          const dot = directionOfTravel(s.values.length > 1 ? [first, last] : [last], s.polarity);
          const arrow = directionArrow(dot.direction, last.value, first.value);
          return [
            `${s.code} ${s.title}`,
            `${formatValue(first.value, s.unit)} (${shortPeriodLabel(first.period)})`,
            `${formatValue(last.value, s.unit)} (${shortPeriodLabel(last.period)})`,
            s.values.length > 1
              ? `${arrow === '–' ? '' : `${arrow} `}${directionLabel[dot.direction]}`
              : 'One figure only',
            ragCell(
              ragStatus({
                value: last.value,
                target: s.target,
                tolerance: s.tolerance,
                polarity: s.polarity,
              }),
            ),
          ];
        }),
        [34, 20, 20, 14, 12],
      ),
    );
    const charts = await loadCharts();
    for (const s of withData) {
      const full = all.find((x) => x.id === s.id)!;
      const shownPoints = (list: typeof full.values) => list.filter((v) => inChart(v.period));
      const shown = {
        ...full,
        values: shownPoints(full.values),
        comparators: {
          england: shownPoints(full.comparators.england),
          neighbours: shownPoints(full.comparators.neighbours),
          region: shownPoints(full.comparators.region),
        },
      };
      children.push(h2(`${s.code} ${s.title}`));
      children.push(image(charts.measureChartPng(chartInput(shown, board.authority), `Trend ${s.code}`)));
    }
  }

  // ---- You said, we did
  children.push(h1('You said, we did', { pageBreakBefore: true }));
  const voice = figures.voice;
  if (!voice.length) children.push(p('No “you said, we did” entries fall within this period.'));
  else
    children.push(
      table(
        ['You said', 'We did', 'Status'],
        voice.map((v) => [
          `${v.said}\n${v.source}, ${formatDate(v.saidDate)}${v.priority ? `\nPriority: ${v.priority}` : ''}`,
          v.did ? `${v.did}${v.didDate ? `\n${formatDate(v.didDate)}` : ''}` : 'Not yet done.',
          { open: 'Open', in_progress: 'In progress', done: 'Done' }[v.status],
        ]),
        [42, 42, 16],
      ),
    );

  const data = await renderDocument({
    board,
    title: `${board.name}: annual report, ${range}`,
    subject: `Annual report of the ${board.name}, ${range}`,
    children,
  });
  return {
    fileName: documentFileName(board, { kind: 'annual', from: formatDate(from), to: formatDate(to) }),
    data,
  };
}
