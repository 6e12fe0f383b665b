import StarterKit from '@tiptap/starter-kit';
import { EditorContent, useEditor, useEditorState, type Editor } from '@tiptap/react';
import { forwardRef, memo, useEffect, useImperativeHandle, useState } from 'react';
import { saveStateText, type SaveState } from './autosave';
import type { MinutesDoc, MinutesSession, SavedMinutes } from './minutesSession';
import { MinutesView } from './MinutesView';

export interface MinutesEditorHandle {
  focus(): void;
  /** Resolves once everything typed is on disk (or saving has failed visibly). */
  flush(): Promise<void>;
}

export type { SavedMinutes } from './minutesSession';

/** The other version a conflict carries (see the core's staleSave). */
function theirs(current: unknown): SavedMinutes | null {
  const c = current as { doc?: unknown; revision?: unknown } | null;
  if (typeof c !== 'object' || c === null || typeof c.revision !== 'number') return null;
  return { doc: (c.doc ?? null) as MinutesDoc | null, revision: c.revision };
}

export const minutesExtensions = [
  StarterKit.configure({
    blockquote: false,
    code: false,
    codeBlock: false,
    heading: false,
    horizontalRule: false,
    strike: false,
    underline: false,
    link: false,
    dropcursor: false,
  }),
];

function Toolbar({ editor }: { editor: Editor }) {
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      bullet: e.isActive('bulletList'),
      ordered: e.isActive('orderedList'),
    }),
  });
  const btn = (label: string, keys: string, active: boolean, run: () => void) => (
    <button
      type="button"
      className="secondary tool"
      aria-pressed={active}
      title={`${label} (${keys})`}
      onMouseDown={(e) => e.preventDefault()}
      onClick={run}
    >
      {label}
    </button>
  );
  return (
    <div className="editor-toolbar" role="toolbar" aria-label="Formatting">
      {btn('Bold', 'Ctrl+B', state.bold, () => editor.chain().focus().toggleBold().run())}
      {btn('Italic', 'Ctrl+I', state.italic, () => editor.chain().focus().toggleItalic().run())}
      {btn('Bulleted list', 'Ctrl+Shift+8', state.bullet, () =>
        editor.chain().focus().toggleBulletList().run(),
      )}
      {btn('Numbered list', 'Ctrl+Shift+7', state.ordered, () =>
        editor.chain().focus().toggleOrderedList().run(),
      )}
    </div>
  );
}

/**
 * The clerk's minutes for one agenda item: TipTap stored as JSON, autosaved within 250 ms of the
 * last keystroke, flushed on blur, on leaving the item, and when the page is hidden or closed.
 * The text and its saving live in the item's session (see minutesSession.ts), not here, so this
 * editor can come and go as the clerk moves between items without losing or reordering a save.
 *
 * Memoised: the live screen re-renders often (a decision recorded, the meeting refetched), and
 * an editor re-rendered for nothing re-applies its options a moment later, which must never touch
 * focus or selection while the clerk is typing somewhere else.
 */
export const MinutesEditor = memo(
  forwardRef<MinutesEditorHandle, { session: MinutesSession; label: string }>(function MinutesEditor(
    { session, label },
    ref,
  ) {
    const editor = useEditor(
      {
        extensions: minutesExtensions,
        content: session.doc ?? '',
        editorProps: {
          attributes: {
            'aria-label': label,
            'aria-multiline': 'true',
            role: 'textbox',
            class: 'minutes-editor',
            'data-testid': 'minutes-editor',
          },
        },
        // The core derives the plain text (for search) from the document itself.
        onUpdate: ({ editor: e }) => session.change(e.getJSON() as MinutesDoc),
        onBlur: () => void session.saver.flush(),
      },
      [session],
    );

    useEffect(() => {
      const away = () => session.saver.flushNow();
      window.addEventListener('pagehide', away);
      window.addEventListener('beforeunload', away);
      return () => {
        window.removeEventListener('pagehide', away);
        window.removeEventListener('beforeunload', away);
        // Leaving the item: what was typed goes now (the session keeps the saves in order).
        void session.saver.flush();
      };
    }, [session]);

    // view.focus() is synchronous; TipTap's focus command waits a frame, and under load that late
    // focus lands after the clerk has opened the decision or action form, typing into the minutes.
    useImperativeHandle(
      ref,
      () => ({ focus: () => editor?.view.focus(), flush: () => session.saver.flush() }),
      [editor, session],
    );

    return (
      <div className="minutes-block">
        {editor ? <Toolbar editor={editor} /> : null}
        <EditorContent editor={editor} />
        <SaveStatus session={session} editor={editor} />
      </div>
    );
  }),
);

/**
 * How saving is going, and a conflict's choices. Its own component, listening to the session, so
 * the editor itself is not re-rendered at every keystroke's "Saving…" and "Saved at…".
 */
function SaveStatus({ session, editor }: { session: MinutesSession; editor: Editor | null }) {
  const [state, setState] = useState<SaveState>(session.state);
  useEffect(() => {
    session.listen(setState);
    return () => session.listen(null);
  }, [session]);
  const other = state.kind === 'conflict' ? theirs(state.current) : null;
  /** Shows the other person's minutes in place of these, and carries on from their revision. */
  const loadTheirs = () => {
    if (!other || !editor) return;
    editor.commands.setContent(other.doc ?? '', { emitUpdate: false });
    session.takeTheirs(other);
  };
  /** Saves these minutes over theirs, deliberately: from their revision, so it is not stale. */
  const keepMine = () => {
    if (!other || !editor) return;
    void session.keepMine(other.revision, editor.getJSON() as MinutesDoc);
  };
  return (
    <>
      {state.kind === 'conflict' ? (
        <div className="error-panel" role="alert" data-testid="minutes-conflict">
          <p>{state.message}</p>
          {other ? (
            <details>
              <summary>Their version</summary>
              <MinutesView doc={other.doc} />
            </details>
          ) : null}
          <p className="toolbar">
            <button type="button" onClick={loadTheirs} disabled={!other}>
              Load their version
            </button>
            <button type="button" className="secondary" onClick={keepMine} disabled={!other}>
              Keep mine (save over theirs)
            </button>
          </p>
        </div>
      ) : null}
      <p
        className={`save-state save-${state.kind}`}
        role="status"
        aria-live="polite"
        data-testid="save-state"
      >
        {saveStateText(state)}
      </p>
    </>
  );
}
