import { useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { Button, GridList, GridListItem, useDragAndDrop } from 'react-aria-components';
import { purposeLabels } from '../../../shared/api/meetings';
import type { Item } from './parts';

const moved = (ids: number[], id: number, to: number): number[] => {
  const rest = ids.filter((x) => x !== id);
  return [...rest.slice(0, to), id, ...rest.slice(to)];
};

/**
 * The agenda as a React Aria grid list. With the mouse, drag an item by its handle. With the
 * keyboard, exactly one place per key press, two ways: Alt+↑ / Alt+↓ on an item moves it at once;
 * or Enter on its handle picks it up, ↑ / ↓ move it, Enter drops it there and Escape puts it back.
 * Every move is announced.
 */
export function AgendaList(props: {
  items: Item[];
  selectedId: number | null;
  onSelect: (id: number) => void;
  onReorder: (ids: number[]) => void;
  disabled?: boolean;
}) {
  const [announce, setAnnounce] = useState('');
  // An item picked up by keyboard: its place as it moves, and the order to go back to on Escape.
  const [carrying, setCarrying] = useState<{ id: number; ids: number[]; from: number[] } | null>(null);
  const refocus = useRef<number | null>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const ids = carrying?.ids ?? props.items.map((i) => i.id);
  const shown = ids.map((id) => props.items.find((i) => i.id === id)).filter((i): i is Item => Boolean(i));
  const titleOf = (id: number) => props.items.find((i) => i.id === id)?.title ?? '';

  // A row moved in the DOM can lose focus: put it back on the moving item's handle.
  useLayoutEffect(() => {
    const id = refocus.current;
    if (id === null) return;
    refocus.current = null;
    listRef.current?.querySelector<HTMLElement>(`[role="row"][data-key="${id}"] [data-move-handle]`)?.focus();
  });

  const { dragAndDropHooks } = useDragAndDrop({
    getItems: (keys) =>
      [...keys].map((key) => ({ 'text/plain': props.items.find((i) => i.id === key)?.title ?? String(key) })),
    onReorder(e) {
      const moving = props.items.filter((i) => e.keys.has(i.id)).map((i) => i.id);
      const rest = props.items.map((i) => i.id).filter((id) => !e.keys.has(id));
      const at = rest.indexOf(Number(e.target.key));
      if (at < 0) return;
      const insertAt = e.target.dropPosition === 'after' ? at + 1 : at;
      props.onReorder([...rest.slice(0, insertAt), ...moving, ...rest.slice(insertAt)]);
    },
    isDisabled: props.disabled,
  });

  const place = (list: number[], id: number) =>
    `${titleOf(id)}: position ${list.indexOf(id) + 1} of ${list.length}`;

  const onKeyDownCapture = (e: KeyboardEvent<HTMLDivElement>) => {
    if (props.disabled) return;
    const row = (e.target as HTMLElement).closest<HTMLElement>('[role="row"][data-key]');
    const id = row ? Number(row.dataset.key) : NaN;
    const onHandle = (e.target as HTMLElement).closest('[data-move-handle]') !== null;
    const plain = !e.altKey && !e.ctrlKey && !e.metaKey && !e.shiftKey;
    const step = e.key === 'ArrowUp' ? -1 : e.key === 'ArrowDown' ? 1 : 0;
    const stop = () => {
      e.preventDefault();
      e.stopPropagation();
    };
    if (carrying) {
      if (step !== 0 && plain) {
        stop();
        const at = carrying.ids.indexOf(carrying.id);
        const to = at + step;
        if (to < 0 || to >= carrying.ids.length) {
          setAnnounce(`${titleOf(carrying.id)} is already ${to < 0 ? 'first' : 'last'}.`);
          return;
        }
        const next = moved(carrying.ids, carrying.id, to);
        refocus.current = carrying.id;
        setCarrying({ ...carrying, ids: next });
        setAnnounce(`Moved. ${place(next, carrying.id)}.`);
      } else if ((e.key === 'Enter' || e.key === ' ') && plain) {
        stop();
        const changed = carrying.ids.some((x, i) => x !== carrying.from[i]);
        if (changed) props.onReorder(carrying.ids);
        refocus.current = carrying.id;
        setAnnounce(`Dropped. ${place(carrying.ids, carrying.id)}.`);
        setCarrying(null);
      } else if (e.key === 'Escape' || e.key === 'Tab') {
        if (e.key === 'Escape') stop();
        refocus.current = carrying.id;
        setAnnounce(`Move cancelled. ${place(carrying.from, carrying.id)}.`);
        setCarrying(null);
      }
      return;
    }
    if (!Number.isFinite(id)) return;
    if (onHandle && plain && (e.key === 'Enter' || e.key === ' ')) {
      stop();
      const list = props.items.map((i) => i.id);
      setCarrying({ id, ids: list, from: list });
      setAnnounce(
        `Picked up ${place(list, id)}. Press the up and down arrow keys to move it, Enter to drop it, Escape to cancel.`,
      );
    } else if (step !== 0 && e.altKey && !e.ctrlKey && !e.metaKey && !e.shiftKey) {
      stop();
      const list = props.items.map((i) => i.id);
      const to = list.indexOf(id) + step;
      if (to < 0 || to >= list.length) {
        setAnnounce(`${titleOf(id)} is already ${to < 0 ? 'first' : 'last'}.`);
        return;
      }
      const next = moved(list, id, to);
      refocus.current = null;
      props.onReorder(next);
      setAnnounce(`Moved. ${place(next, id)}.`);
    }
  };

  return (
    <div ref={listRef} onKeyDownCapture={onKeyDownCapture}>
      <p className="visually-hidden" role="status" aria-live="assertive" data-testid="agenda-announce">
        {announce}
      </p>
      <GridList
        aria-label="Agenda items (drag, press Alt and an arrow key, or focus a handle and press Enter, to move)"
        className="agenda-list"
        items={shown}
        selectionMode="single"
        selectionBehavior="replace"
        selectedKeys={props.selectedId === null ? [] : [props.selectedId]}
        onSelectionChange={(keys) => {
          if (keys !== 'all') {
            const k = [...keys][0];
            if (k !== undefined) props.onSelect(Number(k));
          }
        }}
        dragAndDropHooks={props.disabled ? undefined : dragAndDropHooks}
      >
        {(item) => (
          <GridListItem
            id={item.id}
            textValue={`${ids.indexOf(item.id) + 1}. ${item.title}`}
            className={`agenda-row ${carrying?.id === item.id ? 'carrying' : ''}`}
          >
            {props.disabled ? null : (
              <Button
                slot="drag"
                className="drag-handle"
                data-move-handle
                aria-label={`Move item ${ids.indexOf(item.id) + 1}, ${item.title}`}
                aria-pressed={carrying?.id === item.id}
              >
                <span aria-hidden="true">⠿</span>
              </Button>
            )}
            <span className="agenda-pos">{ids.indexOf(item.id) + 1}.</span>
            <span className="agenda-title">
              {item.title}
              {item.exempt ? <span className="badge"> Part B</span> : null}
              {item.withdrawn ? <span className="badge"> Withdrawn</span> : null}
              {item.urgent ? <span className="badge"> Urgent business</span> : null}
            </span>
            <span className="agenda-meta">
              {purposeLabels[item.purpose]}
              {item.minutesAllowed ? ` · ${item.minutesAllowed} min` : ''}
              {item.presenter ? ` · ${item.presenter}` : ''}
            </span>
          </GridListItem>
        )}
      </GridList>
    </div>
  );
}
