import type { DB } from '../store/board-file';
import { boardCount } from '../store/seed';
import { writeAnnualTexts } from './annual';
import { writeCohort, writeMeasures } from './measures';
import { writeMeetings } from './meetings';
import { writeBoardAndStrategy } from './strategy';
import { checkIsoDate } from './util';

export { demoExpected } from './measures';
export { EXEMPT_PHRASE, meetingDates } from './meetings';
export { AUTHORITY as DEMO_AUTHORITY, BOARD_NAME as DEMO_BOARD_NAME } from './strategy';

/**
 * Fills an empty, migrated board file with the Northshire demo board: a fictional authority
 * built from the structures of the seed strategies. Everything is dated relative to `today`
 * (ISO 'YYYY-MM-DD'), so there is always an upcoming meeting and some overdue actions, and the
 * same `today` always gives byte-identical data. One transaction: all or nothing.
 */
export function writeDemoBoard(db: DB, opts: { today: string }): void {
  const today = checkIsoDate(opts.today);
  if (boardCount(db) > 0) throw new Error('The demo board can only be written into an empty board file');
  db.transaction(() => {
    writeBoardAndStrategy(db, today);
    writeMeasures(db, today);
    writeCohort(db, today);
    writeMeetings(db, today);
    writeAnnualTexts(db, today);
  }).immediate();
}
