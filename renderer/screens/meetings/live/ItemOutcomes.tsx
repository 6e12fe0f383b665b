import { useState } from 'react';
import { ConfirmDelete } from '../../../components/bin';
import { Actions, Decisions, type Item } from '../parts';

/** “RESOLVED that the plan is…” cut to a length a dialog can name. */
const quote = (s: string, max = 90) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

/** The decisions recorded on the item, each removable (to the bin, after asking) while the minutes are open. */
export function ItemDecisions({ item, editable }: { item: Item; editable: boolean }) {
  const [deleting, setDeleting] = useState<number | null>(null);
  const d = item.decisions.find((x) => x.id === deleting);
  return (
    <>
      <Decisions item={item} onDelete={editable ? setDeleting : undefined} />
      {item.decisions.length === 0 ? <p className="muted">No decisions recorded.</p> : null}
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

/** The actions arising from the item, each removable (to the bin, after asking) while the minutes are open. */
export function ItemActions({ item, editable }: { item: Item; editable: boolean }) {
  const [deleting, setDeleting] = useState<number | null>(null);
  const a = item.actions.find((x) => x.id === deleting);
  return (
    <>
      <Actions item={item} onDelete={editable ? setDeleting : undefined} />
      {item.actions.length === 0 ? <p className="muted">No actions recorded.</p> : null}
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
