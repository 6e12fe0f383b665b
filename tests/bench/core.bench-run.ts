import { readFileSync } from 'node:fs';
import path from 'node:path';
import { it } from 'vitest';
import { dispatch } from '../../electron/core/dispatch';
import { createDemoBoardFile } from '../../electron/core/demo/file';
import { dumpBoard } from '../../electron/core/services/dump';
import { Session } from '../../electron/core/session';
import { inspectBoardFile } from '../../electron/core/store/board-file';
import { DEMO_TODAY, tempDir } from '../helpers';
import { report, timeIt } from './measure';

it('core figures', async () => {
  const dir = tempDir('cpb-bench-');
  const rows = [];
  rows.push({
    what: 'write the demo board file (cpb demo)',
    ...(await timeIt(10, (i) => createDemoBoardFile(path.join(dir, `d${i}.cpb`), DEMO_TODAY))),
  });
  const file = path.join(dir, 'd0.cpb');
  rows.push({
    what: 'check a board file read-only (cpb check)',
    ...(await timeIt(20, () => inspectBoardFile(file))),
  });
  rows.push({
    what: 'open a board file (pragmas, schema check)',
    ...(await timeIt(20, () => {
      const s = new Session('bench');
      s.open(file);
      s.close();
    })),
  });
  const session = new Session('bench');
  session.open(file);
  rows.push({
    what: 'dashboard.get through the API dispatcher',
    ...(await timeIt(200, () => dispatch(session, 'dashboard.get', {}))),
  });
  rows.push({
    what: 'dump the whole board (cpb dump)',
    ...(await timeIt(20, () => dumpBoard(session.ctx()))),
  });
  // A clerk's autosave: item.saveMinutes through the API, committed with synchronous=FULL.
  const db = session.ctx().db;
  const item = db
    .prepare(
      "SELECT a.id FROM agenda_item a JOIN meeting m ON m.id = a.meeting_id WHERE m.status = 'agenda_published' LIMIT 1",
    )
    .get() as { id: number };
  const para = (t: string) => ({ type: 'paragraph', content: [{ type: 'text', text: t }] });
  rows.push({
    what: 'autosave an item’s minutes (item.saveMinutes, ~2,000 words)',
    ...(await timeIt(200, async (i) => {
      const text = `Minutes draft ${i}: `.padEnd(12_000, 'the Board discussed the report ');
      const r = await dispatch(session, 'item.saveMinutes', {
        itemId: item.id,
        doc: { type: 'doc', content: [para(text)] },
      });
      if (!r.ok) throw new Error(r.error.message);
    })),
  });
  rows.push({
    what: 'search the board (search.query)',
    ...(await timeIt(200, () => dispatch(session, 'search.query', { q: 'placement' }))),
  });
  const workbook = readFileSync(path.resolve('tests/fixtures/imports/council-scorecard.xlsx')).toString(
    'base64',
  );
  rows.push({
    what: 'preview a council scorecard workbook (import.preview)',
    ...(await timeIt(10, () =>
      dispatch(session, 'import.preview', { fileName: 'council-scorecard.xlsx', dataBase64: workbook }),
    )),
  });
  for (const kind of ['agenda', 'minutes', 'actions', 'scorecard', 'annual'] as const) {
    const input =
      kind === 'agenda'
        ? { kind, meetingId: 4 }
        : kind === 'minutes'
          ? { kind, meetingId: 2, public: true }
          : kind === 'annual'
            ? { kind, from: '2026-04-01', to: '2027-03-31' }
            : { kind };
    rows.push({
      what: `Word export: ${kind}`,
      ...(await timeIt(3, async () => {
        const r = await dispatch(session, 'export.document', input);
        if (!r.ok) throw new Error(r.error.message);
      })),
    });
  }
  session.close();
  report(rows);
});
