/**
 * A board's archive of many years, built through the API (`cpb generate`): the same dispatch,
 * rules, triggers and audit rows as a clerk's own work, on a clock that walks through the years.
 * Seeded, so the same options always give the same board. About six meetings a year of twelve
 * items each, with minutes, decisions, attendance and some forty actions per meeting that are
 * updated and completed at the meetings that follow; sixty measures with quarterly figures,
 * England comparators and commentary; a hundred "you said, we did" entries a year. What the
 * performance figures of `npm run bench` are measured on (issue 17).
 */
import { existsSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { setAsideLeftoverSidecars } from '../leftover-sidecars';
import type { ApiInput, ApiOutput, MethodName } from '../../../shared/api';
import type { Clock } from '../clock';
import { dispatch } from '../dispatch';
import { Session } from '../session';
import { createBoardFromTemplate } from '../templates';
import {
  FIRST_NAMES,
  FREE_TEXT_OWNERS,
  LAST_NAMES,
  MEASURES,
  PRIORITIES,
  SETTINGS,
  SPECIAL_ITEMS,
  WARDS,
  textMaker,
} from './archive-text';
import {
  addDays,
  checkIsoDate,
  mulberry32,
  nearestWeekday,
  quarterIndexOf,
  quarterLabel,
  quarterStart,
} from './util';

export interface ArchiveOptions {
  /** How many years of meetings, ending at `today`. */
  years: number;
  /** The board's today (ISO date): meetings before it are held, the next ones are on the agenda. */
  today: string;
  /** Seed of the random choices (default 17). */
  seed?: number;
  /** Called now and then with what has been done, for a progress line. */
  onProgress?: (done: string) => void;
}

export interface ArchiveCounts {
  meetings: number;
  items: number;
  actions: number;
  updates: number;
  decisions: number;
  values: number;
  voice: number;
  members: number;
  visits: number;
  votes: number;
  commands: number;
}

/** A clock the generator moves through the years; each reading is a millisecond later, so stamps keep their order. */
class WalkingClock implements Clock {
  private base = 0;
  private tick = 0;
  private day = '';
  set(date: string, time = '09:00'): void {
    this.day = checkIsoDate(date);
    this.base = Date.parse(`${date}T${time}:00Z`);
    this.tick = 0;
  }
  now = (): Date => new Date(this.base + this.tick++ * 1000);
  today = (): string => this.day;
}

type Open = { id: number; due: string; updatesLeft: number; fate: 'complete' | 'closed' | 'abandoned' };

const para = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const bullets = (lines: string[]) => ({
  type: 'bulletList',
  content: lines.map((l) => ({ type: 'listItem', content: [para(l)] })),
});

/** Writes the archive to `file` (refusing to overwrite one), through a temporary file renamed at the end. */
export async function generateArchive(file: string, opts: ArchiveOptions): Promise<ArchiveCounts> {
  if (!Number.isInteger(opts.years) || opts.years < 1 || opts.years > 50)
    throw new Error('years must be a whole number from 1 to 50');
  const today = checkIsoDate(opts.today);
  if (existsSync(file)) throw new Error(`${file} already exists; CPB will not overwrite a board file`);
  const tmp = path.join(
    path.dirname(path.resolve(file)),
    `.${path.basename(file)}.${process.pid}.generating`,
  );
  const clean = () => {
    for (const f of [tmp, `${tmp}-wal`, `${tmp}-shm`]) rmSync(f, { force: true });
  };
  clean();
  createBoardFromTemplate(tmp, 'blank', {
    authority: 'Westmere Borough Council',
    boardName: 'Corporate Parenting Board',
    actor: 'cpb generate',
  });
  const clock = new WalkingClock();
  const session = new Session('cpb generate', clock);
  try {
    clock.set(addDays(today, -opts.years * 366 - 60));
    session.open(tmp);
    // A new file being built and renamed into place at the end: no need to wait for the disk on each step.
    session.ctx().db.pragma('synchronous = OFF');
    const counts = await build(session, clock, { ...opts, today });
    session.close();
    setAsideLeftoverSidecars(file);
    renameSync(tmp, file);
    return counts;
  } finally {
    session.close();
    clean();
  }
}

async function build(
  session: Session,
  clock: WalkingClock,
  opts: ArchiveOptions & { today: string },
): Promise<ArchiveCounts> {
  const rnd = mulberry32(opts.seed ?? 17);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const chance = (p: number) => rnd() < p;
  const between = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const text = textMaker(pick, rnd);
  const counts: ArchiveCounts = {
    meetings: 0,
    items: 0,
    actions: 0,
    updates: 0,
    decisions: 0,
    values: 0,
    voice: 0,
    members: 0,
    visits: 0,
    votes: 0,
    commands: 0,
  };

  async function call<M extends MethodName>(method: M, input: ApiInput<M>): Promise<ApiOutput<M>> {
    counts.commands += 1;
    const r = await dispatch(session, method, input);
    if (!r.ok) throw new Error(`cpb generate: ${method} was refused: ${r.error.message}`);
    return r.value as ApiOutput<M>;
  }

  const { today } = opts;
  const start = addDays(today, -Math.round(opts.years * 365.25));

  // ---- The board's rule, its priorities and measures
  await call('board.setQuorum', { count: 3, role: 'elected_member', votingOnly: true });
  const priorities: { id: number; title: string; topics: readonly string[] }[] = [];
  for (const p of PRIORITIES) {
    const { id } = await call('priority.create', {
      code: p.code,
      title: p.title,
      description: p.description,
    });
    priorities.push({ id, title: p.title, topics: p.topics });
  }
  const measures: { id: number; base: number; unit: string; polarity: string; trend: number }[] = [];
  for (const [pi, list] of MEASURES.entries()) {
    for (const [mi, [title, unit, polarity, base, target]] of list.entries()) {
      const { id } = await call('measure.create', {
        code: `${PRIORITIES[pi]!.code}.${String(mi + 1).padStart(2, '0')}`,
        title,
        unit,
        polarity,
        target,
        tolerance: target === null ? 0 : Math.max(1, Math.round(Math.abs(target) * 0.05)),
        frequency: 'quarterly',
        owner: pick(FREE_TEXT_OWNERS),
        source: 'Children’s services case management system',
        priorityId: priorities[pi]!.id,
        links: { priorities: [], pledges: [], principles: [1 + ((pi + mi) % 7)] },
      });
      measures.push({ id, base, unit, polarity, trend: (rnd() - 0.5) * 0.02 });
    }
  }

  // ---- Members: elected members in four-year terms, officers, partners and a young people's representative
  type Member = { id: number; name: string; role: string; from: string; to: string | null };
  const members: Member[] = [];
  const person = () => `${pick(FIRST_NAMES)} ${pick(LAST_NAMES)}`;
  async function addMember(
    role: 'elected_member' | 'officer' | 'partner_agency' | 'young_person',
    from: string,
    to: string | null,
    jobTitle: string,
    organisation: string,
  ): Promise<Member> {
    const name = role === 'elected_member' ? `Cllr ${person()}` : person();
    const m = await call('member.create', {
      name,
      role,
      jobTitle,
      organisation,
      voting: role === 'elected_member',
      activeFrom: from,
      activeTo: to,
    });
    counts.members += 1;
    const member = { id: m.id, name, role, from, to };
    members.push(member);
    return member;
  }
  const terms: { from: string; to: string | null }[] = [];
  for (let t = start; t <= today; t = addDays(t, 4 * 365 + 1)) {
    const end = addDays(t, 4 * 365);
    terms.push({ from: t, to: end >= today ? null : end });
  }
  const chairs: Member[] = [];
  for (const term of terms) {
    for (let i = 0; i < 7; i++) {
      const m = await addMember(
        'elected_member',
        term.from,
        term.to,
        i === 0 ? 'Chair; Lead Member for Children' : 'Councillor',
        `${pick(WARDS)} ward`,
      );
      if (i === 0) chairs.push(m);
    }
  }
  for (const [title, org] of [
    ['Director of Children’s Services', 'Westmere Borough Council'],
    ['Head of Children in Care', 'Westmere Borough Council'],
    ['Virtual School Head', 'Westmere Borough Council'],
    ['Designated Nurse for Children in Care', 'Westmere Integrated Care Board'],
    ['Detective Inspector, Public Protection', 'Westmere Police'],
  ] as const) {
    const span = Math.round((opts.years * 365) / 3);
    for (let t = start; t <= today; t = addDays(t, span + 1)) {
      const end = addDays(t, span);
      const role = org === 'Westmere Borough Council' ? 'officer' : 'partner_agency';
      await addMember(role, t, end >= today ? null : end, title, org);
    }
  }
  for (let t = start; t <= today; t = addDays(t, 2 * 365 + 1)) {
    const end = addDays(t, 2 * 365);
    await addMember('young_person', t, end >= today ? null : end, 'Children in Care Council', '');
  }
  const activeOn = (date: string) => members.filter((m) => m.from <= date && (m.to === null || m.to >= date));
  const chairOn = (date: string) =>
    chairs.find((c) => c.from <= date && (c.to === null || c.to >= date)) ?? chairs.at(-1)!;
  const officersOn = (date: string) => activeOn(date).filter((m) => m.role !== 'elected_member');

  // ---- The timeline: figures each quarter, voice entries, meetings, in date order
  const meetingDates: string[] = [];
  for (let y = Number(start.slice(0, 4)); y <= Number(today.slice(0, 4)) + 1; y++) {
    for (const month of [1, 3, 5, 7, 9, 11]) {
      const d = nearestWeekday(`${y}-${String(month).padStart(2, '0')}-12`, 2);
      if (d >= start) meetingDates.push(d);
    }
  }
  const held = meetingDates.filter((d) => d < today);
  const upcoming = meetingDates.filter((d) => d >= today).slice(0, 2);

  const open: Open[] = [];
  let previous: number | null = null;
  let lastFigures = quarterIndexOf(start) - 1;
  const level = measures.map((m) => m.base);
  let voiceDay = start;
  let special = 0;

  async function figuresUpTo(date: string): Promise<void> {
    // Each quarter's figures are in about six weeks after it ends.
    for (let q = lastFigures + 1; ; q++) {
      const due = addDays(quarterStart(q + 1), 45);
      if (due > date) break;
      clock.set(due, '14:00');
      const period = quarterLabel(q);
      for (const [i, m] of measures.entries()) {
        const drift = level[i]! * (m.trend + (rnd() - 0.5) * 0.08);
        level[i] = Math.max(0, level[i]! + drift);
        const value =
          m.unit === 'percent'
            ? Math.min(100, Math.round(level[i]! * 10) / 10)
            : Math.round(level[i]! * 10) / 10;
        await call('measure.setValue', { measureId: m.id, period, value });
        counts.values += 1;
        if (i % 3 === 0)
          await call('measure.setComparator', {
            measureId: m.id,
            kind: 'england',
            period,
            value: Math.round(m.base * (0.95 + rnd() * 0.1) * 10) / 10,
          });
      }
      for (let k = 0; k < 8; k++) {
        const pi = between(0, priorities.length - 1);
        const mi = pi * 10 + between(0, 9);
        const topic = pick(priorities[pi]!.topics);
        await call('measure.setCommentary', {
          id: measures[mi]!.id,
          working: text.discussion(topic, 'The service', 1)[0]!,
          worried: text.discussion(topic, 'Members', 1)[0]!,
          next: `${text.action(topic)} by the end of ${quarterLabel(q + 2)}.`,
        });
      }
      lastFigures = q;
    }
  }

  async function voiceUpTo(date: string, meetingId: number | null): Promise<void> {
    // About a hundred a year, said at Children in Care Council sessions and surveys.
    while (addDays(voiceDay, 4) < date) {
      voiceDay = addDays(voiceDay, between(1, 6));
      clock.set(voiceDay, '16:00');
      const { said, did } = text.voice();
      const age = (Date.parse(opts.today) - Date.parse(voiceDay)) / 86_400_000;
      const done = age > 240 ? chance(0.9) : age > 60 ? chance(0.4) : false;
      const p = pick(priorities);
      await call('voice.create', {
        said,
        did: done ? did : '',
        saidDate: voiceDay,
        didDate: done ? addDays(voiceDay, between(20, 200)) : null,
        source: pick(['Children in Care Council', 'Care leavers’ forum', 'Annual survey', 'Review feedback']),
        priorityId: p.id,
        meetingId: chance(0.3) ? meetingId : null,
        status: done ? 'done' : age > 60 ? 'in_progress' : 'open',
      });
      counts.voice += 1;
    }
  }

  for (const [index, date] of held.entries()) {
    await figuresUpTo(date);
    await voiceUpTo(date, previous);
    const chair = chairOn(date);
    // Most cycles, a councillor or two visit a children's home or a supported lodging between
    // meetings (the setting named, never a child); the visit is reported at the next meeting.
    const visits: number[] = [];
    if (chance(0.6)) {
      const on = addDays(date, -between(25, 50));
      clock.set(on, '11:00');
      const councillors = activeOn(on).filter((m) => m.role === 'elected_member');
      const who = [pick(councillors), ...(chance(0.5) ? [pick(councillors)] : [])];
      const topic = pick(pick(priorities).topics);
      const kind = pick([
        'childrens_home',
        'childrens_home',
        'supported_accommodation',
        'short_breaks',
      ] as const);
      const { id } = await call('visit.create', {
        date: on,
        setting: `${pick(SETTINGS)} ${kind === 'supported_accommodation' ? 'supported lodgings' : kind === 'short_breaks' ? 'short breaks home' : 'children’s home'}`,
        settingKind: kind,
        announced: chance(0.7),
        findings: text.discussion(topic, 'Members', between(2, 4)).join(' '),
        memberIds: [...new Set(who.map((m) => m.id))],
      });
      visits.push(id);
      counts.visits += 1;
      if (chance(0.5)) {
        await call('visit.addAction', {
          visitId: id,
          description: `${text.action(topic)} (raised on the visit)`,
          ownerMemberId: null,
          ownerName: pick(FREE_TEXT_OWNERS),
          dueDate: addDays(on, between(30, 90)),
          urgency: pick(['high', 'medium', 'low'] as const),
        });
        counts.actions += 1;
      }
    }
    // Three weeks before: the agenda from the template, with three reports of the year.
    clock.set(addDays(date, -21), '10:00');
    const { id: meetingId } = await call('meeting.create', {
      date,
      startTime: '10:00',
      venue: pick(['Committee Room 1, Civic Centre', 'Council Chamber, Civic Centre', 'Westmere Family Hub']),
      chairMemberId: chair.id,
      type: chance(0.03) ? 'extraordinary' : 'ordinary',
      from: 'template',
    });
    counts.meetings += 1;
    for (let k = 0; k < 3; k++) {
      const [title, presenter] = SPECIAL_ITEMS[special++ % SPECIAL_ITEMS.length]!;
      const { id: itemId } = await call('item.add', {
        meetingId,
        title,
        kind: 'priority',
        afterPosition: 7 + k,
      });
      const p = priorities[(special + k) % priorities.length]!;
      await call('item.update', {
        itemId,
        title,
        presenter,
        purpose: chance(0.5) ? 'assurance' : 'decision',
        minutesAllowed: 20,
        exempt: false,
        exemptParagraph: null,
        reportAuthor: presenter,
        reportPurpose: `To update the board on ${title.toLowerCase()} and ${p.title.toLowerCase()}.`,
        recommendations: 'That the board notes the report and agrees the next steps it sets out.',
        priorityIds: [p.id],
        pledgeIds: [],
        principleIds: [1 + (special % 7)],
        papers: [
          {
            label: `${title} (${date.slice(0, 4)})`,
            ref: `https://westmere.example.gov.uk/papers/${meetingId}-${k + 1}.pdf`,
          },
          ...(chance(0.5)
            ? [
                {
                  label: `Appendix: ${p.title} data`,
                  ref: `https://westmere.example.gov.uk/papers/${meetingId}-${k + 1}a.pdf`,
                },
              ]
            : []),
        ],
      });
    }
    if (visits.length > 0) await call('visit.reportAt', { meetingId, visitIds: visits });
    clock.set(addDays(date, -7), '10:00');
    await call('snapshot.freeze', { meetingId });
    await call('meeting.setStatus', { id: meetingId, status: 'agenda_published' });

    // The day: attendance, approval of the last minutes, matters arising, minutes, decisions, actions.
    clock.set(date, '10:00');
    await call('meeting.setStatus', { id: meetingId, status: 'in_progress' });
    const here = activeOn(date);
    const elected = here.filter((m) => m.role === 'elected_member' && m.id !== chair.id);
    for (const m of here) {
      // The chair and two other councillors always come: the meeting is quorate.
      const present =
        m.id === chair.id || elected.indexOf(m) === 0 || elected.indexOf(m) === 1 || chance(0.85);
      await call('attendance.set', {
        meetingId,
        memberId: m.id,
        status: present ? 'present' : 'apologies',
        substituteForMemberId: null,
      });
    }
    const record = await call('meeting.get', { id: meetingId });
    const items = record.items;
    counts.items += items.length;
    // Some join online (counted present, not towards the quorum) or come late or leave early;
    // never the chair or the two councillors who keep the meeting quorate.
    const inRoom = new Set([chair.id, elected[0]?.id, elected[1]?.id]);
    for (const a of record.attendance ?? []) {
      if (a.status !== 'present' || inRoom.has(a.memberId)) continue;
      const r = rnd();
      if (r >= 0.15) continue;
      await call('attendance.setPresence', {
        meetingId,
        memberId: a.memberId,
        remote: r < 0.08,
        arrived: r >= 0.08 && r < 0.12 ? { itemId: items[2]!.id, time: '10:20' } : null,
        left: r >= 0.12 ? { itemId: items[items.length - 2]!.id, time: '12:15' } : null,
      });
    }
    if (chance(0.15)) {
      const who = pick(here.filter((m) => m.role === 'elected_member'));
      await call('declaration.add', {
        meetingId,
        memberId: who.id,
        itemId: items[7]!.id,
        kind: 'other_registrable',
        nature: 'A family member is a foster carer for the council',
      });
    }
    if (previous !== null)
      await call('meeting.approveMinutes', { meetingId: previous, atMeetingId: meetingId });

    // Matters arising: each open action of earlier meetings gets its update.
    for (const a of [...open]) {
      a.updatesLeft -= 1;
      const last = a.updatesLeft <= 0;
      const status = last && a.fate !== 'abandoned' ? a.fate : 'in_progress';
      await call('action.addUpdate', {
        actionId: a.id,
        text:
          last && a.fate === 'complete'
            ? 'Completed: the findings were circulated to members.'
            : text.update(),
        date,
        meetingId,
        status,
      });
      counts.updates += 1;
      if (last) open.splice(open.indexOf(a), 1);
    }

    const names = here.map((m) => m.name);
    for (const item of items) {
      const topic = pick(pick(priorities).topics);
      const long = item.kind === 'priority' || item.kind === 'scorecard' || item.kind === 'voice';
      const content = [
        para(`${item.presenter || 'The chair'} introduced the item.`),
        ...text.discussion(topic, pick(names), long ? between(3, 6) : 1).map(para),
        ...(long && chance(0.6)
          ? [bullets(text.discussion(topic, pick(names), 3).map((s) => s.replace(/\.$/, '')))]
          : []),
      ];
      await call('item.saveMinutes', { itemId: item.id, doc: { type: 'doc', content } });
      if (item.kind === 'minutes' || long) {
        const resolution =
          item.kind === 'minutes'
            ? 'the minutes of the last meeting be approved as a correct record'
            : text.resolution(topic);
        const decision = await call('decision.add', { itemId: item.id, text: resolution });
        counts.decisions += 1;
        // Now and then a decision is put to the vote (the counts recorded, as most boards do).
        if (item.kind === 'priority' && chance(0.1)) {
          // Never more votes than the three councillors always in the room (the chair and two).
          const r = rnd();
          await call('vote.record', {
            decisionId: decision.id,
            for: 2,
            against: r < 0.5 ? 1 : 0,
            abstain: r >= 0.5 && r < 0.8 ? 1 : 0,
            castingVote: null,
            names: [],
          });
          counts.votes += 1;
        }
      }
    }
    // About forty actions a meeting, on the items where work is agreed.
    const working = items.filter((i) =>
      ['action_log', 'voice', 'scorecard', 'priority', 'aob'].includes(i.kind),
    );
    const officers = officersOn(date);
    const howMany = between(36, 48);
    for (let k = 0; k < howMany; k++) {
      const item = working[k % working.length]!;
      const topic = pick(pick(priorities).topics);
      const byMember = chance(0.6) && officers.length > 0;
      const due = addDays(date, between(25, 110));
      const { id } = await call('meeting.addAction', {
        itemId: item.id,
        description: `${text.action(topic)} (${item.title.toLowerCase()})`,
        ownerMemberId: byMember ? pick(officers).id : null,
        ownerName: byMember ? '' : pick(FREE_TEXT_OWNERS),
        dueDate: due,
        urgency: pick(['high', 'medium', 'medium', 'low'] as const),
      });
      counts.actions += 1;
      const r = rnd();
      open.push({
        id,
        due,
        updatesLeft: between(1, 3),
        fate: r < 0.06 ? 'abandoned' : r < 0.14 ? 'closed' : 'complete',
      });
    }
    clock.set(date, '13:00');
    await call('meeting.setStatus', { id: meetingId, status: 'minutes_draft' });
    previous = meetingId;
    if (index % 6 === 5)
      opts.onProgress?.(`${date.slice(0, 4)}: ${counts.meetings} meetings, ${counts.actions} actions`);
  }

  // ---- Up to today, and the next meetings on the agenda
  await figuresUpTo(today);
  await voiceUpTo(today, previous);
  for (const [k, date] of upcoming.entries()) {
    clock.set(addDays(today, -1), '11:00');
    const { id } = await call('meeting.create', {
      date,
      startTime: '10:00',
      venue: 'Committee Room 1, Civic Centre',
      chairMemberId: chairOn(date).id,
      type: 'ordinary',
      from: 'copy_last',
    });
    counts.meetings += 1;
    if (k === 0) await call('meeting.setStatus', { id, status: 'agenda_published' });
  }
  clock.set(today, '09:00');
  return counts;
}
