/**
 * The annual report a board presents: the chair's foreword and the narrative the clerk writes in
 * the app (kept per council year, migration 0011), the year at a glance, the year's themes from
 * the Corporate Parenting Principles its agenda covered, the voice of children and young people
 * ("you said, we did"), meetings and attendance, the decisions of substance, actions completed,
 * closed and outstanding, each measure's year in a chart with commentary, and the forward plan of
 * meetings to come. It is written to be published, so exempt (Part B) items are counted but never
 * quoted.
 */
import { annualSectionLabel, councilYearOf, type AnnualSection } from '../../../shared/api/annual';
import { ApiError } from '../../../shared/api/errors';
import { documentFileName } from '../../../shared/api/exports';
import { shortPeriodLabel } from '../../../shared/charts/measure-chart';
import { addDaysIso, formatDate, formatDateWithDay } from '../../../shared/domain/dates';
import { measureFormat } from '../../../shared/domain/format';
import { actionStatusLabel } from '../../../shared/domain/overdue';
import { parsePeriod } from '../../../shared/domain/periods';
import { quorumState, roleLabel, type MemberRole } from '../../../shared/domain/quorum';
import {
  directionArrow,
  directionLabel,
  directionOfTravel,
  ragLabel,
  ragStatus,
} from '../../../shared/domain/rag';
import type { DB } from '../store/board-file';
import { annualFigures } from '../queries/annual';
import { annualWords } from '../queries/annual-text';
import { forwardPlan } from '../queries/forward-plan';
import type { MeetingRecord, RecordItem } from '../queries/meeting';
import { byDueDate, closingNote, raisedOn } from './action-log';
import { loadCharts } from './charts';
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
  listCounter,
  OVERDUE_FILL,
  p,
  ragCell,
  table,
  title,
  type Block,
  type CellInput,
  type Described,
} from './kit';
import { minutesParagraphs } from './rich-text';
import { axisNote, chartInput, DOCUMENT_CHART_HEIGHT } from './scorecard';
import { visitsAnnualSection } from './visits';

const pct = (n: number, d: number) => (d ? `${Math.round((n / d) * 100)}%` : '–');
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Agenda items whose decisions are the meeting's own housekeeping, not decisions of substance. */
const PROCEDURAL_KINDS: ReadonlySet<RecordItem['kind']> = new Set([
  'welcome',
  'declarations',
  'minutes',
  'next_meeting',
]);
/** "…the minutes of the meeting held on … be approved as a correct record", wherever it was recorded. */
const MINUTES_APPROVED = /\bminutes\b.*\b(approved|agreed|confirmed|signed)\b.*\bcorrect record\b/i;

export function isProcedural(item: Pick<RecordItem, 'kind'>, decision: { text: string }): boolean {
  return PROCEDURAL_KINDS.has(item.kind) || MINUTES_APPROVED.test(decision.text);
}

const stripThat = (d: string) => d.replace(/^\s*(resolved\s+)?that\s+/i, '').trim();

