/** One entry point for every Word document: validates what each kind needs and builds it. */
import { ApiError } from '../../../shared/api/errors';
import type { DocumentKind } from '../../../shared/api/exports';
import type { DB } from '../store/board-file';
import { actionLogDocument } from './action-log';
import { agendaDocument } from './agenda';
import { annualDocument } from './annual';
import { minutesDocument } from './minutes';
import { scorecardDocument } from './scorecard';

export interface DocumentRequest {
  kind: DocumentKind;
  meetingId?: number;
  from?: string;
  to?: string;
  public?: boolean;
}

export async function buildDocument(
  db: DB,
  today: string,
  req: DocumentRequest,
): Promise<{ fileName: string; data: Buffer }> {
  switch (req.kind) {
    case 'agenda':
      if (req.meetingId === undefined)
        throw new ApiError('invalid_input', 'The agenda needs a meeting: choose which meeting');
      return agendaDocument(db, req.meetingId, today);
    case 'minutes':
      if (req.meetingId === undefined)
        throw new ApiError('invalid_input', 'The minutes need a meeting: choose which meeting');
      return minutesDocument(db, req.meetingId, today, { public: req.public === true });
    case 'actions':
      return actionLogDocument(db, today, { public: req.public === true });
    case 'scorecard':
      return scorecardDocument(db, today, req.meetingId);
    case 'annual':
      if (!req.from || !req.to)
        throw new ApiError('invalid_input', 'The annual report needs a date range: give both from and to');
      return annualDocument(db, today, req.from, req.to);
  }
}
