import type { RefObject } from 'react';
import { MinutesEditor, type MinutesEditorHandle } from '../MinutesEditor';
import { MinutesView } from '../MinutesView';
import type { Item, Meeting } from '../parts';

/**
 * The item's minutes: the autosaving editor while the meeting is in progress or its minutes in
 * draft, otherwise the minutes as recorded. `latest` keeps what was last saved for each item, so
 * coming back to an item shows it without waiting for the meeting to be fetched again.
 */
export function MinutesPane({
  m,
  item,
  editable,
  editorRef,
  latest,
}: {
  m: Meeting;
  item: Item;
  editable: boolean;
  editorRef: RefObject<MinutesEditorHandle | null>;
  latest: Map<number, Record<string, unknown>>;
}) {
  if (editable)
    return (
      <MinutesEditor
        key={item.id}
        ref={editorRef}
        itemId={item.id}
        label={`Minutes of item ${item.position}: ${item.title}`}
        initial={latest.get(item.id) ?? item.minutesDoc}
        onSaved={(doc) => latest.set(item.id, doc)}
      />
    );
  return (
    <>
      {m.status !== 'minutes_approved' ? (
        <p className="muted">Minutes can be typed once the meeting has started.</p>
      ) : null}
      <MinutesView doc={item.minutesDoc} />
    </>
  );
}
