import type { SearchHit, SearchKind, SearchSegment } from '../../../shared/api/search';
import { formatDate } from '../../../shared/domain/dates';
import type { Ctx } from '../context';
import type { HandlerGroup } from '../handler-types';

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

interface ItemInfo {
  meeting_id: number;
  date: string;
  position: number;
  title: string;
  exempt: number;
}

const itemLabel = (i: ItemInfo) => `${formatDate(i.date)}, item ${i.position}: ${i.title}`;
const clip = (s: string, n = 70) => (s.length > n ? `${s.slice(0, n - 1).trimEnd()}…` : s);

/** Where a hit opens and what it is called; null when the row it indexed has gone. */
function resolve(
  ctx: Ctx,
  kind: SearchKind,
  refId: number,
): Omit<SearchHit, 'context' | 'kind' | 'refId'> | null {
  const item = (itemId: number) =>
    ctx.db
      .prepare(
        `SELECT a.meeting_id, m.date, a.position, a.title, a.exempt FROM agenda_item a JOIN meeting m ON m.id = a.meeting_id WHERE a.id = ?`,
      )
      .get(itemId) as ItemInfo | undefined;
  const partB = (exempt: boolean) => (exempt ? ' (Part B — exempt)' : '');
  switch (kind) {
    case 'minutes': {
      const i = item(refId);
      if (!i) return null;
      return {
        label: `Minutes — ${itemLabel(i)}${partB(i.exempt === 1)}`,
        exempt: i.exempt === 1,
        target: { to: 'item', meetingId: i.meeting_id, itemId: refId },
      };
    }
    case 'decision': {
      const d = ctx.db.prepare('SELECT agenda_item_id, exempt FROM decision WHERE id = ?').get(refId) as
        { agenda_item_id: number; exempt: number } | undefined;
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
      const u =
        kind === 'action_update'
          ? (ctx.db.prepare('SELECT action_id, date FROM action_update WHERE id = ?').get(refId) as
              { action_id: number; date: string } | undefined)
          : undefined;
      if (kind === 'action_update' && !u) return null;
      const actionId = u ? u.action_id : refId;
      const a = ctx.db
        .prepare(
          `SELECT a.description, coalesce(mb.name, a.owner_name) AS owner, a.agenda_item_id, a.exempt FROM action a
                  LEFT JOIN member mb ON mb.id = a.owner_member_id WHERE a.id = ?`,
        )
        .get(actionId) as
        { description: string; owner: string; agenda_item_id: number | null; exempt: number } | undefined;
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
      const m = ctx.db.prepare('SELECT code, title FROM measure WHERE id = ?').get(refId) as
        { code: string; title: string } | undefined;
      if (!m) return null;
      return {
        label: `Scorecard commentary — ${m.code} ${m.title}`,
        exempt: false,
        target: { to: 'measure', measureId: refId },
      };
    }
    case 'voice': {
      const v = ctx.db.prepare('SELECT said_date, source FROM voice_entry WHERE id = ?').get(refId) as
        { said_date: string; source: string } | undefined;
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
  let rows: { kind: SearchKind; ref_id: number; snip: string }[];
  let total: number;
  try {
    total = (
      ctx.db.prepare('SELECT count(*) AS n FROM search_index WHERE search_index MATCH ?').get(match) as {
        n: number;
      }
    ).n;
    rows = ctx.db
      .prepare(
        `SELECT kind, ref_id, snippet(search_index, -1, '${MARK_START}', '${MARK_END}', '…', 16) AS snip
         FROM search_index WHERE search_index MATCH ? ORDER BY rank LIMIT ?`,
      )
      .all(match, limit) as typeof rows;
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
