import type { DB } from '../store/board-file';
import { measureIdByCode } from '../store/report-figures';
import { tableHasColumn } from '../store/seed';
import { insert, stamp } from './util';

/** The council year (1 April to 31 March) `today` falls in: '2026-27'. */
function councilYear(today: string): string {
  const y = Number(today.slice(0, 4));
  const start = Number(today.slice(5, 7)) >= 4 ? y : y - 1;
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}

/**
 * The annual report's words for the current council year, as a clerk would write them for the
 * Northshire demo: the chair's foreword, the narrative sections and commentary on two charts.
 * Skipped on a board file from before the annual report kept its words (migration 0011).
 */
export function writeAnnualTexts(db: DB, today: string): void {
  if (!tableHasColumn(db, 'annual_text', 'body')) return;
  const year = councilYear(today);
  const at = stamp(today, '08:30');
  const sections: [string, string][] = [
    [
      'foreword',
      'This is the Corporate Parenting Board’s report on the year. As corporate parents, every councillor and every partner on the Board shares one question: would this be good enough for my child?\n\n' +
        'This year the Board heard directly from the Children in Care Council at every meeting, and young people co-chaired part of their own reviews in more cases than ever before. We have also been honest about where we are not yet good enough: dental checks and visits by Independent Reviewing Officers fell, and the Board has asked for recovery plans for both.\n\n' +
        'I thank the young people who gave their time to the Board, our foster carers and residential staff, and the officers and partners who answer our questions each quarter.',
    ],
    [
      'highlights',
      'What changed for children in care and care leavers this year:\n' +
        '- more children took part in their own review, with young people co-chairing part of it;\n' +
        '- Personal Education Plan completion stayed above the 95% target, and the Virtual School’s electronic PEP is now used in every school;\n' +
        '- accommodation figures for care leavers were added to the scorecard at the Board’s request, so members now see where care leavers live as well as whether they are in education, employment or training;\n' +
        '- members began a programme of visits to the council’s children’s homes.',
    ],
    [
      'challenges',
      'Two measures have fallen for several quarters in a row. Dental checks for children in care fell as NHS dental practices stopped taking new patients; the Chair raised this with the Integrated Care Board and a recovery plan is in place. Visits by Independent Reviewing Officers in the six weeks before a review fell while the service carried vacancies; one post has been filled and an analysis will come to the Board.\n\n' +
        'Adoption timeliness remains slower than the national average. An improvement plan is on the agenda for December.',
    ],
    [
      'voice',
      'Jade and Kai represented the Children in Care Council at the Board this year. Their survey of reviews found that young people want to know who is coming before the meeting starts; that is now part of every review invitation. They also told the Board that pocket money should not depend on the kind of home a young person lives in; a single rate is out for consultation with young people.',
    ],
    [
      'ahead',
      'Next year the Board will keep health, stability and the voice of the child at the centre of its work. It will look closely at:\n' +
        '1. the dental checks recovery plan, until the figures are back above target;\n' +
        '2. the adoption timeliness improvement plan;\n' +
        '3. the pocket money and savings policy, agreed with young people.',
    ],
  ];
  for (const [section, body] of sections)
    insert(db, 'annual_text', { year, section, body, updated_at: at, revision: 1 });
  const measures: [string, string][] = [
    [
      'H2',
      'Dental checks have fallen for four quarters in a row as NHS dental practices stopped taking new patients. The Board escalated this to the Integrated Care Board; the recovery plan gives children in care priority access through the community dental service.',
    ],
    [
      'V1',
      'Participation in reviews has risen each quarter and is now above target, helped by young people co-chairing part of their own review.',
    ],
  ];
  for (const [code, body] of measures) {
    const id = measureIdByCode(db, code);
    if (id !== null)
      insert(db, 'annual_measure_text', { year, measure_id: id, body, updated_at: at, revision: 1 });
  }
}
