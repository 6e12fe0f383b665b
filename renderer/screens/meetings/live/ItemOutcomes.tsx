import { useApiMutation } from '../../../api/hooks';
import { ErrorNote } from '../../../components/forms';
import { Actions, Decisions, type Item } from '../parts';

/** The decisions recorded on the item, each removable while the minutes are open. */
export function ItemDecisions({ item, editable }: { item: Item; editable: boolean }) {
  const del = useApiMutation('decision.delete');
  return (
    <>
      <Decisions item={item} onDelete={editable ? (id) => del.mutate({ id }) : undefined} />
      {item.decisions.length === 0 ? <p className="muted">No decisions recorded.</p> : null}
      <ErrorNote error={del.error} />
    </>
  );
}

/** The actions arising from the item, each removable while the minutes are open. */
export function ItemActions({ item, editable }: { item: Item; editable: boolean }) {
  const del = useApiMutation('meeting.deleteAction');
  return (
    <>
      <Actions item={item} onDelete={editable ? (id) => del.mutate({ id }) : undefined} />
      {item.actions.length === 0 ? <p className="muted">No actions recorded.</p> : null}
      <ErrorNote error={del.error} />
    </>
  );
}