export async function annualDocument(db: DB, today: string, from: string, to: string): Promise<Described> {
  if (from > to)
    throw new ApiError(
      'invalid_input',
      `The report cannot start (${formatDate(from)}) after it ends (${formatDate(to)})`,
    );
  if (from > today)
    throw new ApiError(
      'invalid_input',
      `There is nothing to report yet: the period starts on ${formatDate(from)}, after today (${formatDate(today)}). Choose a period that has started.`,
    );
  const figures = annualFigures(db, today, from, to);
  const { board, meetings } = figures;
  const year = councilYearOf(from);
  const words = annualWords(db, year);
  const range = `${formatDate(from)} to ${formatDate(to)}`;
  /** The range runs past today: the figures only go up to today. */
  const unfinished = to > today;
  const asAt = unfinished ? ` The period has not ended yet: the figures are to ${formatDate(today)}.` : '';
  const isCouncilYear =
    from === `${year.slice(0, 4)}-04-01` && to === `${Number(year.slice(0, 4)) + 1}-03-31`;
  const reportTitle = isCouncilYear ? `Annual report ${year}` : `Annual report, ${range}`;

  /** A section the clerk wrote, as paragraphs (blank lines, "- " bullets and "1. " lists kept); none if empty. */
  const nextList = listCounter();
  const written = (section: AnnualSection): Block[] => {
    const body = words.sections[section].body.trim();
    return body ? minutesParagraphs(null, body, { nextListInstance: nextList }) : [];
  };

  // ---- The year's figures
  const items = meetings.flatMap((m) => m.items.map((it) => ({ m, it })));
  const allDecisions = items.flatMap(({ m, it }) => it.decisions.map((d) => ({ m, it, d })));
  const procedural = allDecisions.filter(({ it, d }) => !it.exempt && isProcedural(it, d));
  const exemptDecisions = allDecisions.filter(({ it }) => it.exempt);
  const substantive = allDecisions.filter(({ it, d }) => !it.exempt && !isProcedural(it, d));

  const actions = byDueDate(figures.actions);
  const inPeriod = (date: string | null) => date !== null && date >= from && date <= to;
  const finished = actions.map((a) => ({ a, end: closingNote(a) })).filter(({ end }) => inPeriod(end.date));
  const completed = finished.filter(({ a }) => a.status === 'complete');
  const closed = finished.filter(({ a }) => a.status === 'closed');
  const raised = actions.filter((a) => inPeriod(raisedOn(a)));
  const outstanding = actions.filter(
    (a) => (a.status === 'open' || a.status === 'in_progress') && raisedOn(a) <= to,
  );
  const describe = (a: (typeof actions)[number]) =>
    a.itemExempt ? 'Action on an exempt (Part B) item.' : a.description;

  const principles = figures.principles;
  const itemMeeting = new Map(meetings.flatMap((m) => m.items.map((it) => [it.id, m.id] as const)));
  const coverage = principles.map((pr) => {
    const linked = new Set(
      figures.coverage.filter((l) => l.principle === pr.id && itemMeeting.has(l.item)).map((l) => l.item),
    );
    return { pr, items: linked.size, meetings: new Set([...linked].map((it) => itemMeeting.get(it))).size };
  });
  const neglected = coverage.filter((c) => c.items === 0);
  const touched = principles.length - neglected.length;
  const voice = figures.voice;

  const children: Block[] = [
    p(b(board.authority, { size: 28 })),
    title(board.name),
    p(b(reportTitle, { size: 32 })),
    factsTable([
      ['Period', range],
      [
        'Meetings',
        meetings.length
          ? `${plural(meetings.length, 'meeting', 'meetings')} held (${meetings.map((m) => formatDate(m.date)).join('; ')})`
          : 'None held in the period',
      ],
      [
        'Prepared',
        `${formatDate(today)}${unfinished ? ' — the period has not ended: figures are to this date' : ''}`,
      ],
    ]),
    contents(1),
  ];

  // ---- Foreword
  const foreword = written('foreword');
  if (foreword.length) {
    children.push(h1(annualSectionLabel.foreword));
    children.push(...foreword);
    const chair = [...meetings].reverse().find((m) => m.chair)?.chair;
    if (chair) children.push(p(b(`${chair}, Chair of the ${board.name}`)));
  }

  // ---- The year at a glance
  children.push(h1('The year at a glance'));
  if (!meetings.length) {
    children.push(
      p(
        `The Board did not meet between ${formatDate(from)} and ${formatDate(to)}, so this report has no meetings, attendance or decisions to record.${asAt}`,
      ),
    );
  } else {
    const extraordinary = meetings.filter((m) => m.type === 'extraordinary').length;
    children.push(
      p(
        `Between ${formatDate(from)} and ${formatDate(to)} the Board met ${meetings.length === 1 ? 'once' : `${meetings.length} times`}` +
          `${extraordinary ? ` (${plural(extraordinary, 'extraordinary meeting', 'extraordinary meetings')})` : ''}` +
          ` and considered ${plural(items.length, 'agenda item', 'agenda items')}.${asAt}`,
      ),
    );
  }
  children.push(
    bullet(
      `${plural(substantive.length + exemptDecisions.length, 'decision', 'decisions')} of substance` +
        (exemptDecisions.length ? ` (${exemptDecisions.length} on exempt items, not reported here)` : '') +
        (procedural.length
          ? `, besides ${plural(procedural.length, 'procedural decision', 'procedural decisions')} such as approving minutes`
          : '') +
        '.',
    ),
    bullet(
      `${plural(raised.length, 'action', 'actions')} agreed; ${plural(completed.length, 'action', 'actions')} completed and ${closed.length} closed in the period; ${outstanding.length} still open (${outstanding.filter((a) => a.overdue).length} overdue at ${formatDate(today)}).`,
    ),
    bullet(
      `The agenda touched ${touched === principles.length ? `all ${principles.length}` : `${touched} of the ${principles.length}`} Corporate Parenting Principles.`,
    ),
    bullet(
      `${plural(voice.length, '“you said, we did” entry', '“you said, we did” entries')} from children and young people; ${voice.filter((v) => v.status === 'done').length} acted on.`,
    ),
  );

  // ---- The year in review
  const highlights = written('highlights');
  if (highlights.length) children.push(h1(annualSectionLabel.highlights), ...highlights);

  // ---- Themes: the principles the agenda returned to
  children.push(h1('Themes of the year'));
  const ranked = coverage.filter((c) => c.items > 0).sort((x, y) => y.items - x.items || x.pr.id - y.pr.id);
  const named = (c: (typeof coverage)[number]) => `(${c.pr.code}) ${c.pr.shortTitle.toLowerCase()}`;
  if (!ranked.length) {
    children.push(p('No agenda item in the period was linked to a Corporate Parenting Principle.'));
  } else {
    const top = ranked.slice(0, 3);
    children.push(
      p(
        `The Children and Social Work Act 2017 sets out ${principles.length} principles the council must have regard to as corporate parent. ` +
          `The Board’s agenda returned most often to ${top.map((c) => `${named(c)} (${plural(c.items, 'item', 'items')} at ${plural(c.meetings, 'meeting', 'meetings')})`).join(', ')}.` +
          (neglected.length
            ? ` It did not consider ${neglected.map(named).join(', ')}; the forward plan should make room for ${neglected.length === 1 ? 'it' : 'them'}.`
            : ` Every principle was considered at least once.`),
        { keepNext: true },
      ),
    );
  }
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

  // ---- Voice of the child
  children.push(h1(annualSectionLabel.voice));
  children.push(...written('voice'));
  if (!voice.length) children.push(p('No “you said, we did” entries fall within this period.'));
  else {
    children.push(
      p(
        `What children and young people told the Board in the period, and what was done: ${voice.filter((v) => v.status === 'done').length} done, ${voice.filter((v) => v.status === 'in_progress').length} in progress, ${voice.filter((v) => v.status === 'open').length} not yet started.`,
        { keepNext: true },
      ),
    );
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
  }

  // ---- Challenges
  const challenges = written('challenges');
  if (challenges.length) children.push(h1(annualSectionLabel.challenges), ...challenges);

  // ---- Meetings and attendance
  children.push(h1('Meetings and attendance'));
  if (!meetings.length) children.push(p('The Board held no meetings in this period.'));
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
          const exempt = m.items.filter((x) => x.exempt).length;
          return [
            formatDate(m.date),
            m.type === 'extraordinary' ? 'Extraordinary' : 'Ordinary',
            `${m.items.length}${exempt ? ` (${exempt} exempt)` : ''}`,
            q.text,
            m.status === 'minutes_approved' ? 'Approved' : 'Draft',
          ];
        }),
        [20, 14, 14, 36, 16],
      ),
    );
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
  if (att.length) {
    children.push(h2('Attendance'));
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

  // ---- Decisions of substance
  children.push(h1('Decisions'));
  if (!substantive.length && !exemptDecisions.length)
    children.push(p('No decisions of substance were recorded in this period.'));
  for (const m of meetings) {
    const list = substantive.filter((d) => d.m.id === m.id);
    if (!list.length) continue;
    children.push(h2(`Meeting on ${formatDate(m.date)}`));
    for (const d of list)
      children.push(
        bullet([b(`Item ${d.it.position}, ${d.it.title}: `), `RESOLVED that ${stripThat(d.d.text)}`]),
      );
  }
  const notListed: string[] = [];
  if (procedural.length)
    notListed.push(
      `${plural(procedural.length, 'procedural decision', 'procedural decisions')} (approving the minutes of earlier meetings and the like) ${procedural.length === 1 ? 'is' : 'are'} not listed`,
    );
  if (exemptDecisions.length)
    notListed.push(
      `${exemptDecisions.length === 1 ? '1 decision was' : `${exemptDecisions.length} decisions were`} made on exempt (Part B) items and ${exemptDecisions.length === 1 ? 'is' : 'are'} not reported here`,
    );
  if (notListed.length) children.push(p(i(`${notListed.join('; ')}.`.replace(/^./, (c) => c.toUpperCase()))));

  // ---- Actions
  children.push(h1('Actions'));
  children.push(
    p(
      `${plural(completed.length, 'action was', 'actions were')} completed and ${plural(closed.length, 'was', 'were')} closed in the period; ${plural(outstanding.length, 'action is', 'actions are')} outstanding (${outstanding.filter((a) => a.overdue).length} overdue at ${formatDate(today)}).`,
      { keepNext: true },
    ),
  );
  const finishedRow = ({ a, end }: (typeof finished)[number]): CellInput[] => [
    describe(a),
    a.itemExempt ? 'Withheld' : a.owner || 'Not assigned',
    end.date ? formatDate(end.date) : 'Not recorded',
    a.itemExempt
      ? 'Withheld'
      : (end.note?.text ?? (a.status === 'closed' ? 'No reason recorded.' : 'No note recorded.')),
  ];
  children.push(h2(`Completed (${completed.length})`));
  children.push(
    completed.length
      ? table(['Action', 'Owner', 'Completed', 'How'], completed.map(finishedRow), [42, 18, 14, 26])
      : p('None.'),
  );
  children.push(h2(`Closed without completion (${closed.length})`));
  children.push(
    closed.length
      ? table(['Action', 'Owner', 'Closed', 'Reason'], closed.map(finishedRow), [42, 18, 14, 26])
      : p('None.'),
  );
  children.push(h2(`Outstanding (${outstanding.length})`));
  children.push(
    outstanding.length
      ? table(
          ['Action', 'Owner', 'Due date', 'Status'],
          outstanding.map((a): CellInput[] => [
            describe(a),
            a.itemExempt ? 'Withheld' : a.owner || 'Not assigned',
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

  // ---- The year in figures: each measure's chart with commentary
  children.push(h1('The year in figures', { pageBreakBefore: true }));
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
      `Figures for periods falling between ${formatDate(from)} and ${formatDate(to)}: ${withData.length} of ${series.length} measures have figures. ` +
        `Each chart also shows the year before (from ${formatDate(contextFrom)}) for comparison.${asAt}`,
      { keepNext: true },
    ),
  );
  if (withData.length) {
    const fmtOf = (s: (typeof all)[number]) =>
      measureFormat(
        s.unit,
        [
          ...s.values.map((v) => v.value),
          s.target,
          ...s.comparators.england.map((v) => v.value),
          ...s.comparators.neighbours.map((v) => v.value),
          ...s.comparators.region.map((v) => v.value),
        ],
        s.decimals,
      );
    children.push(
      table(
        ['Measure', 'First in period', 'Latest in period', 'Direction', 'RAG now'],
        withData.map((s) => {
          const fmt = fmtOf(all.find((x) => x.id === s.id)!);
          const first = s.values[0]!;
          const last = s.values.at(-1)!;
          const dot = directionOfTravel(s.values.length > 1 ? [first, last] : [last], s.polarity, {
            unit: s.unit,
            decimals: s.decimals,
            similarBand: s.similarBand,
          });
          const arrow = directionArrow(dot.direction, last.value, first.value);
          return [
            `${s.code} ${s.title}`,
            `${fmt(first.value)} (${shortPeriodLabel(first.period)})`,
            `${fmt(last.value)} (${shortPeriodLabel(last.period)})`,
            s.values.length > 1
              ? `${arrow === '–' ? '' : `${arrow} `}${directionLabel[dot.direction]}`
              : 'One figure only',
            ragCell(
              ragStatus({
                value: last.value,
                target: s.target,
                tolerance: s.tolerance,
                polarity: s.polarity,
                unit: s.unit,
                decimals: s.decimals,
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
      const fmt = fmtOf(full);
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
      const png = charts.measureChartPng(chartInput(shown, board.authority), `Trend ${s.code}`, {
        height: DOCUMENT_CHART_HEIGHT,
      });
      await charts.releaseCharts(); // one chart's pixels at a time (chart-render.ts)
      const first = s.values[0]!;
      const last = s.values.at(-1)!;
      const rag = ragStatus({
        value: last.value,
        target: s.target,
        tolerance: s.tolerance,
        polarity: s.polarity,
        unit: s.unit,
        decimals: s.decimals,
      });
      const dot = directionOfTravel(s.values.length > 1 ? [first, last] : [last], s.polarity, {
        unit: s.unit,
        decimals: s.decimals,
        similarBand: s.similarBand,
      });
      const facts =
        (s.values.length > 1
          ? `From ${fmt(first.value)} in ${shortPeriodLabel(first.period)} to ${fmt(last.value)} in ${shortPeriodLabel(last.period)}: ${directionLabel[dot.direction].toLowerCase()}.`
          : `${fmt(last.value)} in ${shortPeriodLabel(last.period)}, the only figure in the period.`) +
        (s.target === null
          ? ' There is no target.'
          : ` Against the target of ${fmt(s.target)}: ${ragLabel[rag]}.`);
      const own = words.measures.get(s.id)?.body.trim() ?? '';
      const latest = [
        ['What is working well', full.commentary.working],
        ['What we are worried about', full.commentary.worried],
        ['What happens next', full.commentary.next],
      ].filter(([, t]) => t!.trim() !== '');
      children.push(
        ...keepTogether([
          h2(`${s.code} ${s.title}`),
          image(png),
          ...axisNote(png.axisFrom, fmt),
          p([b('The year: '), facts]),
          ...(own
            ? minutesParagraphs(null, own, { nextListInstance: nextList })
            : latest.map(([label, text]) => p([b(`${label}: `), text!]))),
        ]),
      );
    }
  }

  // ---- Looking ahead: the clerk's words and the meetings to come
  children.push(h1(annualSectionLabel.ahead));
  children.push(...written('ahead'));
  const planFrom = today > from ? addDaysIso(today, 1) : from;
  const planTo = addDaysIso(to, 366);
  const plan = forwardPlan(db, today, planFrom, planTo);
  children.push(h2('Forward plan'));
  if (!plan.length)
    children.push(
      p(
        `No further meetings have been arranged yet (between ${formatDate(planFrom)} and ${formatDate(planTo)}).`,
      ),
    );
  else {
    children.push(
      p(
        `${plural(plan.length, 'meeting is', 'meetings are')} arranged, with the business planned so far. Items may be added as each agenda is prepared.`,
        { keepNext: true },
      ),
    );
    children.push(table(['Meeting', 'Business planned'], plan.map(planRow), [30, 70]));
  }

  const spec = {
    board,
    title: `${board.name}: ${reportTitle.charAt(0).toLowerCase()}${reportTitle.slice(1)}`,
    subject: `Annual report of the ${board.name}, ${range}`,
    children,
  };
  return {
    spec,
    fileName: documentFileName(board, { kind: 'annual', from: formatDate(from), to: formatDate(to) }),
  };
}

/** One meeting of the forward plan: when and where, and its public business (exempt items counted only). */
function planRow(m: MeetingRecord): CellInput[] {
  const open = m.items.filter((it) => !it.exempt && !it.withdrawn);
  const exempt = m.items.filter((it) => it.exempt && !it.withdrawn).length;
  const business = open.length
    ? open.map((it) => `${it.position}. ${it.title}`).join('\n') +
      (exempt ? `\n${plural(exempt, 'exempt item', 'exempt items')} (Part B)` : '')
    : 'Agenda not yet prepared.';
  return [
    `${formatDateWithDay(m.date)}, ${m.startTime}${m.venue ? `\n${m.venue}` : ''}${m.type === 'extraordinary' ? '\nExtraordinary meeting' : ''}`,
    business,
  ];
}
