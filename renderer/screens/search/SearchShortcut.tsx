import { useEffect, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { Link } from 'react-router';
import { DialogBox, TextInput } from '../../components/forms';
import { SearchResults } from './SearchResults';
import { useSearch } from './useSearch';

/**
 * The top bar's search: a visible "Search (Ctrl+K)" button, and Ctrl+K / Cmd+K from anywhere in
 * the app, open a search box whose results open the hit in place.
 */
export function SearchShortcut() {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        setOpen(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <>
      <button
        type="button"
        className="search-button"
        onClick={() => setOpen(true)}
        aria-keyshortcuts="Control+K Meta+K"
      >
        Search (Ctrl+K)
      </button>
      <DialogBox title="Search" isOpen={open} onClose={() => setOpen(false)}>
        {open ? <SearchBox onOpen={() => setOpen(false)} /> : null}
      </DialogBox>
    </>
  );
}

function SearchBox({ onOpen }: { onOpen: () => void }) {
  const [q, setQ] = useState('');
  const s = useSearch(q);
  // Up and Down arrows move between the search field and the results.
  const onKeyDown = (e: ReactKeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const stops = [
      e.currentTarget.querySelector<HTMLElement>('input'),
      ...e.currentTarget.querySelectorAll<HTMLElement>('.search-hit-label'),
    ].filter((x): x is HTMLElement => x !== null);
    const at = stops.indexOf(document.activeElement as HTMLElement);
    if (at < 0) return;
    const next = stops[Math.min(stops.length - 1, Math.max(0, at + (e.key === 'ArrowDown' ? 1 : -1)))];
    if (next && next !== stops[at]) {
      e.preventDefault();
      next.focus();
    }
  };
  return (
    <div className="search-box" onKeyDown={onKeyDown}>
      <form
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          // Enter in the search field opens the first result, when there is one.
          if (s.active && s.data && s.data.hits.length > 0)
            e.currentTarget.parentElement?.querySelector<HTMLElement>('.search-hit-label')?.click();
        }}
      >
        <TextInput
          label="Search minutes, decisions, actions, commentary and “you said, we did”"
          type="search"
          value={q}
          onChange={setQ}
          autoFocus
          description="Enter opens the first result; Down arrow or Tab to another result, Enter opens it; Escape closes."
        />
      </form>
      {s.error ? (
        <div role="alert" className="error-panel">
          {s.error.message}
        </div>
      ) : null}
      {s.active && s.data ? (
        <SearchResults hits={s.data.hits.slice(0, 20)} total={s.data.total} onOpen={onOpen} />
      ) : null}
      {s.active ? (
        <p>
          <Link to={`/search?q=${encodeURIComponent(q)}`} onClick={onOpen}>
            All results on the search page
          </Link>
        </p>
      ) : null}
    </div>
  );
}
