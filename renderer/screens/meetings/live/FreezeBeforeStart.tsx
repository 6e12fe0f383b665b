import { useCallback, useRef, useState, type ReactNode } from 'react';
import type { MeetingStatus } from '../../../../shared/api/meetings';
import { useApi, useApiMutation } from '../../../api/hooks';
import { DialogBox, ErrorNote } from '../../../components/forms';

/**
 * Starting a meeting whose scorecard was never frozen asks first: freeze it now with the latest
 * figures (so the meeting and its minutes refer to figures that will not change), or start
 * without. The API stays explicit: this only decides whether 'snapshot.freeze' is called first.
 *
 * `confirmStart()` resolves true when the meeting may start (after freezing, if chosen), false
 * when the clerk cancels. Render `dialog` anywhere on the screen.
 */
export function useFreezeBeforeStart(m: { id: number; status: MeetingStatus }): {
  confirmStart: () => Promise<boolean>;
  dialog: ReactNode;
} {
  const snap = useApi('snapshot.get', { meetingId: m.id }, { enabled: m.status === 'agenda_published' });
  const freeze = useApiMutation('snapshot.freeze');
  const [asking, setAsking] = useState(false);
  const answer = useRef<((start: boolean) => void) | null>(null);
  const refetch = snap.refetch;
  const known = snap.data;
  const resetFreeze = freeze.reset;

  const confirmStart = useCallback(async (): Promise<boolean> => {
    // Only the first start asks: resuming a held meeting does not.
    if (m.status !== 'agenda_published') return true;
    if (answer.current) return false; // already asking
    const current = known ?? (await refetch()).data;
    if (current?.snapshot) return true;
    resetFreeze();
    setAsking(true);
    return new Promise<boolean>((resolve) => {
      answer.current = resolve;
    });
  }, [m.status, known, refetch, resetFreeze]);

  const settle = (start: boolean) => {
    const resolve = answer.current;
    answer.current = null;
    setAsking(false);
    resolve?.(start);
  };

  const dialog = (
    <DialogBox
      title="Freeze the scorecard before the meeting starts?"
      isOpen={asking}
      onClose={() => settle(false)}
    >
      <p>
        No scorecard has been frozen for this meeting. Freezing stores every measure’s latest figures, RAG,
        direction and commentary as they are now, so the discussion and the minutes refer to figures that will
        not change when new ones arrive.
      </p>
      <p>
        Without a frozen scorecard, the meeting shows the latest figures for periods that ended before it.
      </p>
      <ErrorNote error={freeze.error} />
      <div className="toolbar">
        <button
          type="button"
          autoFocus
          disabled={freeze.isPending}
          onClick={() => freeze.mutate({ meetingId: m.id }, { onSuccess: () => settle(true) })}
        >
          Freeze the scorecard and start
        </button>
        <button type="button" className="secondary" onClick={() => settle(true)}>
          Start without freezing
        </button>
        <button type="button" className="secondary" onClick={() => settle(false)}>
          Cancel
        </button>
      </div>
    </DialogBox>
  );
  return { confirmStart, dialog };
}
