import { Link } from 'react-router';
import { formatTimestamp } from '../../../shared/domain/dates';
import { useApi, useApiMutation } from '../../api/hooks';
import { Button, ErrorNote } from '../../components/forms';
import { RagChip } from '../../components/RagChip';

/**
 * The scorecard as frozen for this meeting: a meeting always shows its own snapshot, so new
 * figures never change an old meeting's pack. Freezing is offered until the minutes are approved.
 */
export function MeetingSnapshot({ meetingId, locked }: { meetingId: number; locked: boolean }) {
  const q = useApi('snapshot.get', { meetingId });
  const freeze = useApiMutation('snapshot.freeze');
  const snap = q.data?.snapshot ?? null;
  const counts = snap
    ? (['red', 'amber', 'green'] as const).map((r) => ({
        rag: r,
        n: snap.rows.filter((row) => row.rag === r).length,
      }))
    : [];
  return (
    <section aria-labelledby="snapshot-h" className="meeting-snapshot card">
      <h2 id="snapshot-h">Scorecard for this meeting</h2>
      {q.error ? <ErrorNote error={q.error} /> : null}
      {snap ? (
        <>
          <p data-testid="meeting-snapshot">
            Frozen {formatTimestamp(snap.takenAt)} · {snap.rowCount} measures ·{' '}
            {counts.map((c, i) => (
              <span key={c.rag}>
                {i > 0 ? ', ' : ''}
                <RagChip rag={c.rag} /> {c.n}
              </span>
            ))}
          </p>
          <p>
            <Link to={`/scorecard/snapshot/${meetingId}`}>Open the frozen scorecard</Link>
          </p>
        </>
      ) : q.isLoading ? (
        <p aria-live="polite">Loading…</p>
      ) : (
        <p>
          {locked
            ? 'No scorecard was frozen for this meeting. Its agenda pack shows the latest figures for periods that ended before it.'
            : 'No scorecard has been frozen for this meeting yet. Until one is, its agenda pack shows the latest figures for periods that ended before the meeting.'}
        </p>
      )}
      {!locked ? (
        <>
          <ErrorNote error={freeze.error} />
          <Button
            variant={snap ? 'secondary' : 'primary'}
            onPress={() => freeze.mutate({ meetingId })}
            isDisabled={freeze.isPending}
          >
            {snap ? 'Freeze again with today’s figures' : 'Freeze the scorecard for this meeting'}
          </Button>
        </>
      ) : null}
    </section>
  );
}
