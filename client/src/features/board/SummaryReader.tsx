import { readSummaryForDisplay, type SummaryDisplay } from '@warsztat/shared';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { SummaryView } from '../projector/SummaryView';

/**
 * The rapporteur's summary for everyone who cannot edit it: the same blocks as the editor shows,
 * re-read live from the doc, without TipTap and ProseMirror (the largest part of the client), so
 * a participant's phone never downloads an editor it could not use. Plain text under the section's
 * heading: nothing here can be edited, so nothing pretends to be a field.
 */
export function SummaryReader(props: {
  doc: Y.Doc;
  headingLevel: 2 | 3 | 4;
  /** For whoever may write: focusing the summary opens the editor (loaded then, not before). */
  onEdit?: (() => void) | undefined;
}) {
  const { doc, headingLevel } = props;
  const Heading = `h${headingLevel}` as const;
  const { t } = useTranslation();
  const [{ blocks, tooDeep }, setSummary] = useState<SummaryDisplay>(() => readSummaryForDisplay(doc));
  useEffect(() => {
    const read = () => setSummary(readSummaryForDisplay(doc));
    read();
    doc.on('update', read);
    return () => doc.off('update', read);
  }, [doc]);
  // A legacy summary nested too deeply for TipTap (issue #14) is never opened in the editor.
  const onEdit = tooDeep ? undefined : props.onEdit;
  const empty = blocks.every((b) => b.runs.every((r) => r.text.trim() === ''));
  return (
    <section className="summary summary-editor" aria-labelledby="summary-heading" data-testid="summary">
      <Heading id="summary-heading">{t('board.summary')}</Heading>
      {empty && !onEdit && <p className="muted small">{t('board.summaryEmpty')}</p>}
      {tooDeep && (
        <p className="muted small" role="note" data-testid="summary-too-deep">
          {t('board.summaryTooDeep')}
        </p>
      )}
      {onEdit ? (
        // The editor itself, not yet loaded: a field that becomes TipTap when it gets focus.
        // biome-ignore lint/a11y/useSemanticElements: rich text (bold, lists) has no native field
        <div
          className="summary-content"
          role="textbox"
          tabIndex={0}
          aria-label={t('board.summary')}
          aria-multiline="true"
          aria-describedby="summary-edit-hint"
          contentEditable={false}
          data-testid="summary-editor"
          onFocus={onEdit}
        >
          <SummaryView blocks={blocks} />
        </div>
      ) : (
        <div className="summary-content" contentEditable={false} data-testid="summary-editor">
          <SummaryView blocks={blocks} />
        </div>
      )}
      {onEdit && (
        <p id="summary-edit-hint" className="muted small">
          {t('board.summaryEdit')}
        </p>
      )}
    </section>
  );
}
