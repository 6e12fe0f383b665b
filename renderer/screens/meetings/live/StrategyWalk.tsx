import { useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { figuresBasisLabel, type ItemContext, type WalkMeasure } from '../../../../shared/api/walk';
import { formatTimestamp } from '../../../../shared/domain/dates';
import type { Item, Meeting } from '../parts';
import { CoverageSummary } from './CoverageSummary';
import { useFollowingMeeting } from './follow';
import { PriorityContext } from './PriorityContext';
import { ScorecardWalk } from './ScorecardWalk';
import { MeasureChartDialog } from './WalkMeasure';

const OPEN_KEY = 'cpb-live-strategy-open';

/**
 * Beside the minutes in live mode: the current item walked against the strategy. For an item
 * linked to priorities, each priority's measures (from the meeting's frozen scorecard), open
 * actions and what young people said; on the scorecard item, the scorecard to minute measure by
 * measure; always, which priorities and principles this agenda covers.
 * Alt+C shows or hides it (and moves focus to it); Alt+G opens the chart of its first measure.
 */
export function StrategyWalk({ m, item }: { m: Meeting; item: Item | undefined }) {
  // Open unless the clerk closed it — or, on a narrow window (1280×720 at 125 %), until opened.
  const [open, setOpen] = useState(() => {
    const stored = sessionStorage.getItem(OPEN_KEY);
    return stored === null ? window.innerWidth >= 1200 : stored !== 'closed';
  });
  const [chart, setChart] = useState<WalkMeasure | null>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const q = useFollowingMeeting('item.context', { itemId: item?.id ?? 0 }, m, item !== undefined);
  const ctx = q.data && q.data.item.id === item?.id ? q.data : undefined;
  const firstMeasure = ctx ? (ctx.scorecard?.[0]?.rows[0] ?? ctx.priorities[0]?.measures[0]) : undefined;

  useEffect(() => sessionStorage.setItem(OPEN_KEY, open ? 'open' : 'closed'), [open]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
      if (e.code === 'KeyC') {
        // Synchronously, so the next key pressed finds focus already here.
        flushSync(() => setOpen((o) => !o));
        toggleRef.current?.focus();
      } else if (e.code === 'KeyG' && firstMeasure) {
        setOpen(true);
        setChart(firstMeasure);
      } else return;
      e.preventDefault();
      e.stopPropagation();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [firstMeasure]);

  return (
    <section
      className={`strategy-walk ${open ? 'open' : 'collapsed'} ${ctx?.scorecard ? 'wide' : ''}`}
      aria-labelledby="strategy-walk-h"
      data-testid="strategy-walk"
    >
      <h2 id="strategy-walk-h">
        <button
          ref={toggleRef}
          type="button"
          className="walk-toggle"
          aria-expanded={open}
          aria-controls="strategy-walk-body"
          onClick={() => setOpen((o) => !o)}
        >
          <span aria-hidden="true">{open ? '▾ ' : '▸ '}</span>
          Strategy for this item <kbd>Alt+C</kbd>
        </button>
      </h2>
      <div id="strategy-walk-body" hidden={!open}>
        {!item ? null : q.error ? (
          <p role="alert">{q.error.message}</p>
        ) : !ctx ? (
          <p aria-live="polite">Loading…</p>
        ) : (
          <WalkBody m={m} ctx={ctx} onChart={setChart} />
        )}
        <section aria-labelledby="walk-coverage-h" className="walk-coverage-section">
          <h3 id="walk-coverage-h">This agenda and the strategy</h3>
          <CoverageSummary meetingId={m.id} version={m} />
        </section>
      </div>
      <MeasureChartDialog m={chart} basis={ctx?.figures.basis ?? 'frozen'} onClose={() => setChart(null)} />
    </section>
  );
}

function WalkBody({ m, ctx, onChart }: { m: Meeting; ctx: ItemContext; onChart: (m: WalkMeasure) => void }) {
  const links = [
    ...ctx.pledges.map((p) => `${p.code} ${p.title}`),
    ...ctx.principles.map((p) => `principle (${p.code}) ${p.title}`),
  ];
  const hasFigures = ctx.scorecard !== null || ctx.priorities.length > 0;
  return (
    <>
      {hasFigures ? (
        <p className={`walk-basis ${ctx.figures.basis}`} data-testid="walk-basis">
          {ctx.figures.basis === 'frozen' && ctx.figures.takenAt
            ? `${figuresBasisLabel.frozen} (frozen ${formatTimestamp(ctx.figures.takenAt)}).`
            : `${figuresBasisLabel.before_meeting}.`}
          {ctx.figures.basis === 'frozen' ? '' : ' Freeze the scorecard from the meeting page to fix them.'}
        </p>
      ) : null}
      {ctx.scorecard ? (
        <ScorecardWalk
          m={m}
          itemId={ctx.item.id}
          groups={ctx.scorecard}
          open={ctx.notesOpen}
          onChart={onChart}
        />
      ) : ctx.priorities.length === 0 ? (
        <p className="muted">
          This item is not linked to a priority.
          {m.status !== 'minutes_approved' ? ' Link it from the agenda on the meeting page.' : ''}
        </p>
      ) : (
        ctx.priorities.map((p) => <PriorityContext key={p.id} p={p} onChart={onChart} />)
      )}
      {links.length ? <p className="small">Also linked to: {links.join('; ')}.</p> : null}
      {hasFigures ? <p className="hint">Alt+G opens the chart of the first measure listed.</p> : null}
    </>
  );
}
