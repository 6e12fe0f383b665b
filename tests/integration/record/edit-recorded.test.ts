import { describe, expect, it } from 'vitest';
import { callError, callOk, demoSession, rowCounts } from '../../helpers';

// Issue 15: what was recorded at a meeting — its decisions and actions — can be changed in place
// until the minutes are approved, from the revision the screen showed, and every change is in the
// audit log. After approval the core refuses (see record-rules.test.ts for the refusals).
async function draftMeetingWithAction() {
  const { session } = demoSession();
  const list = await callOk(session, 'meeting.list', {});
  const held = list.past.find((m) => m.status === 'minutes_draft')!;
  const meeting = await callOk(session, 'meeting.get', { id: held.id });
  const item = meeting.items.find((i) => i.actions.length > 0 && !i.exempt)!;
  return { session, meeting, item, action: item.actions[0]! };
}

describe('editing a recorded action at its meeting', () => {
  it('meeting.get gives each action its revision; action.update from it saves and moves it on', async () => {
    const { session, meeting, item, action } = await draftMeetingWithAction();
    expect(action.revision).toBeGreaterThanOrEqual(0);
    const saved = await callOk(session, 'action.update', {
      id: action.id,
      description: 'Report the adoption figures to the next meeting, with the regional comparison',
      dueDate: '2027-03-31',
      baseRevision: action.revision,
    });
    expect(saved.revision).toBeGreaterThan(action.revision);
    // The minutes (as agreed) follow while they are open.
    const after = (await callOk(session, 'meeting.get', { id: meeting.id })).items
      .find((i) => i.id === item.id)!
      .actions.find((a) => a.id === action.id)!;
    expect(after).toMatchObject({
      description: 'Report the adoption figures to the next meeting, with the regional comparison',
      dueDate: '2027-03-31',
      revision: saved.revision,
    });
    // Audited: who changed what, against the action.
    const history = await callOk(session, 'audit.forRecord', { entity: 'action', id: action.id });
    expect(history.rows[0]).toMatchObject({ method: 'action.update', entity: 'action', entityId: action.id });
    expect(history.rows[0]!.detail).toContain('regional comparison');
  });

  it('refuses a change from a stale copy, writes nothing, and returns the action as it now stands', async () => {
    const { session, action } = await draftMeetingWithAction();
    const first = await callOk(session, 'action.update', {
      id: action.id,
      urgency: action.urgency === 'high' ? 'low' : 'high',
      baseRevision: action.revision,
    });
    const before = rowCounts(session);
    const err = await callError(session, 'action.update', {
      id: action.id,
      description: 'A stale rewording',
      baseRevision: action.revision,
    });
    expect(err.code).toBe('conflict');
    expect(err.message).toContain('Someone else saved this action');
    expect(err.current).toMatchObject({ revision: first.revision, urgency: first.urgency });
    expect(rowCounts(session)).toEqual(before);
    expect((await callOk(session, 'action.get', { id: action.id })).description).toBe(action.description);
  });

  it('a decision reworded at its meeting is audited against the decision', async () => {
    const { session, meeting, item } = await draftMeetingWithAction();
    const { id } = await callOk(session, 'decision.add', { itemId: item.id, text: 'the report be noted' });
    const d = (await callOk(session, 'meeting.get', { id: meeting.id })).items
      .find((i) => i.id === item.id)!
      .decisions.find((x) => x.id === id)!;
    await callOk(session, 'decision.update', {
      id,
      text: 'the report be approved',
      baseRevision: d.revision,
    });
    const history = await callOk(session, 'audit.forRecord', { entity: 'decision', id });
    expect(history.rows.map((r) => r.method)).toEqual(['decision.update', 'decision.add']);
  });
});
