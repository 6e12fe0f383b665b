import { useState } from 'react';
import { Link } from 'react-router';
import { formatDate, formatTimestamp } from '../../../shared/domain/dates';
import { useApi, useApiMutation } from '../../api/hooks';
import { Button, DialogBox, ErrorNote, SelectInput } from '../../components/forms';

/**
 * "Freeze for meeting…": stores every measure's scorecard row for one meeting. Only meetings
 * whose minutes are not yet approved can be chosen; freezing again replaces the earlier snapshot.
 */
export function FreezeDialog({ onClose, meetingId }: { onClose: () => void; meetingId?: number }) {
  const list = useApi('snapshot.list', {});
  const info = useApi('app.info', {});
  const freeze = useApiMutation('snapshot.freeze');
  const [chosen, setChosen] = useState<string | null>(meetingId ? String(meetingId) : null);
  const [done, setDone] = useState<{ meetingId: number; takenAt: string; rowCount: number } | null>(null);

  const open = (list.data ?? [])
    .filter((m) => m.status !== 'minutes_approved')
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const today = info.data?.today ?? '';
  const fallback = open.find((m) => m.date >= today) ?? open.at(-1);
  const selectedId = chosen ?? (fallback ? String(fallback.id) : null);
  const selected = open.find((m) => String(m.id) === selectedId);

  return (
    <DialogBox title="Freeze the scorecard for a meeting" isOpen onClose={onClose}>
      {list.isLoading ? <p>Loading meetings…</p> : null}
      {list.data && open.length === 0 ? (
        <p>There is no meeting whose minutes are still open. Add a meeting first.</p>
      ) : null}
      {open.length > 0 ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (!selected) return;
            freeze.mutate(
              { meetingId: selected.id },
              {
                onSuccess: (r) =>
                  setDone({ meetingId: selected.id, takenAt: r.takenAt, rowCount: r.rowCount }),
              },
            );
          }}
        >
          <p>
            Freezing stores every measure’s latest value, period, RAG, direction and commentary as they are
            now. The meeting’s papers then show this snapshot, whatever figures arrive later.
          </p>
          <SelectInput
            label="Meeting"
            value={selectedId}
            onChange={(v) => {
              setChosen(v);
              setDone(null);
            }}
            options={open.map((m) => ({
              id: String(m.id),
              label: `${formatDate(m.date)}${m.date < today ? ' (held)' : m.date === today ? ' (today)' : ''}${m.type === 'extraordinary' ? ' — extraordinary' : ''}`,
            }))}
          />
          {selected?.snapshot ? (
            <p data-testid="existing-snapshot">
              Already frozen {formatTimestamp(selected.snapshot.takenAt)}. Freezing again replaces that
              snapshot.
            </p>
          ) : selected ? (
            <p>Not frozen yet.</p>
          ) : null}
          <div className="toolbar">
            <Button type="submit" isDisabled={!selected || freeze.isPending}>
              {selected?.snapshot ? 'Freeze again' : 'Freeze scorecard'}
            </Button>
            <Button variant="secondary" onPress={onClose}>
              Close
            </Button>
          </div>
          <ErrorNote error={freeze.error} />
          {done ? (
            <p role="status" data-testid="freeze-done">
              Frozen {formatTimestamp(done.takenAt)}: {done.rowCount} measures.{' '}
              <Link to={`/scorecard/snapshot/${done.meetingId}`} onClick={onClose}>
                View the snapshot
              </Link>
            </p>
          ) : null}
        </form>
      ) : null}
    </DialogBox>
  );
}
