import { comparePeriods } from '../../../shared/domain/periods';
import type { Ctx } from '../context';
import { board } from '../queries/board';
import * as rows from '../store/dump';
import { strategyHead } from '../store/strategy';

function linksOf(ctx: Ctx, column: rows.LinkColumn, id: number) {
  const links = rows.linkTargets(ctx.db, column, id);
  return {
    priorities: links.filter((r) => r.to_priority_id != null).map((r) => r.to_priority_id as number),
    pledges: links.filter((r) => r.to_pledge_id != null).map((r) => r.to_pledge_id as number),
    principles: links.filter((r) => r.to_principle_id != null).map((r) => r.to_principle_id as number),
  };
}

/** The whole board as one JSON-able object (`cpb dump`): the stable keys of PRODUCT.md. */
export function dumpBoard(ctx: Ctx) {
  const db = ctx.db;
  const b = board(db);
  const strategy = strategyHead(db);
  const priorities = rows.priorities(db).map((p) => ({
    ...p,
    archived: p.archived === 1,
    links: linksOf(ctx, 'priority_id', p.id as number),
  }));
  const pledges = rows.pledges(db).map((p) => ({
    ...p,
    archived: p.archived === 1,
    links: linksOf(ctx, 'pledge_id', p.id as number),
  }));
  const principles = rows.principles(db);
  const actionPlan = rows.planActions(db).map((a) => ({
    ...a,
    archived: a.archived === 1,
    links: linksOf(ctx, 'plan_action_id', a.id as number),
    updates: rows.planUpdates(db, a.id),
  }));
  const measures = rows.measures(db).map((m) => ({
    ...m,
    archived: m.archived === 1,
    links: linksOf(ctx, 'measure_id', m.id as number),
    values: rows.measureValues(db, m.id).sort((x, y) => comparePeriods(x.period, y.period)),
    comparators: rows.comparators(db, m.id),
    noFigures: rows.noFigures(db, m.id),
  }));
  const cohort = rows.cohort(db);
  const meetings = rows.meetings(db).map((m) => ({
    ...m,
    attendance: rows.attendance(db, m.id),
    declarations: rows.declarations(db, m.id),
    items: rows.agendaItems(db, m.id).map((i) => ({
      ...i,
      exempt: i.exempt === 1,
      links: linksOf(ctx, 'agenda_item_id', i.id as number),
      papers: rows.papers(db, i.id),
      decisions: rows.decisions(db, i.id),
      actions: rows.itemActions(db, i.id),
    })),
    amendments: rows.amendments(db, m.id),
  }));
  const actions = rows.actions(db).map((a) => ({
    ...a,
    updates: rows.actionUpdates(db, a.id),
  }));
  const voice = rows.voice(db);
  const snapshots = rows.snapshots(db);
  return {
    schemaVersion: db.pragma('user_version', { simple: true }) as number,
    board: {
      authority: b.authority,
      name: b.name,
      quorum: b.quorum,
      members: b.members,
    },
    strategy: {
      title: strategy?.title ?? '',
      period: strategy?.period ?? '',
      priorities,
      pledges,
      principles,
      actionPlan,
    },
    measures,
    cohort,
    meetings,
    actions,
    voice,
    snapshots,
  };
}
