import type { Card, SectionTemplate } from '@warsztat/shared';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { CardItem } from './CardItem';

interface Props {
  doc: Y.Doc;
  sectionId: string;
  label: string;
  cards: Card[];
  /** Every section of the board, for the "move to" select. */
  sections: SectionTemplate[];
  readOnly: boolean;
  /** Sections that are not in the template (cards written by a foreign client) take no new cards. */
  canAdd: boolean;
  focusCardId: string | null;
  onAdd: (sectionId: string) => void;
  onFocused: () => void;
  onMoved: (cardId: string) => void;
}

export function BoardSection(props: Props) {
  const { doc, sectionId, label, cards, sections, readOnly, canAdd, focusCardId } = props;
  const { t } = useTranslation();
  const headingId = `section-${sectionId}-heading`;
  return (
    <section className="board-section" data-testid="section" data-section-id={sectionId} aria-labelledby={headingId}>
      <header className="board-section-header">
        <h3 id={headingId}>{label}</h3>
        <span className="board-section-count">{t('board.cards', { count: cards.length })}</span>
      </header>
      {cards.length === 0 && readOnly && <p className="muted">{t('board.empty')}</p>}
      <ul className="card-list">
        {cards.map((card) => (
          <CardItem
            key={card.id}
            doc={doc}
            card={card}
            sections={sections}
            readOnly={readOnly}
            autoFocus={focusCardId === card.id}
            onFocused={props.onFocused}
            onMoved={props.onMoved}
          />
        ))}
      </ul>
      {!readOnly && canAdd && (
        <button type="button" className="add-card" data-testid="add-card" onClick={() => props.onAdd(sectionId)}>
          {t('board.addCard')}
        </button>
      )}
    </section>
  );
}
