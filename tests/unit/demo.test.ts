import { describe, it, expect } from 'vitest';
import { openMemoryBoard, type DB } from '../../electron/core/store/board-file';
import { demoExpected, EXEMPT_PHRASE, writeDemoBoard } from '../../electron/core/demo';

const TODAY = '2026-11-23';

function demo(today = TODAY): DB {
  const db = openMemoryBoard();
  writeDemoBoard(db, { today });
  return db;
}

function tables(db: DB): string[] {
  return (
    db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_index_%' ORDER BY name",
      )
      .all() as { name: string }[]
  ).map((r) => r.name);
}

function dump(db: DB): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const t of tables(db)) out[t] = db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all();
  return out;
}

function count(db: DB, sql: string, ...params: unknown[]): number {
  return (db.prepare(sql).get(...params) as { n: number }).n;
}

interface MeasureRow {
  id: number;
  code: string;
  polarity: 'higher' | 'lower' | 'neither';
  target: number | null;
  tolerance: number;
}

function rag(value: number, m: MeasureRow): 'red' | 'amber' | 'green' | 'noTarget' | 'notRated' {
  if (m.polarity === 'neither') return 'notRated';
  if (m.target === null) return 'noTarget';
  if (m.polarity === 'higher') {
    if (value >= m.target) return 'green';
    return value >= m.target - m.tolerance ? 'amber' : 'red';
  }
  if (value <= m.target) return 'green';
  return value <= m.target + m.tolerance ? 'amber' : 'red';
}

