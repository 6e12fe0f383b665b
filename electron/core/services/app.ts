import { isOverdue, daysOverdue } from '../../../shared/domain/overdue';
import type { HandlerGroup } from '../handler-types';
import { ApiError } from '../../../shared/api';
import type { Ctx } from '../context';
import { buildScorecard } from './scorecard';

interface BoardRow {
  authority: string;
  name: string;
  quorum_count: number;
  quorum_role: string;
  quorum_voting_only: number;
}

export function boardRow(ctx: Ctx): BoardRow {
  return ctx.db
    .prepare('SELECT authority, name, quorum_count, quorum_role, quorum_voting_only FROM board WHERE id = 1')
    .get() as BoardRow;
}

export function listMembers(ctx: Ctx) {
  const rows = ctx.db
    .prepare(
      'SELECT id, name, role, job_title, organisation, voting, active_from, active_to FROM member ORDER BY sort, name',
    )
    .all() as {
    id: number;
    name: string;
    role: string;
    job_title: string;
    organisation: string;
    voting: number;
    active_from: string | null;
    active_to: string | null;
  }[];
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    role: r.role as 'officer',
    jobTitle: r.job_title,
    organisation: r.organisation,
    voting: r.voting === 1,
    activeFrom: r.active_from,
    activeTo: r.active_to,
  }));
}

function logoDataUrl(ctx: Ctx): string | null {
  const r = ctx.db.prepare('SELECT logo, logo_mime FROM board WHERE id = 1').get() as
    { logo: Buffer | null; logo_mime: string | null } | undefined;
  return r?.logo && r.logo_mime ? `data:${r.logo_mime};base64,${r.logo.toString('base64')}` : null;
}

/** The file's own first bytes must say what its type claims: a renamed file is refused. */
function imageMatches(bytes: Buffer, mime: 'image/png' | 'image/jpeg'): boolean {
  if (mime === 'image/png')
    return bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  return bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
}

export const appHandlers: HandlerGroup<
  'app.info' | 'board.get' | 'board.update' | 'board.setLogo' | 'dashboard.get'
> = {
  'app.info': (ctx) => {
    const b = boardRow(ctx);
    return {
      file: ctx.file,
      schemaVersion: ctx.db.pragma('user_version', { simple: true }) as number,
      authority: b.authority,
      name: b.name,
      today: ctx.today(),
    };
  },

  'board.get': (ctx) => {
    const b = boardRow(ctx);
    return {
      authority: b.authority,
      name: b.name,
      quorum: { count: b.quorum_count, role: b.quorum_role as 'any', votingOnly: b.quorum_voting_only === 1 },
      members: listMembers(ctx),
      logo: logoDataUrl(ctx),
    };
  },

  'board.setLogo': (ctx, input) => {
    let bytes: Buffer | null = null;
    if (input.logo) {
      bytes = Buffer.from(input.logo.dataBase64, 'base64');
      if (bytes.length > 1_000_000)
        throw new ApiError('invalid_input', 'The logo must be at most 1 MB', [
          { path: 'logo.dataBase64', message: 'must be at most 1 MB' },
        ]);
      if (!imageMatches(bytes, input.logo.mime)) {
        const kind = input.logo.mime === 'image/png' ? 'PNG' : 'JPEG';
        throw new ApiError('invalid_input', `The logo is not a ${kind} image (its contents do not match)`, [
          { path: 'logo.dataBase64', message: `is not a ${kind} image` },
        ]);
      }
    }
    ctx.db
      .prepare('UPDATE board SET logo = ?, logo_mime = ? WHERE id = 1')
      .run(bytes, input.logo?.mime ?? null);
    return { logo: logoDataUrl(ctx) };
  },

  'board.update': (ctx, input) => {
    ctx.db.prepare('UPDATE board SET authority = ?, name = ? WHERE id = 1').run(input.authority, input.name);
    return { authority: input.authority, name: input.name };
  },

  'dashboard.get': (ctx) => {
    const today = ctx.today();
    const next = ctx.db
      .prepare(
        `SELECT id, date, start_time, venue, type, status FROM meeting
                WHERE date >= ? AND status NOT IN ('minutes_draft', 'minutes_approved') ORDER BY date, start_time LIMIT 1`,
      )
      .get(today) as
      | { id: number; date: string; start_time: string; venue: string; type: 'ordinary'; status: 'draft' }
      | undefined;
    const items = next
      ? (ctx.db
          .prepare('SELECT position, title, exempt FROM agenda_item WHERE meeting_id = ? ORDER BY position')
          .all(next.id) as {
          position: number;
          title: string;
          exempt: number;
        }[])
      : [];
    // The same computation the scorecard screen, snapshots and exports rely on.
    const c = buildScorecard(ctx).counts;
    const rag = {
      red: c.red,
      amber: c.amber,
      green: c.green,
      noTarget: c.no_target,
      noData: c.no_data,
      notRated: c.not_rated,
    };

    const actions = ctx.db
      .prepare(
        `SELECT a.id, a.description, a.status, a.due_date, coalesce(mb.name, a.owner_name) AS owner, m.date AS meeting_date
                FROM action a LEFT JOIN member mb ON mb.id = a.owner_member_id LEFT JOIN meeting m ON m.id = a.meeting_id`,
      )
      .all() as {
      id: number;
      description: string;
      status: 'open';
      due_date: string | null;
      owner: string;
      meeting_date: string | null;
    }[];
    const open = actions.filter((a) => a.status === 'open' || a.status === 'in_progress');
    const overdue = open
      .filter((a) => isOverdue({ status: a.status, dueDate: a.due_date }, today))
      .map((a) => ({
        id: a.id,
        description: a.description,
        owner: a.owner,
        dueDate: a.due_date!,
        daysOverdue: daysOverdue({ status: a.status, dueDate: a.due_date }, today),
        meetingDate: a.meeting_date,
      }))
      .sort((x, y) => x.dueDate.localeCompare(y.dueDate) || x.id - y.id);

    const recentDecisions = (
      ctx.db
        .prepare(
          `SELECT d.id, d.text, m.id AS meeting_id, m.date, a.title, a.exempt FROM decision d
                  JOIN agenda_item a ON a.id = d.agenda_item_id JOIN meeting m ON m.id = a.meeting_id
                  WHERE m.date <= ? ORDER BY m.date DESC, a.position, d.position LIMIT 6`,
        )
        .all(today) as {
        id: number;
        text: string;
        meeting_id: number;
        date: string;
        title: string;
        exempt: number;
      }[]
    ).map((d) => ({
      id: d.id,
      text: d.text,
      meetingId: d.meeting_id,
      meetingDate: d.date,
      itemTitle: d.title,
      exempt: d.exempt === 1,
    }));

    return {
      today,
      nextMeeting: next
        ? {
            id: next.id,
            date: next.date,
            startTime: next.start_time,
            venue: next.venue,
            type: next.type,
            status: next.status,
            itemCount: items.length,
            items: items.map((i) => ({ position: i.position, title: i.title, exempt: i.exempt === 1 })),
          }
        : null,
      rag,
      openActions: open.length,
      overdueActions: overdue,
      recentDecisions,
    };
  },
};
