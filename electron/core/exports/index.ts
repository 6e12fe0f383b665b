/**
 * One entry point for every document. What each kind needs is checked by its schema
 * (shared/api/exports); each document module describes its pages once (kit.ts), and the format
 * asked for — Word or PDF — renders that one description.
 */
import { withFormat } from '../../../shared/api/exports';
import type { DocumentRequest } from '../../../shared/api/exports';
import type { DB } from '../store/board-file';
import { actionLogDocument } from './action-log';
import { agendaDocument } from './agenda';
import { annualDocument } from './annual';
import { render, type Described } from './kit';
import { minutesDocument } from './minutes';
import { scorecardDocument } from './scorecard';
import { forwardPlanDocument } from './forward-plan';

/** The document asked for, described (not yet rendered). */
export async function describeDocument(db: DB, today: string, req: DocumentRequest): Promise<Described> {
  switch (req.kind) {
    case 'agenda':
      return agendaDocument(db, req.meetingId, today, { public: req.public });
    case 'minutes':
      return minutesDocument(db, req.meetingId, today, { public: req.public, draft: req.draft });
    case 'actions':
      return actionLogDocument(db, today, { public: req.public, from: req.from, to: req.to });
    case 'scorecard':
      return scorecardDocument(db, today, { meetingId: req.meetingId, from: req.from, to: req.to });
    case 'annual':
      return annualDocument(db, today, req.from, req.to);
    case 'forward-plan':
      return forwardPlanDocument(db, req.from, req.to);
  }
}

export async function buildDocument(
  db: DB,
  today: string,
  req: DocumentRequest,
): Promise<{ fileName: string; data: Buffer }> {
  const described = await describeDocument(db, today, req);
  return {
    fileName: withFormat(described.fileName, req.format),
    data: await render(described.spec, req.format),
  };
}
