/**
 * The bare work each figure of `npm run bench` is compared with, measured in the same run on the
 * same file: raw SQL for reads (the statements a hand-written query would run, no validation or
 * shaping), a bare UPDATE for autosave, a bare docx Packer (and chart render) for documents,
 * papaparse and a bare INSERT for an import.
 */
import Database from 'better-sqlite3';
import { Document, ImageRun, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import Papa from 'papaparse';
import { loadCharts } from '../../electron/core/exports/charts';
import { formatDate } from '../../shared/domain/dates';
import type { DB } from '../../electron/core/store/board-file';
import { nativeBinding } from '../../electron/core/store/native';

/** Opening the file as bare as it gets: connect, the pragmas, one read. */
export function rawOpen(file: string): void {
  const db = new Database(file, { fileMustExist: true, nativeBinding: nativeBinding() });
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.prepare('SELECT count(*) FROM sqlite_master').get();
  db.close();
}

/** A bare table the size of an item's minutes, to autosave into with a bare UPDATE. */
export function bareAutosave(db: DB): (doc: string, text: string) => void {
  db.exec('CREATE TABLE IF NOT EXISTS bench_bare (id INTEGER PRIMARY KEY, doc TEXT, text TEXT)');
  db.prepare("INSERT OR IGNORE INTO bench_bare (id, doc, text) VALUES (1, '', '')").run();
  const update = db.prepare('UPDATE bench_bare SET doc = ?, text = ? WHERE id = 1');
  return db.transaction((doc: string, text: string) => void update.run(doc, text));
}

/** The reads the dashboard needs, as plain SQL. */
export function rawDashboard(db: DB, today: string): () => unknown {
  const next = db.prepare(
    "SELECT * FROM meeting WHERE date >= ? AND status NOT IN ('minutes_draft', 'minutes_approved') ORDER BY date, id LIMIT 1",
  );
  const items = db.prepare(
    'SELECT position, title, exempt FROM agenda_item WHERE meeting_id = ? ORDER BY position',
  );
  const measures = db.prepare('SELECT id, target, tolerance, polarity FROM measure WHERE archived = 0');
  const latest = db.prepare(
    `SELECT m.id, v.value FROM measure m JOIN measure_value v ON v.id = (
       SELECT v2.id FROM measure_value v2 WHERE v2.measure_id = m.id ORDER BY v2.period_key DESC LIMIT 1)
     WHERE m.archived = 0`,
  );
  const counts = db.prepare(
    "SELECT count(*) AS open, sum(due_date < ?) AS overdue FROM action WHERE status IN ('open', 'in_progress')",
  );
  const overdue = db.prepare(
    `SELECT a.id, a.description, coalesce(mb.name, a.owner_name) AS owner, a.due_date, m.date, a.exempt
     FROM action a LEFT JOIN member mb ON mb.id = a.owner_member_id LEFT JOIN meeting m ON m.id = a.meeting_id
     WHERE a.status IN ('open', 'in_progress') AND a.due_date < ? ORDER BY a.due_date, a.id LIMIT 10`,
  );
  const decisions = db.prepare(
    `SELECT d.id, d.text, a.meeting_id, m.date, a.title, d.exempt FROM decision d
     JOIN agenda_item a ON a.id = d.agenda_item_id JOIN meeting m ON m.id = a.meeting_id
     WHERE m.date <= ? ORDER BY m.date DESC, a.position DESC, d.position DESC LIMIT 6`,
  );
  return () => {
    const n = next.get(today) as { id: number } | undefined;
    return [
      n,
      n ? items.all(n.id) : [],
      measures.all(),
      latest.all(),
      counts.get(today),
      overdue.all(today),
      decisions.all(today),
    ];
  };
}

/** The reads the scorecard needs: measures, every figure and comparator in period order. */
export function rawScorecard(db: DB): () => unknown {
  const measures = db.prepare(
    `SELECT m.*, p.code AS pc, p.title AS pt FROM measure m LEFT JOIN priority p ON p.id = m.priority_id
     WHERE m.archived = 0 ORDER BY p.sort, m.sort, m.code`,
  );
  const values = db.prepare(
    'SELECT measure_id, period, value FROM measure_value ORDER BY measure_id, period_key',
  );
  const comps = db.prepare(
    'SELECT measure_id, kind, period, value FROM comparator ORDER BY measure_id, kind, period_key',
  );
  return () => [measures.all(), values.all(), comps.all()];
}

/** The overdue actions' first page as one hand-written query, with each one's latest update, and the count. */
export function rawOverdueActions(db: DB, today: string): () => unknown {
  const page = db.prepare(
    `SELECT a.*, coalesce(mb.name, a.owner_name) AS owner, p.title AS priority, m.date AS meeting_date,
            ai.position, ai.title AS item_title, lu.date AS lu_date, lu.text AS lu_text, lu.author AS lu_author
     FROM action a
     LEFT JOIN member mb ON mb.id = a.owner_member_id
     LEFT JOIN priority p ON p.id = a.priority_id
     LEFT JOIN meeting m ON m.id = a.meeting_id
     LEFT JOIN agenda_item ai ON ai.id = a.agenda_item_id
     LEFT JOIN action_update lu ON lu.id = (SELECT u.id FROM action_update u WHERE u.action_id = a.id
                                            ORDER BY u.date DESC, u.created_at DESC, u.id DESC LIMIT 1)
     WHERE a.status IN ('open', 'in_progress') AND a.due_date < ?
     ORDER BY m.date, ai.position, a.id LIMIT 100`,
  );
  const count = db.prepare(
    "SELECT count(*) AS n FROM action WHERE status IN ('open', 'in_progress') AND due_date < ?",
  );
  return () => [page.all(today), count.get(today)];
}

/** A page of "you said, we did" and the count. */
export function rawVoice(db: DB): () => unknown {
  const page = db.prepare(
    `SELECT v.*, p.title, m.date FROM voice_entry v LEFT JOIN priority p ON p.id = v.priority_id
     LEFT JOIN meeting m ON m.id = v.meeting_id ORDER BY v.said_date DESC, v.id DESC LIMIT 50`,
  );
  const count = db.prepare('SELECT count(*) FROM voice_entry');
  return () => [page.all(), count.get()];
}

/** A meeting's record, one query per table. */
export function rawMeeting(db: DB, meetingId: number): () => unknown {
  const q = [
    'SELECT * FROM meeting WHERE id = ?',
    'SELECT * FROM agenda_item WHERE meeting_id = ? ORDER BY position',
    'SELECT p.* FROM agenda_paper p JOIN agenda_item a ON a.id = p.agenda_item_id WHERE a.meeting_id = ?',
    'SELECT l.* FROM link l JOIN agenda_item a ON a.id = l.agenda_item_id WHERE a.meeting_id = ?',
    'SELECT d.* FROM decision d JOIN agenda_item a ON a.id = d.agenda_item_id WHERE a.meeting_id = ?',
    'SELECT * FROM action WHERE meeting_id = ?',
    'SELECT t.*, m.name FROM attendance t JOIN member m ON m.id = t.member_id WHERE t.meeting_id = ?',
    'SELECT * FROM declaration WHERE meeting_id = ?',
    'SELECT * FROM minutes_amendment WHERE meeting_id = ?',
  ].map((sql) => db.prepare(sql));
  return () => q.map((s) => s.all(meetingId));
}

/** The search: the FTS5 match with its snippets, and the count. */
export function rawSearch(db: DB, match: string): () => unknown {
  const page = db.prepare(
    `SELECT rowid, snippet(search_index, -1, '[', ']', '…', 16) FROM search_index WHERE search_index MATCH ?
     ORDER BY rank LIMIT 50`,
  );
  const count = db.prepare('SELECT count(*) FROM search_index WHERE search_index MATCH ?');
  return () => [page.all(match), count.get(match)];
}

/**
 * The action log as a bare docx: one table of every action with the same words in each cell as
 * the real log (the rows read by raw SQL, dates written out), packed with docx's defaults.
 */
export function bareActionLog(db: DB): () => Promise<Buffer> {
  const rows = db
    .prepare(
      `SELECT a.id, a.description, coalesce(mb.name, a.owner_name) AS owner, a.due_date, m.date, ai.position,
              ai.title, p.code, p.title AS priority, a.status, u.date AS u_date, u.text AS u_text, u.author
       FROM action a LEFT JOIN member mb ON mb.id = a.owner_member_id LEFT JOIN meeting m ON m.id = a.meeting_id
       LEFT JOIN agenda_item ai ON ai.id = a.agenda_item_id LEFT JOIN priority p ON p.id = a.priority_id
       LEFT JOIN action_update u ON u.id = (SELECT id FROM action_update WHERE action_id = a.id
                                            ORDER BY date DESC, created_at DESC, id DESC LIMIT 1)
       ORDER BY a.status, a.urgency, a.due_date`,
    )
    .all() as Record<string, string | number | null>[];
  const text = (v: unknown) => String(v ?? '');
  return () => {
    const table = new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: rows.map(
        (r) =>
          new TableRow({
            children: [
              text(r.id),
              `${text(r.description)}${r.priority ? `\nPriority: ${text(r.code)} ${text(r.priority)}` : ''}`,
              text(r.owner),
              formatDate(r.due_date as string | null),
              `Meeting on ${formatDate(r.date as string | null)}, item ${text(r.position)}: ${text(r.title)}`,
              r.u_date
                ? `${formatDate(r.u_date as string)}: ${text(r.u_text)} (${text(r.author)})`
                : 'No updates yet.',
              text(r.status),
            ].map((v) => new TableCell({ children: v.split('\n').map((line) => new Paragraph(line)) })),
          }),
      ),
    });
    return Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('Action log'), table] }] }));
  };
}

