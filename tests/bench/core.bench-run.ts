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
  rows.push({ what: 'write the demo board file (cpb demo)', ...(await timeIt(10, (i) => createDemoBoardFile(path.join(dir, `d${i}.cpb`), DEMO_TODAY))) });
  const file = path.join(dir, 'd0.cpb');
  rows.push({ what: 'check a board file read-only (cpb check)', ...(await timeIt(20, () => inspectBoardFile(file))) });
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
  rows.push({ what: 'dashboard.get through the API dispatcher', ...(await timeIt(200, () => dispatch(session, 'dashboard.get', {}))) });
  rows.push({ what: 'dump the whole board (cpb dump)', ...(await timeIt(20, () => dumpBoard(session.ctx()))) });
  // A clerk's autosave: one UPDATE of an item's minutes, committed with synchronous=FULL.
  const db = session.ctx().db;
  const item = db.prepare("SELECT a.id FROM agenda_item a JOIN meeting m ON m.id = a.meeting_id WHERE m.status <> 'minutes_approved' LIMIT 1").get() as { id: number };
  const save = db.prepare('UPDATE agenda_item SET minutes_text = ? WHERE id = ?');
  rows.push({ what: 'autosave one item’s minutes to disk (synchronous=FULL)', ...(await timeIt(200, (i) => save.run(`Minutes draft ${i} `.repeat(200), item.id))) });
  session.close();
  report(rows);
});
