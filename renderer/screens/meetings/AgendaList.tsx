import { Button, GridList, GridListItem, useDragAndDrop } from 'react-aria-components';
import { purposeLabels } from '../../../shared/api/meetings';
import type { Item } from './parts';

/**
 * The agenda as a React Aria grid list: drag an item by its handle, or with the keyboard
 * (focus the handle, Enter to pick up, arrows to move, Enter to drop). Moves are announced.
 */
export function AgendaList(props: {
  items: Item[];
  selectedId: number | null;
  onSelect: (id: number) => void;
  onReorder: (ids: number[]) => void;
  disabled?: boolean;
}) {
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
  return (
    <GridList
      aria-label="Agenda items (drag, or focus a handle and press Enter, to move)"
      className="agenda-list"
      items={props.items}
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
        <GridListItem id={item.id} textValue={`${item.position}. ${item.title}`} className="agenda-row">
          {props.disabled ? null : (
            <Button
              slot="drag"
              className="drag-handle"
              aria-label={`Move item ${item.position}, ${item.title}`}
            >
              <span aria-hidden="true">⠿</span>
            </Button>
          )}
          <span className="agenda-pos">{item.position}.</span>
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
  );
}
