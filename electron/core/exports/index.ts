/** One entry point for every Word document. What each kind needs is checked by its schema (shared/api/exports). */
import type { DocumentRequest } from '../../../shared/api/exports';
import type { DB } from '../store/board-file';
import { actionLogDocument } from './action-log';
import { agendaDocument } from './agenda';
import { annualDocument } from './annual';
import { minutesDocument } from './minutes';
import { scorecardDocument } from './scorecard';
import { forwardPlanDocument } from './forward-plan';

export async function buildDocument(
  db: DB,
  today: string,
  req: DocumentRequest,
): Promise<{ fileName: string; data: Buffer }> {
  switch (req.kind) {
    case 'agenda':
      return agendaDocument(db, req.meetingId, today, { public: req.public });
    case 'minutes':
      return minutesDocument(db, req.meetingId, today, { public: req.public, draft: req.draft });
    case 'actions':
      return actionLogDocument(db, today, { public: req.public });
    case 'scorecard':
      return scorecardDocument(db, today, req.meetingId);
    case 'annual':
      return annualDocument(db, today, req.from, req.to);
    case 'forward-plan':
      return forwardPlanDocument(db, req.from, req.to);
  }
}
