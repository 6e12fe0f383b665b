import StarterKit from '@tiptap/starter-kit';
import { EditorContent, useEditor, useEditorState, type Editor } from '@tiptap/react';
import { forwardRef, useEffect, useImperativeHandle, useMemo, useState } from 'react';
import { call } from '../../api/client';
import { useMarkStale } from '../../api/hooks';
import { Autosaver, saveStateText, type SaveState } from './autosave';

export interface MinutesEditorHandle {
  focus(): void;
  /** Resolves once everything typed is on disk (or saving has failed visibly). */
  flush(): Promise<void>;
}

type SaveInput = { itemId: number; doc: Record<string, unknown> };

/** On pagehide the call goes with fetch keepalive (browser mode), so the last save is not cut off. */
async function saveMinutes(input: SaveInput, keepalive: boolean): Promise<Date> {
  const { savedAt } = await call('item.saveMinutes', input, { keepalive });
  return new Date(savedAt);
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
    initial: Record<string, unknown> | null;
    onSaved?: (doc: Record<string, unknown>) => void;
  }
>(function MinutesEditor({ itemId, label, initial, onSaved }, ref) {
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const markStale = useMarkStale();
  const saver = useMemo(
    () =>
      new Autosaver<SaveInput>(async (v, { keepalive }) => {
        const at = await saveMinutes(v, keepalive);
        onSaved?.(v.doc);
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
      content: initial ?? '',
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

  return (
    <div className="minutes-block">
      {editor ? <Toolbar editor={editor} /> : null}
      <EditorContent editor={editor} />
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
