import type { SearchHit, SearchKind, SearchMeeting, SearchSegment } from '../../../shared/api/search';
import { formatDate } from '../../../shared/domain/dates';
import type { Ctx } from '../context';
import type { HandlerGroup } from '../handler-types';
import {
  hitAction,
  hitActionUpdate,
  hitDecision,
  hitItem,
  hitMeasure,
  hitMeeting,
  hitMember,
  hitPaper,
  hitVoice,
  matchCount,
  matches,
  type HitItemRow,
  type SearchRow,
} from '../store/search';

// Full-text search over the FTS5 table `search_index` (English stemming), which triggers keep in
// step with agenda items and their minutes, papers, decisions, actions, action updates, measures
// and their commentary, voice entries and members.

const MARK_START = '\u0002';
const MARK_END = '\u0003';
const MAX_TERMS = 16;

/**
 * Turns whatever the user typed into a safe FTS5 MATCH expression: every term is a quoted string
 * (so AND, OR, NOT, NEAR, brackets, colons and column names mean nothing), "quoted phrases" stay
 * phrases, a trailing * asks for a prefix match, and the last term is always a prefix so results
 * come as you type. Returns '' when there is nothing to search for.
 */
export function toFtsQuery(input: string): string {
  const terms: string[] = [];
  const re = /"([^"]*)"(\*?)|([^\s"]+)/g;
  // Control characters (including the snippet markers) are never part of a word.
  // eslint-disable-next-line no-control-regex
  const cleaned = input.replace(/[\u0000-\u001f\u007f]/g, ' ');
  let m: RegExpExecArray | null;
  while ((m = re.exec(cleaned)) !== null && terms.length < MAX_TERMS) {
    let raw = m[1] ?? m[3] ?? '';
    let prefix = m[2] === '*';
    if (m[3] !== undefined && raw.endsWith('*')) {
      raw = raw.replace(/\*+$/, '');
      prefix = true;
    }
    raw = raw.replace(/\*/g, ' ').trim();
    // A term with no letters or digits tokenises to nothing: leave it out.
    if (!/[\p{L}\p{N}]/u.test(raw)) continue;
    terms.push(`"${raw}"${prefix ? '*' : ''}`);
  }
  if (terms.length === 0) return '';
  const last = terms.length - 1;
  if (!terms[last]!.endsWith('*')) terms[last] = `${terms[last]}*`;
  return terms.join(' ');
}

/** Splits FTS5 snippet() output into plain-text segments; the renderer marks them up, never as HTML. */
export function toSegments(snippet: string): SearchSegment[] {
  const out: SearchSegment[] = [];
  let rest = snippet;
  while (rest.length > 0) {
    const start = rest.indexOf(MARK_START);
    if (start < 0) {
      out.push({ text: rest, mark: false });
      break;
    }
    if (start > 0) out.push({ text: rest.slice(0, start), mark: false });
    const end = rest.indexOf(MARK_END, start + 1);
    const marked = end < 0 ? rest.slice(start + 1) : rest.slice(start + 1, end);
    if (marked.length > 0) out.push({ text: marked, mark: true });
    rest = end < 0 ? '' : rest.slice(end + 1);
  }
  // Merge neighbours of the same kind, drop stray markers.
  const merged: SearchSegment[] = [];
  for (const s of out) {
    const text = s.text.replaceAll(MARK_START, '').replaceAll(MARK_END, '');
    if (text === '') continue;
    const prev = merged[merged.length - 1];
    if (prev && prev.mark === s.mark) prev.text += text;
    else merged.push({ text, mark: s.mark });
  }
  return merged;
}

const itemLabel = (i: HitItemRow) => `${formatDate(i.date)}, item ${i.position}: ${i.title}`;
const clip = (s: string, n = 70) => (s.length > n ? `${s.slice(0, n - 1).trimEnd()}…` : s);

const isHeld = (status: string) =>
  status === 'in_progress' || status === 'minutes_draft' || status === 'minutes_approved';
const meetingOf = (m: { id: number; date: string; status: string }): SearchMeeting => ({
  id: m.id,
  date: m.date,
  status: m.status as SearchMeeting['status'],
  held: isHeld(m.status),
});
const itemMeeting = (i: HitItemRow): SearchMeeting =>
  meetingOf({ id: i.meeting_id, date: i.date, status: i.meeting_status });
/** What a hit on an item is: its minutes, or — before the meeting — its place on the agenda. */
const itemHitLabel = (i: HitItemRow) =>
  isHeld(i.meeting_status)
    ? `Minutes — ${itemLabel(i)}`
    : `Agenda item — meeting on ${formatDate(i.date)} (not yet held), item ${i.position}: ${i.title}`;

