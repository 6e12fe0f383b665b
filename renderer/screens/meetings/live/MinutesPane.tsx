import type { RefObject } from 'react';
import { MinutesEditor, type MinutesEditorHandle } from '../MinutesEditor';
import type { MinutesSession } from '../minutesSession';
import { MinutesView } from '../MinutesView';
import type { Item, Meeting } from '../parts';

/**
 * The item's minutes: the autosaving editor while the meeting is in progress or its minutes in
 * draft, otherwise the minutes as recorded. The editor works on the item's session, which keeps
 * what was typed and saved, so coming back to an item shows it without waiting for a fetch.
 */
export function MinutesPane({
  m,
  item,
  editable,
  editorRef,
  session,
}: {
  m: Meeting;
  item: Item;
  editable: boolean;
  editorRef: RefObject<MinutesEditorHandle | null>;
  session: MinutesSession;
}) {
  if (editable)
    return (
      <MinutesEditor
        key={item.id}
        ref={editorRef}
        session={session}
        label={`Minutes of item ${item.position}: ${item.title}`}
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
