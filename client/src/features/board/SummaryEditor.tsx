import Collaboration from '@tiptap/extension-collaboration';
import { EditorContent, useEditor, useEditorState } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { isTooDeep, summaryFragment } from '@warsztat/shared';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { SummaryReader } from './SummaryReader';

interface Props {
  doc: Y.Doc;
  /** The rapporteur (or a facilitator) writes; everyone else reads, live. */
  editable: boolean;
  headingLevel: 2 | 3 | 4;
  /** Put the caret in at once: the editor was just opened by focusing the summary. */
  autoFocus?: boolean;
}

/**
 * The rapporteur's rich-text summary (TipTap bound to `doc.getXmlFragment('summary')`). Undo
 * here is the collaboration extension's own (y-prosemirror), so StarterKit's history is off.
 * TipTap's CSS injection is off too: the server's CSP allows no inline <style>.
 */
export function SummaryEditor(props: Props) {
  // Checked iteratively before TipTap is bound: y-prosemirror and ProseMirror's renderer recurse
  // once per level, and a summary stored before the server's depth limit may hold thousands
  // (issue #14). Such a summary is shown read-only, flattened, with a note.
  const tooDeep = useMemo(() => isTooDeep(summaryFragment(props.doc)), [props.doc]);
  if (tooDeep) return <SummaryReader doc={props.doc} headingLevel={props.headingLevel} />;
  return <BoundSummaryEditor {...props} />;
}

function BoundSummaryEditor({ doc, editable, headingLevel, autoFocus = false }: Props) {
  const Heading = `h${headingLevel}` as const;
  const { t } = useTranslation();
  const editor = useEditor(
    {
      extensions: [
        StarterKit.configure({ undoRedo: false, heading: { levels: [3, 4] } }),
        Collaboration.configure({ fragment: summaryFragment(doc) }),
      ],
      editable,
      injectCSS: false,
      immediatelyRender: true,
      editorProps: {
        attributes: {
          'aria-label': t('board.summary'),
          'aria-multiline': 'true',
          role: 'textbox',
          'aria-readonly': String(!editable),
          'data-testid': 'summary-editor',
          class: 'summary-content',
        },
      },
    },
    [doc],
  );

  useEffect(() => {
    editor?.setEditable(editable);
  }, [editor, editable]);

  // Opened by focusing the summary (SummaryReader): the caret goes in on the next frame, once
  // EditorContent has put the view in the page.
  useEffect(() => {
    if (!autoFocus || !editor) return;
    const frame = requestAnimationFrame(() => {
      // Only if the focus went with the reader this editor replaced: someone who tabbed past the
      // summary while the editor loaded is elsewhere by now, and must not have the caret taken.
      const active = document.activeElement;
      if (active && active !== document.body) return;
      try {
        if (!editor.isDestroyed) editor.commands.focus('end');
      } catch {
        // The view is not in the page yet: the person taps the summary again.
      }
    });
    return () => cancelAnimationFrame(frame);
  }, [editor, autoFocus]);

  // Re-render on what the chrome shows only, not on every keystroke.
  const view = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      empty: e?.isEmpty ?? true,
      bold: e?.isActive('bold') ?? false,
      list: e?.isActive('bulletList') ?? false,
    }),
  });
  const isEmpty = view?.empty ?? true;
  return (
    <section className="summary summary-editor" aria-labelledby="summary-heading" data-testid="summary">
      <Heading id="summary-heading">{t('board.summary')}</Heading>
      {editable && editor && (
        <div className="summary-toolbar" role="toolbar" aria-label={t('board.summaryToolbar')}>
          <button
            type="button"
            className="button button--small"
            aria-pressed={view?.bold ?? false}
            onClick={() => editor.chain().focus().toggleBold().run()}
          >
            <strong>{t('board.bold')}</strong>
          </button>
          <button
            type="button"
            className="button button--small"
            aria-pressed={view?.list ?? false}
            onClick={() => editor.chain().focus().toggleBulletList().run()}
          >
            {t('board.bulletList')}
          </button>
        </div>
      )}
      {!editable && isEmpty && <p className="muted small">{t('board.summaryEmpty')}</p>}
      <EditorContent editor={editor} />
      {editable && <p className="muted small">{t('board.summaryHint')}</p>}
    </section>
  );
}
