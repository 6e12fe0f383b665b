import { useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { useApi } from '../../api/hooks';
import { QueryState } from '../../components/QueryState';
import { LiveMeeting } from './live/LiveMeeting';
import { storedItemId } from './live/place';

/** The live meeting screen: loads the meeting and opens it at the item asked for or last visited. */
export function LiveMeetingScreen() {
  const { id } = useParams();
  const q = useApi('meeting.get', { id: Number(id) });
  const [params] = useSearchParams();
  // A link to an item wins; otherwise the clerk comes back to the item they were on.
  // Read once: the stored place changes as the clerk moves, and must not remount the screen.
  const [storedItem] = useState(() => storedItemId(Number(id)));
  const itemId = Number(params.get('item')) || storedItem;
  return (
    <QueryState query={q}>
      {(m) => (
        <LiveMeeting
          key={`${m.id}:${itemId}`}
          m={m}
          startIndex={Math.max(
            0,
            m.items.findIndex((i) => i.id === itemId),
          )}
        />
      )}
    </QueryState>
  );
}
