import { describe, expect, it } from 'vitest';
import type { ApiInput, ApiOutput, MethodName } from '../../../shared/api';
import { writeAudit } from '../../../electron/core/audit';
import { dispatch } from '../../../electron/core/dispatch';
import type { Session } from '../../../electron/core/session';
import { callError, demoSession } from '../../helpers';

// Who did it: every call carries the person using the app (the call envelope's actor), the audit
// log records it, and audit.list / audit.forRecord show it — without Part B detail.
async function as<M extends MethodName>(session: Session, actor: string, method: M, input: ApiInput<M>) {
  const r = await dispatch(session, method, input, { actor });
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value as ApiOutput<M>;
}

async function memberEdit(session: Session, actor: string) {
  const board = await as(session, actor, 'board.get', {});
  const m = board.members[0]!;
  const { id, name, role, jobTitle, organisation, voting, activeFrom, activeTo } = m;
  await as(session, actor, 'member.update', {
    id,
    name,
    role,
    jobTitle: `${jobTitle} (acting)`.slice(0, 200),
    organisation,
    voting,
    activeFrom,
    activeTo,
  });
  return m;
}

describe('who did it', () => {
  it('records the person the call names, and lists it by person, record and text', async () => {
    const { session } = demoSession();
    const m = await memberEdit(session, 'Sam Patel (Clerk)');
    const log = await as(session, 'Sam Patel (Clerk)', 'audit.list', { person: 'sam patel' });
    expect(log.total).toBeGreaterThanOrEqual(1);
    expect(log.rows[0]).toMatchObject({ actor: 'Sam Patel (Clerk)', entity: 'member', entityId: m.id });
    expect(log.people).toContain('Sam Patel (Clerk)');
    const mine = await as(session, 'x', 'audit.forRecord', { entity: 'member', id: m.id });
    expect(mine.rows.map((r) => r.actor)).toContain('Sam Patel (Clerk)');
    const byText = await as(session, 'x', 'audit.list', { text: 'acting' });
    expect(byText.rows.every((r) => (r.detail ?? '').includes('acting'))).toBe(true);
    const nobody = await as(session, 'x', 'audit.list', { person: 'Nobody Else' });
    expect(nobody.total).toBe(0);
  });

  it('pages the log and filters by date', async () => {
    const { session } = demoSession();
    for (let i = 0; i < 3; i++) await memberEdit(session, `Person ${i}`);
    const page = await as(session, 'x', 'audit.list', { limit: 2, offset: 0 });
    const next = await as(session, 'x', 'audit.list', { limit: 2, offset: 2 });
    expect(page.rows).toHaveLength(2);
    expect(page.rows[0]!.id).toBeGreaterThan(page.rows[1]!.id);
    expect(next.rows[0]?.id ?? 0).toBeLessThan(page.rows[1]!.id);
    const future = await as(session, 'x', 'audit.list', { from: '2099-01-01' });
    expect(future.total).toBe(0);
  });

  it('refuses an actor that is not ordinary text or too long, and does nothing', async () => {
    const { session } = demoSession();
    for (const actor of ['Sam\nPatel', 'x'.repeat(300)]) {
      const r = await dispatch(session, 'board.get', {}, { actor });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('invalid_input');
    }
    // Absent: the door's own actor applies.
    expect((await dispatch(session, 'board.get', {})).ok).toBe(true);
  });

  it('withholds Part B detail from the board-wide log, and text search cannot find it', async () => {
    const { session } = demoSession();
    const list = await as(session, 'x', 'meeting.list', {});
    const meetings = [...list.upcoming, ...list.past];
    let exempt: number | null = null;
    let open: number | null = null;
    for (const mt of meetings) {
      const m = await as(session, 'x', 'meeting.get', { id: mt.id });
      exempt ??= m.items.find((i) => i.exempt)?.id ?? null;
      open ??= m.items.find((i) => !i.exempt)?.id ?? null;
    }
    expect(exempt).not.toBeNull();
    // Rows as the dispatcher writes them for item commands.
    const ctx = session.ctx('Sam Patel (Clerk)');
    writeAudit(ctx, {
      action: 'item.update',
      entity: 'item',
      entityId: exempt,
      detail: { input: { itemId: exempt, title: 'Jade Zebedee placement' } },
    });
    writeAudit(ctx, {
      action: 'item.update',
      entity: 'item',
      entityId: open,
      detail: { input: { itemId: open, title: 'Ordinary title' } },
    });
    const log = await as(session, 'x', 'audit.list', { person: 'Sam Patel' });
    const partB = log.rows.find((r) => r.entityId === exempt)!;
    expect(partB).toMatchObject({ partB: true, detail: null });
    expect(partB.summary).toMatch(/^Part B item changed/);
    expect(JSON.stringify(log)).not.toContain('Zebedee');
    expect(log.rows.find((r) => r.entityId === open)!.detail).toContain('Ordinary title');
    const search = await as(session, 'x', 'audit.list', { text: 'Zebedee' });
    expect(search.total).toBe(0);
    const history = await as(session, 'x', 'audit.forRecord', { entity: 'item', id: exempt! });
    expect(JSON.stringify(history)).not.toContain('Zebedee');
  });

  it('validates the filters', async () => {
    const { session } = demoSession();
    expect((await callError(session, 'audit.list', { from: '2026-13-01' })).code).toBe('invalid_input');
    expect((await callError(session, 'audit.list', { limit: 5000 })).code).toBe('invalid_input');
    expect((await callError(session, 'audit.forRecord', { entity: '', id: 1 })).code).toBe('invalid_input');
  });
});
