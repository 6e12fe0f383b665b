import type { Handlers } from './handler-types';
import { appHandlers } from './services/app';
import { exportsHandlers } from './services/exports';
import { strategyHandlers } from './services/strategy';
import { importsHandlers } from './services/imports';
import { measureHandlers } from './services/measures';
import { scorecardHandlers } from './services/scorecard';
import { cohortHandlers } from './services/cohort';
import { snapshotHandlers } from './services/snapshot';
import { agendaHandlers } from './services/agenda';
import { meetingsHandlers } from './services/meetings';
import { membersHandlers } from './services/members';
import { minutesHandlers } from './services/minutes';
import { actionsHandlers } from './services/actions';
import { voiceHandlers } from './services/voice';
import { searchHandlers } from './services/search';
import { walkHandlers } from './services/walk';
import { binHandlers } from './services/bin';
import { auditHandlers } from './services/audit';
import { presenceHandlers } from './services/presence';
import { votesHandlers } from './services/votes';
import { forwardHandlers } from './services/forward';
import { visitsHandlers } from './services/visits';
import { backupHandlers } from './services/backup';
import { publishingHandlers } from './services/publishing';
import { annualHandlers } from './services/annual';

/** Every API method's implementation. The type makes a missing method a compile error. */
export const handlers: Handlers = {
  ...appHandlers,
  ...exportsHandlers,
  ...strategyHandlers,
  ...importsHandlers,
  ...measureHandlers,
  ...scorecardHandlers,
  ...cohortHandlers,
  ...snapshotHandlers,
  ...membersHandlers,
  ...meetingsHandlers,
  ...agendaHandlers,
  ...minutesHandlers,
  ...actionsHandlers,
  ...voiceHandlers,
  ...searchHandlers,
  ...walkHandlers,
  ...binHandlers,
  ...auditHandlers,
  ...presenceHandlers,
  ...votesHandlers,
  ...forwardHandlers,
  ...visitsHandlers,
  ...backupHandlers,
  ...publishingHandlers,
  ...annualHandlers,
};
