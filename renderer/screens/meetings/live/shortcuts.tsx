import { useEffect, useRef } from 'react';
import { useRemembered } from '../../../layout/remembered';
import { LivePanel } from './LivePanel';

const shortcuts: [string, string][] = [
  ['Alt+R', 'Attendance'],
  ['Alt+I', 'Declarations of interest'],
  ['Alt+M', 'Minutes of the current item'],
  ['Alt+D', 'Add a decision'],
  ['Alt+A', 'Add an action'],
  ['Alt+V', 'Record the vote on the latest decision'],
  ['Ctrl+. or Alt+→', 'Next item'],
  ['Ctrl+, or Alt+←', 'Previous item'],
  ['Alt+P', 'Approve the last meeting’s minutes (on the minutes item)'],
  ['Alt+S / Alt+E', 'Start / end the meeting'],
  ['Alt+C', 'Show or hide the strategy for this item'],
  ['Alt+G', 'Chart of the first measure in it'],
  ['Ctrl+B, Ctrl+I', 'Bold, italic'],
  ['Ctrl+Shift+8, Ctrl+Shift+7', 'Bulleted, numbered list (or type “- ” or “1. ”)'],
  ['Escape', 'Close a form'],
];

/** The list of shortcuts beside the agenda, folded away until asked for. */
export function ShortcutHelp() {
  const [open, setOpen] = useRemembered('cpb-live-shortcuts-open', false);
  return (
    <LivePanel id="shortcuts" title="Keyboard shortcuts" open={open} onToggle={() => setOpen((o) => !o)}>
      <dl className="shortcuts">
        {shortcuts.map(([k, what]) => (
          <div key={k}>
            <dt>
              <kbd>{k}</kbd>
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
    </LivePanel>
  );
}

/** What each shortcut does now; one left out is not available (its key then does what it normally does). */
export interface LiveKeys {
  next: () => void;
  previous: () => void;
  minutes: () => void;
  attendance: () => void;
  declarations: () => void;
  addDecision?: () => void;
  addAction?: () => void;
  approve?: () => void;
  start?: () => void;
  end?: () => void;
}

/**
 * The live meeting's shortcuts, caught before any field sees them so they work wherever focus is
 * (in the minutes editor too). `paused` while a dialog is open: its own keys come first.
 */
export function useLiveShortcuts(keys: LiveKeys, paused: boolean) {
  const latest = useRef({ keys, paused });
  useEffect(() => {
    latest.current = { keys, paused };
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const { keys: k, paused: off } = latest.current;
      if (off) return;
      const plainAlt = e.altKey && !e.ctrlKey && !e.metaKey && !e.shiftKey;
      const ctrl = (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey;
      const action =
        (plainAlt && e.code === 'ArrowRight') || (ctrl && e.key === '.')
          ? k.next
          : (plainAlt && e.code === 'ArrowLeft') || (ctrl && e.key === ',')
            ? k.previous
            : !plainAlt
              ? undefined
              : {
                  KeyD: k.addDecision,
                  KeyA: k.addAction,
                  KeyM: k.minutes,
                  KeyR: k.attendance,
                  KeyI: k.declarations,
                  KeyP: k.approve,
                  KeyS: k.start,
                  KeyE: k.end,
                }[e.code];
      if (!action) return;
      e.preventDefault();
      e.stopPropagation();
      action();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);
}
