import type { SectionTemplate } from '@warsztat/shared';
import { addCard } from '@warsztat/shared';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../i18n';
import { useBoardDoc } from '../../sync/useBoardDoc';
import { BoardSection } from './BoardSection';
import { SyncStatusBadge } from './SyncStatusBadge';
import { useCards } from './useCards';

interface Props {
  docName: string;
  token: string;
  sections: SectionTemplate[];
  /** No controls at all; the server enforces it too. */
  readOnly?: boolean;
  /** Projector variant: large type. */
  large?: boolean;
  /** Written into new cards as `authorId`. */
  authorId?: string | null;
  /** Group name, used for the board's accessible label. */
  title?: string;
}

/** A group's board: one column per section (stacked on phones), live over Yjs. */
export function Board({ docName, token, sections, readOnly = false, large = false, authorId = null, title }: Props) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const board = useBoardDoc(docName, token);
  const cards = useCards(board.doc);
  const [focusCardId, setFocusCardId] = useState<string | null>(null);
  const clearFocus = useCallback(() => setFocusCardId(null), []);

  const onAdd = useCallback(
    (sectionId: string) => setFocusCardId(addCard(board.doc, { sectionId, authorId })),
    [board.doc, authorId],
  );

  const known = new Set(sections.map((s) => s.id));
  const strays = [...cards.entries()].filter(([id]) => !known.has(id)).flatMap(([, list]) => list);

  return (
    <section
      className={`board${large ? ' board--large' : ''}${readOnly ? ' board--readonly' : ''}`}
      data-testid="board"
      data-doc-name={docName}
      aria-label={title ? t('board.label', { name: title }) : undefined}
    >
      <div className="board-toolbar">
        <SyncStatusBadge board={board} readOnly={readOnly} />
      </div>
      <div className="board-sections">
        {sections.map((section) => (
          <BoardSection
            key={section.id}
            doc={board.doc}
            sectionId={section.id}
            label={section.label[locale]}
            cards={cards.get(section.id) ?? []}
            sections={sections}
            readOnly={readOnly}
            canAdd
            focusCardId={focusCardId}
            onAdd={onAdd}
            onFocused={clearFocus}
            onMoved={setFocusCardId}
          />
        ))}
        {strays.length > 0 && (
          <BoardSection
            doc={board.doc}
            sectionId="__other"
            label={t('board.otherSection')}
            cards={strays}
            sections={sections}
            readOnly={readOnly}
            canAdd={false}
            focusCardId={focusCardId}
            onAdd={onAdd}
            onFocused={clearFocus}
            onMoved={setFocusCardId}
          />
        )}
      </div>
    </section>
  );
}
