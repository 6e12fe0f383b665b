import type { SearchHit, SearchKind, SearchSegment } from '../../../shared/api/search';
import { formatDate } from '../../../shared/domain/dates';
import type { Ctx } from '../context';
import type { HandlerGroup } from '../handler-types';
import {
  hitAction,
  hitActionUpdate,
  hitDecision,
  hitItem,
  hitMeasure,
  hitVoice,
  matchCount,
  matches,
  type HitItemRow,
  type SearchRow,
} from '../store/search';

// Full-text search over the FTS5 table `search_index`, which triggers keep in step with the
// minutes, decisions, actions, action updates, measure commentary and voice entries.

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
/** A meeting not yet held (its agenda drafted or published): its items have no minutes yet. */
const notYetHeld = (i: HitItemRow) => i.meeting_status === 'draft' || i.meeting_status === 'agenda_published';
/** What a hit on an item is: its minutes, or — before the meeting — its place on the agenda. */
const itemHitLabel = (i: HitItemRow) =>
  notYetHeld(i)
    ? `Agenda item — meeting on ${formatDate(i.date)} (not yet held), item ${i.position}: ${i.title}`
    : `Minutes — ${itemLabel(i)}`;
const clip = (s: string, n = 70) => (s.length > n ? `${s.slice(0, n - 1).trimEnd()}…` : s);

/** Where a hit opens and what it is called; null when the row it indexed has gone. */
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
        target: { to: 'item', meetingId: i.meeting_id, itemId: refId },
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
      // The action's own flag: it stays Part B when its item is removed or it is re-linked.
      const exempt = a.exempt === 1 || i?.exempt === 1;
      const label = u
        ? `Action update — ${formatDate(u.date)}, on “${clip(a.description)}” (${a.owner})`
        : `Action — ${a.owner}${i ? `, from ${itemLabel(i)}` : ''}`;
      return { label: `${label}${partB(exempt)}`, exempt, target: { to: 'action', actionId } };
    }
    case 'commentary': {
      const m = hitMeasure(ctx.db, refId);
      if (!m) return null;
      return {
        label: `Scorecard commentary — ${m.code} ${m.title}`,
        exempt: false,
        target: { to: 'measure', measureId: refId },
      };
    }
    case 'voice': {
      const v = hitVoice(ctx.db, refId);
      if (!v) return null;
      return {
        label: `You said, we did — ${v.source}, ${formatDate(v.said_date)}`,
        exempt: false,
        target: { to: 'voice', voiceId: refId },
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