describe('demo board', () => {
  it('is reproducible: the same today gives identical rows in every table', () => {
    const a = dump(demo());
    const b = dump(demo());
    expect(Object.keys(a).length).toBeGreaterThan(20);
    expect(a).toEqual(b);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });

  it('differs when today differs (everything is relative to today)', () => {
    const a = demo('2026-11-23');
    const b = demo('2027-02-10');
    expect(a.prepare('SELECT date FROM meeting ORDER BY id').all()).not.toEqual(
      b.prepare('SELECT date FROM meeting ORDER BY id').all(),
    );
  });

  it('has the designed shape', () => {
    const db = demo();
    const board = db.prepare('SELECT * FROM board').get() as Record<string, unknown>;
    expect(board).toMatchObject({
      authority: 'Northshire County Council',
      name: 'Northshire Corporate Parenting Board',
      quorum_count: 3,
      quorum_role: 'elected_member',
      quorum_voting_only: 1,
    });
    expect(count(db, 'SELECT count(*) AS n FROM member')).toBe(12);
    expect(
      count(db, "SELECT count(*) AS n FROM member WHERE role = 'elected_member' AND voting = 1"),
    ).toBeGreaterThanOrEqual(3);
    for (const role of ['elected_member', 'officer', 'partner_agency', 'young_person', 'adviser']) {
      expect(count(db, 'SELECT count(*) AS n FROM member WHERE role = ?', role)).toBeGreaterThan(0);
    }
    expect(count(db, 'SELECT count(*) AS n FROM measure')).toBe(demoExpected.measures);
    expect(demoExpected.measures).toBeGreaterThanOrEqual(14);
    expect(count(db, 'SELECT count(*) AS n FROM voice_entry')).toBe(4);
    expect(count(db, 'SELECT count(*) AS n FROM plan_action')).toBeGreaterThanOrEqual(10);
    expect(count(db, "SELECT count(*) AS n FROM pledge WHERE collection = 'Our promises'")).toBe(5);

    // Every principle is linked by something.
    expect(
      count(db, 'SELECT count(DISTINCT to_principle_id) AS n FROM link WHERE to_principle_id IS NOT NULL'),
    ).toBe(7);
  });

  it('gives every measure 8 quarters ending at the last complete quarter, except one with a gap', () => {
    const db = demo();
    // Quarterly measures; A10 is reported as the DfE reports it, yearly as three-year figures.
    const perMeasure = db
      .prepare(
        "SELECT m.code, count(v.id) AS n, max(v.period) AS latest FROM measure m LEFT JOIN measure_value v ON v.measure_id = m.id WHERE m.frequency = 'quarterly' GROUP BY m.id ORDER BY m.id",
      )
      .all() as { code: string; n: number; latest: string }[];
    expect(perMeasure).toHaveLength(demoExpected.measures - 1);
    expect(
      db
        .prepare(
          "SELECT v.period, v.value FROM measure_value v JOIN measure m ON m.id = v.measure_id WHERE m.code = 'A10' ORDER BY v.period",
        )
        .all(),
    ).toEqual([
      { period: '2020-23', value: 478 },
      { period: '2021-24', value: 462 },
      { period: '2022-25', value: 451 },
      { period: '2023-26', value: 441 },
    ]);
    expect(perMeasure.filter((r) => r.n === 8).length).toBe(perMeasure.length - 1);
    expect(perMeasure.filter((r) => r.n === 7).length).toBe(1);
    // 23 November 2026 is in 2026-27 Q3, so the last complete quarter is 2026-27 Q2.
    for (const r of perMeasure) expect(r.latest).toBe('2026-27 Q2');
    const periods = (
      db
        .prepare(
          "SELECT DISTINCT period FROM measure_value v JOIN measure m ON m.id = v.measure_id WHERE m.frequency = 'quarterly' ORDER BY period",
        )
        .all() as { period: string }[]
    ).map((r) => r.period);
    expect(periods).toEqual([
      '2024-25 Q3',
      '2024-25 Q4',
      '2025-26 Q1',
      '2025-26 Q2',
      '2025-26 Q3',
      '2025-26 Q4',
      '2026-27 Q1',
      '2026-27 Q2',
    ]);
    // England's figures are the DfE's: for the last complete year and the one before, never for quarters.
    expect(
      count(db, "SELECT count(*) AS n FROM comparator WHERE period = '2025-26' AND kind = 'england'"),
    ).toBeGreaterThanOrEqual(10);
    expect(count(db, "SELECT count(*) AS n FROM comparator WHERE period LIKE '% Q%'")).toBe(0);
    expect(
      db
        .prepare('SELECT DISTINCT period FROM comparator ORDER BY period')
        .all()
        .map((r) => (r as { period: string }).period),
    ).toEqual(['2022-25', '2023-26', '2024-25', '2025-26']);
    // Care leavers are counted against all care leavers of that age, as the DfE counts them.
    expect(
      db.prepare("SELECT denominator_definition AS d, age_band AS a FROM measure WHERE code = 'L1'").get(),
    ).toEqual({
      d: 'All care leavers aged 19 to 21, whether or not we are in touch with them',
      a: '19 to 21',
    });
  });

  it('uses the right financial quarters at a year boundary', () => {
    const db = demo('2027-04-01'); // first day of 2027-28 Q1 → last complete quarter 2026-27 Q4
    expect(count(db, "SELECT count(*) AS n FROM measure_value WHERE period = '2026-27 Q4'")).toBe(
      demoExpected.measures - 1, // A10 is yearly: its latest is the three-year figure to March 2027
    );
    expect(count(db, "SELECT count(*) AS n FROM measure_value WHERE period = '2024-27'")).toBe(1);
    expect(count(db, "SELECT count(*) AS n FROM measure_value WHERE period > '2026-27 Q4'")).toBe(0);
  });

  it('gives the designed RAG mix on the latest values', () => {
    const db = demo();
    const measures = db
      .prepare('SELECT id, code, polarity, target, tolerance FROM measure')
      .all() as MeasureRow[];
    const latest = db.prepare(
      'SELECT value FROM measure_value WHERE measure_id = ? ORDER BY period DESC LIMIT 1',
    );
    const got = { red: 0, amber: 0, green: 0, noTarget: 0, notRated: 0, measures: measures.length };
    for (const m of measures) got[rag((latest.get(m.id) as { value: number }).value, m)] += 1;
    expect(got).toEqual(demoExpected);
    expect(got.red).toBeGreaterThanOrEqual(3);
    expect(got.amber).toBeGreaterThanOrEqual(3);
    expect(got.green).toBeGreaterThanOrEqual(5);
    expect(got.noTarget).toBeGreaterThanOrEqual(1);
    expect(got.notRated).toBeGreaterThanOrEqual(1);

    const a1 = db.prepare("SELECT unit, polarity, target FROM measure WHERE code = 'A1'").get();
    const a2 = db.prepare("SELECT unit, polarity, target FROM measure WHERE code = 'A2'").get();
    expect(a1).toEqual({ unit: 'days', polarity: 'lower', target: 426 });
    expect(a2).toEqual({ unit: 'days', polarity: 'lower', target: 121 });
  });

  it('keeps the RAG mix whatever day it is built', () => {
    for (const today of ['2025-01-01', '2026-06-30', '2026-07-01', '2027-03-31', '2030-09-15']) {
      const db = demo(today);
      const measures = db
        .prepare('SELECT id, code, polarity, target, tolerance FROM measure')
        .all() as MeasureRow[];
      const latest = db.prepare(
        'SELECT value FROM measure_value WHERE measure_id = ? ORDER BY period DESC LIMIT 1',
      );
      const got = { red: 0, amber: 0, green: 0, noTarget: 0, notRated: 0, measures: measures.length };
      for (const m of measures) got[rag((latest.get(m.id) as { value: number }).value, m)] += 1;
      expect(got).toEqual(demoExpected);
    }
  });

  it('has a consistent cohort profile', () => {
    const db = demo();
    const rows = db
      .prepare('SELECT period, breakdown, sum(count) AS total FROM cohort_value GROUP BY period, breakdown')
      .all() as {
      period: string;
      breakdown: string;
      total: number;
    }[];
    const periods = [...new Set(rows.map((r) => r.period))];
    expect(periods.length).toBe(5);
    expect(new Set(rows.map((r) => r.breakdown)).size).toBe(6);
    for (const p of periods) {
      const totals = new Set(rows.filter((r) => r.period === p).map((r) => r.total));
      expect(totals.size).toBe(1);
      const [t] = [...totals];
      expect(t).toBeGreaterThanOrEqual(300);
      expect(t).toBeLessThanOrEqual(340);
    }
  });

  it('has 3 past meetings and 1 upcoming, with approved minutes locked', () => {
    const db = demo();
    const meetings = db.prepare('SELECT * FROM meeting ORDER BY date').all() as {
      id: number;
      date: string;
      status: string;
      approved_at_meeting_id: number | null;
      chair_member_id: number | null;
    }[];
    expect(meetings.length).toBe(4);
    expect(meetings.filter((m) => m.date < TODAY).length).toBe(3);
    expect(meetings.filter((m) => m.date > TODAY).length).toBe(1);
    expect(meetings.map((m) => m.status)).toEqual([
      'minutes_approved',
      'minutes_approved',
      'minutes_draft',
      'agenda_published',
    ]);
    expect(meetings[0]!.approved_at_meeting_id).toBe(meetings[1]!.id);
    expect(meetings[1]!.approved_at_meeting_id).toBe(meetings[2]!.id);
    for (const m of meetings.slice(0, 3)) {
      expect(count(db, 'SELECT count(*) AS n FROM attendance WHERE meeting_id = ?', m.id)).toBe(12);
      expect(m.chair_member_id).not.toBeNull();
      const items = db
        .prepare('SELECT minutes_doc, minutes_text FROM agenda_item WHERE meeting_id = ?')
        .all(m.id) as {
        minutes_doc: string;
        minutes_text: string;
      }[];
      expect(items.length).toBeGreaterThanOrEqual(7);
      const docs = items.map((i) => i.minutes_doc).join('\n');
      expect(docs).toContain('"bulletList"');
      expect(docs).toContain('"orderedList"');
      expect(docs).toContain('"bold"');
      for (const i of items) {
        if (i.minutes_doc) expect(JSON.parse(i.minutes_doc).type).toBe('doc');
      }
      expect(items.some((i) => /^- /m.test(i.minutes_text))).toBe(true);
      expect(items.some((i) => /^1\. /m.test(i.minutes_text))).toBe(true);
    }
    expect(
      count(
        db,
        "SELECT count(*) AS n FROM attendance WHERE status = 'substitute' AND substitute_for_member_id IS NOT NULL",
      ),
    ).toBe(1);
    expect(count(db, 'SELECT count(*) AS n FROM declaration')).toBeGreaterThanOrEqual(1);
    const upcoming = meetings[3]!;
    expect(
      count(db, 'SELECT count(*) AS n FROM agenda_item WHERE meeting_id = ?', upcoming.id),
    ).toBeGreaterThanOrEqual(9);
    expect(
      count(
        db,
        "SELECT count(*) AS n FROM agenda_item WHERE meeting_id = ? AND minutes_text <> ''",
        upcoming.id,
      ),
    ).toBe(0);
    expect(
      count(
        db,
        "SELECT count(*) AS n FROM link l JOIN agenda_item a ON a.id = l.agenda_item_id WHERE a.meeting_id = ? AND a.kind = 'priority' AND l.to_priority_id IS NOT NULL",
        upcoming.id,
      ),
    ).toBeGreaterThanOrEqual(1);

    // Locked: editing approved minutes fails.
    expect(() =>
      db.prepare("UPDATE agenda_item SET minutes_text = 'x' WHERE meeting_id = ?").run(meetings[0]!.id),
    ).toThrow(/locked/);
  });

  it('has overdue actions relative to today, and open ones due later', () => {
    const db = demo();
    const overdue = count(
      db,
      "SELECT count(*) AS n FROM action WHERE status IN ('open', 'in_progress') AND due_date < ?",
      TODAY,
    );
    expect(overdue).toBeGreaterThanOrEqual(3);
    expect(
      count(
        db,
        "SELECT count(*) AS n FROM action WHERE status IN ('open', 'in_progress') AND due_date >= ?",
        TODAY,
      ),
    ).toBeGreaterThanOrEqual(1);
    expect(
      count(db, "SELECT count(*) AS n FROM action WHERE status = 'complete' AND completed_at IS NOT NULL"),
    ).toBeGreaterThanOrEqual(1);
    expect(count(db, 'SELECT count(*) AS n FROM action_update')).toBeGreaterThanOrEqual(3);
    for (const today of ['2025-01-01', '2027-03-31', '2030-09-15']) {
      const other = demo(today);
      expect(
        count(
          other,
          "SELECT count(*) AS n FROM action WHERE status IN ('open', 'in_progress') AND due_date < ?",
          today,
        ),
      ).toBe(overdue);
    }
  });

  it('has referential integrity', () => {
    const db = demo();
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('has one exempt Part B item whose distinctive words appear nowhere public', () => {
    const db = demo();
    const exempt = db
      .prepare('SELECT id, exempt_para, public_title, minutes_text FROM agenda_item WHERE exempt = 1')
      .all() as {
      id: number;
      exempt_para: number;
      public_title: string;
      minutes_text: string;
    }[];
    expect(exempt.length).toBe(1);
    const item = exempt[0]!;
    expect(item.exempt_para).toBe(1);
    expect(item.public_title).toBe('Placement matter — exempt under paragraph 1');
    expect(item.minutes_text).toContain(EXEMPT_PHRASE);
    expect(count(db, 'SELECT count(*) AS n FROM decision WHERE agenda_item_id = ?', item.id)).toBe(1);
    const publicText = [
      ...(db
        .prepare('SELECT title || minutes_text || minutes_doc AS t FROM agenda_item WHERE exempt = 0')
        .all() as { t: string }[]),
      ...(db
        .prepare(
          'SELECT d.text AS t FROM decision d JOIN agenda_item a ON a.id = d.agenda_item_id WHERE a.exempt = 0',
        )
        .all() as { t: string }[]),
      ...(db.prepare('SELECT description AS t FROM action').all() as { t: string }[]),
      ...(db.prepare('SELECT said || did AS t FROM voice_entry').all() as { t: string }[]),
    ]
      .map((r) => r.t)
      .join('\n');
    expect(publicText).not.toContain('Ravensmoor');
  });

  it('refuses a board that is not empty', () => {
    const db = demo();
    expect(() => writeDemoBoard(db, { today: TODAY })).toThrow();
  });
});