/** Where a hit opens, what it is called and its meeting; null when the row it indexed has gone. */
function resolve(
  ctx: Ctx,
  kind: SearchKind,
  refId: number,
): Omit<SearchHit, 'context' | 'kind' | 'refId'> | null {
  const item = (itemId: number) => hitItem(ctx.db, itemId);
  const partB = (exempt: boolean) => (exempt ? ' (Part B — exempt)' : '');
  switch (kind) {
    case 'minutes': {
      const i = item(refId);
      if (!i) return null;
      return {
        label: `${itemHitLabel(i)}${partB(i.exempt === 1)}`,
        exempt: i.exempt === 1,
        meeting: itemMeeting(i),
        target: { to: 'item', meetingId: i.meeting_id, itemId: refId },
      };
    }
    case 'paper': {
      const p = hitPaper(ctx.db, refId);
      const i = p && item(p.agenda_item_id);
      if (!p || !i) return null;
      return {
        label: `Paper — “${clip(p.label)}”, ${itemLabel(i)}${partB(i.exempt === 1)}`,
        exempt: i.exempt === 1,
        meeting: itemMeeting(i),
        target: { to: 'item', meetingId: i.meeting_id, itemId: p.agenda_item_id },
      };
    }
    case 'decision': {
      const d = hitDecision(ctx.db, refId);
      const i = d && item(d.agenda_item_id);
      if (!d || !i) return null;
      const exempt = i.exempt === 1 || d.exempt === 1;
      return {
        label: `Decision — ${itemLabel(i)}${partB(exempt)}`,
        exempt,
        meeting: itemMeeting(i),
        target: { to: 'item', meetingId: i.meeting_id, itemId: d.agenda_item_id },
      };
    }
    case 'action':
    case 'action_update': {
      const u = kind === 'action_update' ? hitActionUpdate(ctx.db, refId) : undefined;
      if (kind === 'action_update' && !u) return null;
      const actionId = u ? u.action_id : refId;
      const a = hitAction(ctx.db, actionId);
      if (!a) return null;
      const i = a.agenda_item_id !== null ? item(a.agenda_item_id) : undefined;
      const m = i ? undefined : a.meeting_id !== null ? hitMeeting(ctx.db, a.meeting_id) : undefined;
      // The action's own flag: it stays Part B when its item is removed or it is re-linked.
      const exempt = a.exempt === 1 || i?.exempt === 1;
      const label = u
        ? `Action update — ${formatDate(u.date)}, on “${clip(a.description)}” (${a.owner})`
        : `Action — ${a.owner}${i ? `, from ${itemLabel(i)}` : ''}`;
      return {
        label: `${label}${partB(exempt)}`,
        exempt,
        meeting: i ? itemMeeting(i) : m ? meetingOf(m) : null,
        target: { to: 'action', actionId },
      };
    }
    case 'commentary': {
      const m = hitMeasure(ctx.db, refId);
      if (!m) return null;
      return {
        label: `Scorecard commentary — ${m.code} ${m.title}`,
        exempt: false,
        meeting: null,
        target: { to: 'measure', measureId: refId },
      };
    }
    case 'voice': {
      const v = hitVoice(ctx.db, refId);
      if (!v) return null;
      return {
        label: `You said, we did — ${v.source}, ${formatDate(v.said_date)}`,
        exempt: false,
        meeting: null,
        target: { to: 'voice', voiceId: refId },
      };
    }
    case 'member': {
      const b = hitMember(ctx.db, refId);
      if (!b) return null;
      const about = [b.job_title, b.organisation].filter((x) => x.trim() !== '').join(', ');
      return {
        label: `Member — ${b.name}${about ? `, ${about}` : ''}`,
        exempt: false,
        meeting: null,
        target: { to: 'member', memberId: refId },
      };
    }
  }
}

export function runSearch(
  ctx: Ctx,
  q: string,
  limit = 50,
): { q: string; match: string; hits: SearchHit[]; total: number } {
  const match = toFtsQuery(q);
  if (match === '') return { q, match, hits: [], total: 0 };
  let rows: SearchRow[];
  let total: number;
  try {
    total = matchCount(ctx.db, match);
    rows = matches(ctx.db, match, limit, MARK_START, MARK_END);
  } catch {
    // toFtsQuery only produces quoted terms, so this should not happen; a search never fails loudly.
    return { q, match, hits: [], total: 0 };
  }
  const hits: SearchHit[] = [];
  for (const r of rows) {
    const where = resolve(ctx, r.kind, Number(r.ref_id));
    if (where)
      hits.push({ kind: r.kind, refId: Number(r.ref_id), context: toSegments(r.snip ?? ''), ...where });
  }
  return { q, match, hits, total };
}

export const searchHandlers: HandlerGroup<'search.query'> = {
  'search.query': (ctx, { q, limit }) => runSearch(ctx, q, limit),
};
