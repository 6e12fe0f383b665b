import type { ApiInput, MethodName } from '../../../shared/api';
import { afterAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/core/dispatch';
import { demoExpected } from '../../../electron/core/demo/index';
import { directionOfTravel, ragStatus, type Polarity } from '../../../shared/domain/rag';
import {
  comparePeriods,
  headlineFamily,
  type Frequency,
  type YearBasis,
} from '../../../shared/domain/periods';
import type { Unit } from '../../../shared/domain/format';
import type { Scorecard } from '../../../shared/api/scorecard';
import { demoSession, callOk } from '../../helpers';

const { session } = demoSession();
afterAll(() => session.close());

const ok = <M extends MethodName>(method: M, input: ApiInput<M>) => callOk(session, method, input);

const rows = (s: Scorecard) => s.groups.flatMap((g) => g.rows);

describe('scorecard on the demo board', () => {
  it('gives each measure the RAG and direction the pure functions give for its stored figures', async () => {
    const card = await ok('scorecard.get', {});
    const db = session.ctx().db;
    const measures = db
      .prepare(
        'SELECT id, code, target, tolerance, polarity, unit, frequency, year_basis AS yearBasis FROM measure WHERE archived = 0',
      )
      .all() as {
      id: number;
      code: string;
      target: number | null;
      tolerance: number;
      polarity: Polarity;
      unit: Unit;
      frequency: Frequency;
      yearBasis: YearBasis;
    }[];
    expect(rows(card)).toHaveLength(measures.length);
    for (const m of measures) {
      const values = (
        db.prepare('SELECT period, value FROM measure_value WHERE measure_id = ?').all(m.id) as {
          period: string;
          value: number;
        }[]
      ).sort((a, b) => comparePeriods(a.period, b.period));
      const row = rows(card).find((r) => r.measureId === m.id)!;
      const latest = values.at(-1)!;
      const previous = values.at(-2)!;
      expect(row.latest, m.code).toEqual(latest);
      expect(row.previous, m.code).toEqual(previous);
      expect(row.rag, m.code).toBe(
        ragStatus({
          value: latest.value,
          target: m.target,
          tolerance: m.tolerance,
          polarity: m.polarity,
          unit: m.unit,
        }),
      );
      expect(row.direction, m.code).toBe(
        directionOfTravel(values, m.polarity, {
          unit: m.unit,
          family: headlineFamily(m.frequency, m.yearBasis),
        }).direction,
      );
      expect(row.series).toEqual(values);
    }
    // And the designed mix of the demo board.
    expect(card.counts).toMatchObject({
      red: demoExpected.red,
      amber: demoExpected.amber,
      green: demoExpected.green,
      no_target: demoExpected.noTarget,
      not_rated: demoExpected.notRated,
    });
  });

  it('spells out particular rows', async () => {
    const card = await ok('scorecard.get', {});
    const a1 = rows(card).find((r) => r.code === 'A1')!;
    expect(a1).toMatchObject({
      rag: 'red',
      direction: 'worsening',
      target: 426,
      latest: { value: 512 },
      previous: { value: 497 },
      gap: false,
    });
    expect(a1.england).toMatchObject({ value: 450 });
    const e3 = rows(card).find((r) => r.code === 'E3')!;
    expect(e3).toMatchObject({ rag: 'no_target', direction: 'worsening' });
    const s3 = rows(card).find((r) => r.code === 'S3')!;
    expect(s3).toMatchObject({ rag: 'not_rated', direction: 'up' });
    // Groups follow the strategy's priority order.
    const prios = card.priorities.map((p) => p.title);
    const groupOrder = card.groups.map((g) => g.priorityTitle);
    expect(groupOrder).toEqual(prios.filter((t) => groupOrder.includes(t)));
  });

  it('filters by RAG and by priority', async () => {
    const reds = await ok('scorecard.get', { rag: ['red'] });
    expect(
      rows(reds)
        .map((r) => r.code)
        .sort(),
    ).toEqual(['A1', 'H2', 'V2']);
    expect(reds.counts.red).toBe(demoExpected.red);
    const all = await ok('scorecard.get', {});
    const firstPriority = all.groups[0]!.priorityId!;
    const one = await ok('scorecard.get', { priorityIds: [firstPriority] });
    expect(one.groups.map((g) => g.priorityId)).toEqual([firstPriority]);
    expect(rows(one)).toEqual(all.groups[0]!.rows);
  });
});

describe('snapshots', () => {
  const db = () => session.ctx().db;
  const openMeeting = () =>
    db().prepare("SELECT id FROM meeting WHERE status <> 'minutes_approved' ORDER BY date LIMIT 1").get() as {
      id: number;
    };
  const approvedMeeting = () =>
    db().prepare("SELECT id FROM meeting WHERE status = 'minutes_approved' ORDER BY date LIMIT 1").get() as {
      id: number;
    };

  it('freezes every row and is unchanged by new values and target changes', async () => {
    const meetingId = openMeeting().id;
    const frozen = await ok('snapshot.freeze', {
      meetingId,
    });
    const card = await ok('scorecard.get', {});
    expect(frozen.rowCount).toBe(rows(card).length);
    const before = await ok('snapshot.get', { meetingId });
    const a1 = before.snapshot!.rows.find((r) => r.code === 'A1')!;
    expect(a1).toMatchObject({ rag: 'red', target: 426, latest: { value: 512 } });

    const a1Id = rows(card).find((r) => r.code === 'A1')!.measureId;
    await ok('measure.setValue', { measureId: a1Id, period: '2030-31 Q1', value: 300 });
    await ok('measure.update', { id: a1Id, target: 600 });
    await ok('measure.setCommentary', { id: a1Id, working: 'Changed later', worried: '', next: '' });
    const live = rows(await ok('scorecard.get', {})).find((r) => r.code === 'A1')!;
    expect(live).toMatchObject({ rag: 'green', target: 600, latest: { period: '2030-31 Q1', value: 300 } });

    const after = await ok('snapshot.get', { meetingId });
    expect(after).toEqual(before);
    const list = await ok('snapshot.list', {});
    expect(list.find((m) => m.id === meetingId)!.snapshot).toMatchObject({
      id: frozen.id,
      takenAt: frozen.takenAt,
    });
  });

  it('refreezing replaces the snapshot before approval and is refused after', async () => {
    const meetingId = openMeeting().id;
    const again = await ok('snapshot.freeze', { meetingId });
    const snap = await ok('snapshot.get', { meetingId });
    expect(snap.snapshot!.id).toBe(again.id);
    expect(snap.snapshot!.rows.find((r) => r.code === 'A1')).toMatchObject({ rag: 'green', target: 600 });
    expect(
      (
        db().prepare('SELECT count(*) AS n FROM snapshot WHERE meeting_id = ?').get(meetingId) as {
          n: number;
        }
      ).n,
    ).toBe(1);

    db()
      .prepare(
        "UPDATE meeting SET status = 'minutes_approved', approved_at = ?, approved_by = 'Chair' WHERE id = ?",
      )
      .run('2026-11-23T10:00:00.000Z', meetingId);
    const r = await dispatch(session, 'snapshot.freeze', { meetingId });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('locked');
      expect(r.error.message).toMatch(
        /^The minutes of the meeting on \d{1,2} [A-Z][a-z]+ \d{4} are approved/,
      );
    }
    expect((await ok('snapshot.get', { meetingId })).snapshot!.id).toBe(again.id);
  });

  it('refuses to freeze an already approved meeting, and an unknown one', async () => {
    const r = await dispatch(session, 'snapshot.freeze', { meetingId: approvedMeeting().id });
    expect(r.ok ? null : r.error.code).toBe('locked');
    const missing = await dispatch(session, 'snapshot.freeze', { meetingId: 99999 });
    expect(missing.ok ? null : missing.error).toEqual({
      code: 'not_found',
      message: 'meetingId: there is no meeting with id 99999',
    });
  });

  it('a frozen row cannot be edited in the file either', () => {
    expect(() => db().prepare('UPDATE snapshot_row SET value = 1').run()).toThrow(/frozen/);
  });
});
