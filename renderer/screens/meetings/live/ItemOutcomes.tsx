import { useState } from 'react';
import { ConfirmDelete } from '../../../components/bin';
import { Actions, Decisions, type Item, type Meeting } from '../parts';
import { ActionForm } from './ActionForm';
import { DecisionForm } from './DecisionForm';

/** “RESOLVED that the plan is…” cut to a length a dialog can name. */
const quote = (s: string, max = 90) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

/**
 * The decisions recorded on the item. While the minutes are open each can be reworded in place
 * (decision.update, from the revision shown) or removed (to the bin, after asking); once they are
 * approved there is nothing to change here (the core refuses too) — corrections are amendments.
 */
export function ItemDecisions({
  item,
  editable,
  onEditDone,
}: {
  item: Item;
  editable: boolean;
  /** After an edit is saved or cancelled (live mode puts focus back in the minutes). */
  onEditDone?: () => void;
}) {
  const [deleting, setDeleting] = useState<number | null>(null);
  const [editing, setEditing] = useState<number | null>(null);
  const d = item.decisions.find((x) => x.id === deleting);
  const e = editable ? item.decisions.find((x) => x.id === editing) : undefined;
  return (
    <>
      <Decisions
        item={item}
        onEdit={editable ? setEditing : undefined}
        onDelete={editable ? setDeleting : undefined}
      />
      {item.decisions.length === 0 ? <p className="muted">No decisions recorded.</p> : null}
      {e ? (
        <DecisionForm
          key={e.id}
          itemId={item.id}
          decision={e}
          onDone={() => {
            setEditing(null);
            onEditDone?.();
          }}
        />
      ) : null}
      {d ? (
        <ConfirmDelete
          isOpen
          onClose={() => setDeleting(null)}
          method="decision.delete"
          input={{ id: d.id }}
          kind="decision"
          recordId={d.id}
          what={`the decision “RESOLVED that ${quote(d.text)}”`}
          action="Delete the decision"
        />
      ) : null}
    </>
  );
}

/** The actions arising from the item: changed in place or removed while the minutes are open. */
export function ItemActions({
  m,
  item,
  editable,
  onEditDone,
}: {
  m: Meeting;
  item: Item;
  editable: boolean;
  onEditDone?: () => void;
}) {
  const [deleting, setDeleting] = useState<number | null>(null);
  const [editing, setEditing] = useState<number | null>(null);
  const a = item.actions.find((x) => x.id === deleting);
  const e = editable ? item.actions.find((x) => x.id === editing) : undefined;
  return (
    <>
      <Actions
        item={item}
        onEdit={editable ? setEditing : undefined}
        onDelete={editable ? setDeleting : undefined}
      />
      {item.actions.length === 0 ? <p className="muted">No actions recorded.</p> : null}
      {e ? (
        <ActionForm
          key={e.id}
          m={m}
          itemId={item.id}
          action={e}
          onDone={() => {
            setEditing(null);
            onEditDone?.();
          }}
        />
      ) : null}
      {a ? (
        <ConfirmDelete
          isOpen
          onClose={() => setDeleting(null)}
          method="meeting.deleteAction"
          input={{ id: a.id }}
          kind="action"
          recordId={a.id}
          what={`the action “${quote(a.description)}”`}
          detail="It leaves the action log too, with its updates."
          action="Delete the action"
        />
      ) : null}
    </>
  );
}
