import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { Button, DialogBox } from './forms';

/**
 * Keeps a form's unsaved changes from vanishing: while `dirty`, switching away (through
 * `guard`), following a link in the app, or closing or reloading the window asks first.
 * (The browser's own Back button is not caught: the app's router cannot block it.)
 */
export function useUnsavedGuard(dirty: boolean, what: string) {
  const [pending, setPending] = useState<(() => void) | null>(null);
  const navigate = useNavigate();
  const dirtyRef = useRef(dirty);
  dirtyRef.current = dirty;

  useEffect(() => {
    if (!dirty) return;
    const onUnload = (e: BeforeUnloadEvent) => e.preventDefault();
    // Links anywhere in the window (navigation, breadcrumbs): ask before following them.
    const onClick = (e: MouseEvent) => {
      if (!dirtyRef.current || e.defaultPrevented || e.button !== 0) return;
      const a = (e.target as Element | null)?.closest?.('a[href^="#/"]');
      if (!a) return;
      const to = a.getAttribute('href')!.slice(1);
      if (to === window.location.hash.slice(1)) return;
      e.preventDefault();
      e.stopPropagation();
      setPending(() => () => void navigate(to));
    };
    window.addEventListener('beforeunload', onUnload);
    document.addEventListener('click', onClick, true);
    return () => {
      window.removeEventListener('beforeunload', onUnload);
      document.removeEventListener('click', onClick, true);
    };
  }, [dirty, navigate]);

  /** Runs `then` now, or after the user agrees to drop the changes. */
  const guard = (then: () => void) => (dirtyRef.current ? setPending(() => then) : then());

  const dialog = (
    <DialogBox title="Discard unsaved changes?" isOpen={pending !== null} onClose={() => setPending(null)}>
      <p>{what} has changes that are not saved. If you go on, they will be lost.</p>
      <div className="toolbar">
        <Button variant="secondary" reads autoFocus onPress={() => setPending(null)}>
          Keep editing
        </Button>
        <Button
          variant="danger"
          reads
          onPress={() => {
            const then = pending;
            setPending(null);
            dirtyRef.current = false;
            then?.();
          }}
        >
          Discard changes
        </Button>
      </div>
    </DialogBox>
  );
  return { guard, dialog };
}
