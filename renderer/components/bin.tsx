import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import type { ApiInput } from '../../shared/api';
import { binKindLabels, type BinKind } from '../../shared/api/bin';
import { call } from '../api/client';
import { staleAfterCommand } from '../api/stale';
import { Button, DialogBox, ErrorNote } from './forms';

/**
 * Deleting anywhere in CPB works one way: a dialog names what will go to the bin and asks first;
 * once deleted, a status message (announced politely to screen readers) offers Undo until it is
 * dismissed or the next delete replaces it; the Bin screen restores anything later.
 */

interface Deleted {
  kind: BinKind;
  recordId: number;
  /** “The meeting of 3 December 2026”. */
  what: string;
  /** Where to go after Undo, given the restored record's id (it may have a new one). */
  backTo?: (id: number) => string;
}

interface UndoState {
  deleted: Deleted | null;
  announce: (d: Deleted) => void;
}

const UndoContext = createContext<UndoState>({ deleted: null, announce: () => {} });

export function UndoProvider({ children }: { children: ReactNode }) {
  const [deleted, setDeleted] = useState<Deleted | null>(null);
  const value = useMemo(() => ({ deleted, announce: setDeleted }), [deleted]);
  return (
    <UndoContext.Provider value={value}>
      {children}
      <UndoBar deleted={deleted} onDone={() => setDeleted(null)} />
    </UndoContext.Provider>
  );
}

/**
 * The status line with Undo. The live region is always in the page so its news is read out; it
 * has no status role, so it never competes with a screen's own status messages.
 */
function UndoBar({ deleted, onDone }: { deleted: Deleted | null; onDone: () => void }) {
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const [restored, setRestored] = useState('');
  const undo = async () => {
    if (!deleted) return;
    setBusy(true);
    setError(null);
    try {
      const r = await call('bin.restore', { kind: deleted.kind, recordId: deleted.recordId });
      await qc.invalidateQueries({ predicate: staleAfterCommand('bin.restore') });
      setRestored(`${capitalise(deleted.what)} restored.`);
      onDone();
      if (deleted.backTo) void navigate(deleted.backTo(r.id));
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="undo-bar" aria-live="polite" data-testid="undo-bar">
      {deleted ? (
        <div className="undo-toast">
          <span>{capitalise(deleted.what)} moved to the bin.</span>
          <Button variant="secondary" size="small" onPress={() => void undo()} isDisabled={busy}>
            Undo
          </Button>
          <Button
            variant="secondary"
            size="small"
            reads
            aria-label="Dismiss"
            onPress={() => {
              setRestored('');
              onDone();
            }}
          >
            ×
          </Button>
          <ErrorNote error={error} />
        </div>
      ) : restored ? (
        <div className="undo-toast">
          <span>{restored}</span>
          <Button variant="secondary" size="small" reads aria-label="Dismiss" onPress={() => setRestored('')}>
            ×
          </Button>
        </div>
      ) : null}
    </div>
  );
}

const capitalise = (s: string) => (s ? s[0]!.toUpperCase() + s.slice(1) : s);

/** Offers Undo for a record just deleted. */
export function useAnnounceDeleted(): (d: Deleted) => void {
  const ctx = useContext(UndoContext);
  return useCallback((d: Deleted) => ctx.announce(d), [ctx]);
}

type DeleteMethod =
  | 'meeting.delete'
  | 'item.remove'
  | 'decision.delete'
  | 'meeting.deleteAction'
  | 'member.delete'
  | 'measure.delete'
  | 'voice.delete'
  | 'visit.delete';

/**
 * The confirm dialog every delete goes through. `what` names the record (“the decision
 * ‘RESOLVED that…’”); `detail` says what goes with it. On success the dialog closes, Undo is
 * offered and `onDeleted` runs (to leave a page that showed the record).
 */
export function ConfirmDelete<M extends DeleteMethod>(props: {
  isOpen: boolean;
  onClose: () => void;
  method: M;
  input: ApiInput<M>;
  kind: BinKind;
  recordId: number;
  what: string;
  detail?: ReactNode;
  /** The button's words, e.g. “Delete the meeting”. */
  action: string;
  onDeleted?: () => void;
  backTo?: (id: number) => string;
}) {
  const qc = useQueryClient();
  const announce = useAnnounceDeleted();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const close = () => {
    setError(null);
    props.onClose();
  };
  const remove = async () => {
    setPending(true);
    setError(null);
    try {
      await call(props.method as DeleteMethod, props.input as never);
    } catch (e) {
      setError(e as Error);
      setPending(false);
      return;
    }
    setPending(false);
    props.onClose();
    announce({ kind: props.kind, recordId: props.recordId, what: props.what, backTo: props.backTo });
    // Leave a page that showed the record before its reads are refreshed, so it never shows
    // “there is no meeting with id …”.
    props.onDeleted?.();
    void qc.invalidateQueries({ predicate: staleAfterCommand(props.method) });
  };
  return (
    <DialogBox title={`${props.action}?`} isOpen={props.isOpen} onClose={close}>
      <p>
        {capitalise(props.what)} will be moved to the bin. {props.detail}
      </p>
      <p className="hint">You can undo this straight away, or restore it later from the Bin.</p>
      <div className="toolbar">
        <Button variant="danger" autoFocus isDisabled={pending} onPress={() => void remove()}>
          {props.action}
        </Button>
        <Button variant="secondary" onPress={close}>
          Keep it
        </Button>
      </div>
      <ErrorNote error={error} />
    </DialogBox>
  );
}

export const kindLabel = (k: BinKind): string => binKindLabels[k];