/**
 * The annual report as bare docx and charts: each live measure's chart (the year and the year
 * before, as the report draws it) rendered and packed with a heading, read by raw SQL.
 */
export function bareAnnual(db: DB, from: string, to: string): () => Promise<Buffer> {
  const contextFrom = `${Number(from.slice(0, 4)) - 1}${from.slice(4)}`;
  const measures = db
    .prepare(
      'SELECT id, code, title, unit, polarity, target FROM measure WHERE archived = 0 ORDER BY sort, code',
    )
    .all() as {
    id: number;
    code: string;
    title: string;
    unit: string;
    polarity: string;
    target: number | null;
  }[];
  const values = db.prepare(
    `SELECT period, value FROM measure_value WHERE measure_id = ? AND substr(period_key, 12, 10) >= ? AND period_key <= ?
     ORDER BY period_key`,
  );
  const comps = db.prepare(
    `SELECT period, value FROM comparator WHERE measure_id = ? AND kind = 'england'
       AND substr(period_key, 12, 10) >= ? AND period_key <= ? ORDER BY period_key`,
  );
  return async () => {
    const charts = await loadCharts();
    const children: (Paragraph | Table)[] = [new Paragraph('Annual report')];
    for (const m of measures) {
      const series = values.all(m.id, contextFrom, `${to}~`) as { period: string; value: number }[];
      if (!series.length) continue;
      const png = charts.measureChartPng(
        {
          title: `${m.code} ${m.title}`,
          unit: m.unit as never,
          polarity: m.polarity as never,
          target: m.target,
          series,
          comparators: {
            england: comps.all(m.id, contextFrom, `${to}~`) as { period: string; value: number }[],
          },
        },
        m.code,
      );
      children.push(new Paragraph({ children: [new TextRun({ text: `${m.code} ${m.title}`, bold: true })] }));
      children.push(
        new Paragraph({
          children: [
            new ImageRun({
              type: 'png',
              data: png.data,
              transformation: { width: png.width / 1.2, height: png.height / 1.2 },
            }),
          ],
        }),
      );
    }
    return Packer.toBuffer(new Document({ sections: [{ children }] }));
  };
}

/**
 * An import done bare: papaparse reads the CSV, and one prepared INSERT per row puts the figures
 * into the board's own table (with its indexes), in one transaction, committed (as an import
 * is): run it on a copy of the board.
 */
export function bareImport(db: DB, csv: string): () => void {
  const ids = new Map(
    (db.prepare('SELECT lower(code) AS code, id FROM measure').all() as { code: string; id: number }[]).map(
      (r) => [r.code, r.id],
    ),
  );
  const insert = db.prepare(
    `INSERT INTO measure_value (measure_id, period, period_key, value) VALUES (?, ?, ?, ?)
     ON CONFLICT (measure_id, period) DO UPDATE SET value = excluded.value`,
  );
  const load = db.transaction((rows: string[][]) => {
    for (const r of rows) insert.run(ids.get(r[0]!.toLowerCase()), r[1], r[1], Number(r[2]));
  });
  return () => {
    const parsed = Papa.parse<string[]>(csv, { skipEmptyLines: true });
    load.immediate(parsed.data.slice(1));
  };
}
