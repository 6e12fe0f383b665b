import { Button } from '../../../components/forms';
import type { Item } from '../parts';

/** The agenda beside the current item: each item a button that opens it. */
export function AgendaNav({
  items,
  current,
  onOpen,
}: {
  items: Item[];
  current: Item | undefined;
  onOpen: (index: number) => void;
}) {
  return (
    <nav aria-label="Agenda">
      <h2>Agenda</h2>
      <ol className="agenda-nav">
        {items.map((it, i) => (
          <li key={it.id}>
            {/* A plain button: the kit's drops aria-current, which tells a screen reader which item is open. */}
            <button
              type="button"
              className={`link-button ${it === current ? 'current' : ''}`}
              aria-current={it === current ? 'step' : undefined}
              onClick={() => onOpen(i)}
            >
              {it.position}. {it.title}
              {it.exempt ? ' (Part B)' : ''}
              {it.withdrawn ? ' (withdrawn)' : ''}
              {it.urgent ? ' (urgent business)' : ''}
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** Previous and next item, under the current one. */
export function ItemPager({
  index,
  count,
  onMove,
}: {
  index: number;
  count: number;
  onMove: (delta: number) => void;
}) {
  return (
    <div className="toolbar">
      <Button
        variant="secondary"
        reads
        isDisabled={index === 0}
        onPress={() => onMove(-1)}
        aria-keyshortcuts="Control+Comma Alt+ArrowLeft"
      >
        ← Previous<span className="visually-hidden"> item</span> <span className="key-hint">(Ctrl+,)</span>
      </Button>
      <Button
        reads
        isDisabled={index >= count - 1}
        onPress={() => onMove(1)}
        aria-keyshortcuts="Control+Period Alt+ArrowRight"
      >
        Next<span className="visually-hidden"> item</span> <span className="key-hint">(Ctrl+.)</span> →
      </Button>
    </div>
  );
}
