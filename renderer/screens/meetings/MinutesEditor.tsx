import StarterKit from '@tiptap/starter-kit';
import { EditorContent, useEditor, useEditorState, type Editor } from '@tiptap/react';
import { forwardRef, useEffect, useImperativeHandle, useMemo, useRef, useState } from 'react';
import { call } from '../../api/client';
import { useMarkStale } from '../../api/hooks';
import { Autosaver, saveStateText, type SaveState } from './autosave';
import { MinutesView } from './MinutesView';

export interface MinutesEditorHandle {
  focus(): void;
  /** Resolves once everything typed is on disk (or saving has failed visibly). */
  flush(): Promise<void>;
}

type SaveInput = { itemId: number; doc: Record<string, unknown> };

/** What the last save left on the board: the minutes and their revision (the next save's base). */
export interface SavedMinutes {
  doc: Record<string, unknown> | null;
  revision: number;
}

/** The other version a conflict carries (see the core's staleSave). */
function theirs(current: unknown): SavedMinutes | null {
  const c = current as { doc?: unknown; revision?: unknown } | null;
  if (typeof c !== 'object' || c === null || typeof c.revision !== 'number') return null;
  return { doc: (c.doc ?? null) as Record<string, unknown> | null, revision: c.revision };
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
 */
export const MinutesEditor = forwardRef<
  MinutesEditorHandle,
  {
    itemId: number;
    label: string;
    initial: SavedMinutes;
    onSaved?: (saved: SavedMinutes) => void;
  }
>(function MinutesEditor({ itemId, label, initial, onSaved }, ref) {
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const markStale = useMarkStale();
  // The revision this copy is at: each save sends it and takes the new one, so quick autosaves
  // from one tab follow each other, while a save from a stale copy is refused (a conflict).
  const revision = useRef(initial.revision);
  const saver = useMemo(
    () =>
      new Autosaver<SaveInput>(async (v, { keepalive }) => {
        // On pagehide the call goes with fetch keepalive (browser mode), so the last save is not cut off.
        const saved = await call('item.saveMinutes', { ...v, baseRevision: revision.current }, { keepalive });
        revision.current = saved.revision;
        const at = new Date(saved.savedAt);
        onSaved?.({ doc: v.doc, revision: saved.revision });
        // Other screens (search, the agenda page) fetch the new text; this editor is not reloaded.
        markStale('item.saveMinutes');
        return at;
      }, setState),
    // One saver per item; onSaved only records the latest text for when the clerk comes back.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [itemId],
  );
  const editor = useEditor(
    {
      extensions: minutesExtensions,
      content: initial.doc ?? '',
      editorProps: {
        attributes: {
          'aria-label': label,
          'aria-multiline': 'true',
          role: 'textbox',
          class: 'minutes-editor',
          'data-testid': 'minutes-editor',
        },
      },
      onUpdate: ({ editor: e }) => {
        // The core derives the plain text (for search) from the document itself.
        saver.change({ itemId, doc: e.getJSON() as Record<string, unknown> });
      },
      onBlur: () => void saver.flush(),
    },
    [itemId],
  );

  useEffect(() => {
    const away = () => saver.flushNow();
    window.addEventListener('pagehide', away);
    window.addEventListener('beforeunload', away);
    return () => {
      window.removeEventListener('pagehide', away);
      window.removeEventListener('beforeunload', away);
      void saver.flush().then(() => saver.stop());
    };
  }, [saver]);

  // view.focus() is synchronous; TipTap's focus command waits a frame, and under load that late
  // focus lands after the clerk has opened the decision or action form, typing into the minutes.
  useImperativeHandle(ref, () => ({ focus: () => editor?.view.focus(), flush: () => saver.flush() }), [
    editor,
    saver,
  ]);

  const other = state.kind === 'conflict' ? theirs(state.current) : null;
  /** Shows the other person's minutes in place of these, and carries on from their revision. */
  const loadTheirs = () => {
    if (!other || !editor) return;
    revision.current = other.revision;
    editor.commands.setContent(other.doc ?? '', { emitUpdate: false });
    onSaved?.(other);
    setState({ kind: 'idle' });
  };
  /** Saves these minutes over theirs, deliberately: from their revision, so it is not stale. */
  const keepMine = () => {
    if (!other || !editor) return;
    revision.current = other.revision;
    const doc = editor.getJSON() as Record<string, unknown>;
    saver.change({ itemId, doc });
    void saver.flush();
  };

  return (
    <div className="minutes-block">
      {editor ? <Toolbar editor={editor} /> : null}
      <EditorContent editor={editor} />
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
    </div>
  );
});
