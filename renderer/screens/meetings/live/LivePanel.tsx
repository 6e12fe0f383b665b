import type { ReactNode } from 'react';

/**
 * A panel of live mode's side column that folds away (attendance, declarations, shortcuts): its
 * heading is a button saying whether it is open; `summary` stays in view either way (the quorum).
 */
export function LivePanel({
  id,
  title,
  keys,
  open,
  onToggle,
  summary,
  children,
}: {
  id: string;
  title: string;
  /** The shortcut that opens it and moves focus into it, shown beside the title. */
  keys?: string;
  open: boolean;
  onToggle: () => void;
  summary?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section
      aria-labelledby={`${id}-h`}
      className={`live-panel ${open ? 'open' : 'closed'}`}
      data-testid={`${id}-panel`}
    >
      <h2 id={`${id}-h`} className="live-panel-h">
        <button
          type="button"
          className="panel-toggle"
          aria-expanded={open}
          aria-controls={`${id}-body`}
          onClick={onToggle}
        >
          <span aria-hidden="true">{open ? '▾ ' : '▸ '}</span>
          {title}
          {keys ? (
            <>
              {' '}
              <kbd>{keys}</kbd>
            </>
          ) : null}
        </button>
      </h2>
      {summary}
      <div id={`${id}-body`} className="live-panel-body" hidden={!open}>
        {children}
      </div>
    </section>
  );
}
