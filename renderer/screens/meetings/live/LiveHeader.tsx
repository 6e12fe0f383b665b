import { Link } from 'react-router';
import { meetingStatusLabels } from '../../../../shared/api/meetings';
import { formatDateWithDay } from '../../../../shared/domain/dates';
import { formatDate } from '../../../../shared/domain/dates';
import { Button, ErrorNote, TextInput } from '../../../components/forms';
import { ApprovedNote, type Meeting } from '../parts';

/** The meeting's date, status and the button that moves it on (start, end, resume). */
export function LiveHeader({
  m,
  setStatus,
  error,
  early,
}: {
  m: Meeting;
  setStatus: (to: 'in_progress' | 'minutes_draft') => void;
  error: Error | null;
  /** Set when the meeting is dated later than today: starting it records this reason. */
  early?: { reason: string; setReason: (v: string) => void };
}) {
  return (
    <header className="live-head">
      <div className="live-head-line">
        <h1>Live meeting: {formatDateWithDay(m.date)}</h1>
        {m.status === 'in_progress' ? (
          <Button variant="secondary" onPress={() => setStatus('minutes_draft')}>
            End the meeting (Alt+E)
          </Button>
        ) : null}
      </div>
      <p className="live-head-facts">
        <span className="status-badge" data-testid="meeting-status">
          {meetingStatusLabels[m.status]}
        </span>{' '}
        · {m.startTime} · {m.venue || 'No venue set'}
        {m.chair ? ` · Chair: ${m.chair}` : ''} · <Link to={`/meetings/${m.id}`}>Agenda and details</Link>
        {m.earlyStartReason ? (
          <span data-testid="early-start-reason" className="small">
            {' '}
            · Started early: {m.earlyStartReason}
          </span>
        ) : null}
      </p>
      <ApprovedNote m={m} />
      {m.status === 'draft' ? <p>Publish the agenda before starting the meeting.</p> : null}
      {m.status === 'agenda_published' ? (
        <div className="live-head-actions">
          {early ? (
            <div className="early-start" data-testid="early-start">
              <TextInput
                label="Reason for starting early"
                description={`The meeting is dated ${formatDate(m.date)}: starting it before then is recorded in the minutes as an early start, with this reason.`}
                value={early.reason}
                onChange={early.setReason}
              />
            </div>
          ) : null}
          <Button onPress={() => setStatus('in_progress')}>Start the meeting (Alt+S)</Button>
        </div>
      ) : null}
      {m.status === 'minutes_draft' ? (
        <p>
          The meeting has ended; its minutes are in draft and can still be corrected here until they are
          approved.{' '}
          <Button variant="secondary" onPress={() => setStatus('in_progress')}>
            Resume the meeting (Alt+S)
          </Button>
        </p>
      ) : null}
      <ErrorNote error={error} labels={{ 'early.reason': 'Reason for starting early' }} />
    </header>
  );
}
