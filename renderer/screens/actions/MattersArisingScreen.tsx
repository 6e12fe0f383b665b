import { Link, useParams } from 'react-router';
import { MattersArising } from './MattersArising';

/** Matters arising for one meeting, on its own page: the clerk prepares or records them from the action log. */
export function MattersArisingScreen() {
  const meetingId = Number(useParams().meetingId);
  if (!Number.isInteger(meetingId) || meetingId <= 0) return <p role="alert">That meeting does not exist.</p>;
  return (
    <div className="matters-screen">
      <p>
        <Link to="/actions">Back to the action log</Link>
      </p>
      <h1>Matters arising</h1>
      <MattersArising meetingId={meetingId} />
    </div>
  );
}
