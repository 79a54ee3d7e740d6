import type { DraggableAttributes, DraggableSyntheticListeners } from '@dnd-kit/core';
import type { Card, CardColor, Placement } from '@warsztat/shared';
import { CARD_COLORS, moveCard, sectionStepPlacement, setCardColor, stepPlacement } from '@warsztat/shared';
import type { KeyboardEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../i18n';
import { useBoard } from './boardContext';
import { CardText } from './CardText';
import { useCardFocus } from './cardEditing';
import { VoteControl } from './VoteControl';

interface Props {
  card: Card;
  /** 0-based position and section size: which "move up/down" choices make sense. */
  index: number;
  count: number;
  /** Accessible name, e.g. "Karta 3 z 12 w sekcji Potrzeby". */
  label: string;
  /** Who else is in this card, for the header row. */
  head: ReactNode;
  drag: { attributes: DraggableAttributes; listeners: DraggableSyntheticListeners };
  /** "Gotowe": close the card and give focus back to its text. */
  onDone: () => void;
}

function isCardColor(value: string): value is CardColor {
  return (CARD_COLORS as readonly string[]).includes(value);
}

const UP = '__up';
const DOWN = '__down';

/**
 * The one card open for editing (issue #20: cards read as text until tapped): drag handle, text,
 * vote, "Gotowe", colour, move and delete. Only this card pays for these controls, so a 200-card
 * board renders 200 buttons of text instead of 200 forms (issue #15).
 */
export function OpenCard({ card, index, count, label, head, drag, onDone }: Props) {
  const { t } = useTranslation();
  const board = useBoard();
  const wantsFocus = useCardFocus(board.editing, card.id);

  const move = (placement: Placement | null) => {
    if (!placement) return;
    board.act(() => moveCard(board.doc, card.id, placement.sectionId, placement.beforeId));
    board.editing.getState().openAndFocus(card.id);
  };
  const sectionIds = board.sections.map((s) => s.id);
  const step = (direction: -1 | 1) =>
    move(stepPlacement(board.store.section(card.sectionId), card.sectionId, card.id, direction));
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    // Alt+arrows move the card (WCAG 2.5.7: every drag has a non-dragging alternative).
    if (!event.altKey || event.ctrlKey || event.metaKey) return;
    const moves: Record<string, () => void> = {
      ArrowUp: () => step(-1),
      ArrowDown: () => step(1),
      ArrowLeft: () => move(sectionStepPlacement(sectionIds, card.sectionId, -1)),
      ArrowRight: () => move(sectionStepPlacement(sectionIds, card.sectionId, 1)),
    };
    const run = moves[event.key];
    if (run) {
      event.preventDefault();
      run();
    }
  };
  const locale = currentLocale();
  const targets = board.sections.filter((s) => s.id !== card.sectionId);

  return (
    <>
      <div className="card-head">
        <button
          type="button"
          className="drag-handle"
          data-testid="drag-handle"
          {...drag.attributes}
          {...drag.listeners}
          aria-label={t('board.dragHandle', { label })}
          title={t('board.dragHint')}
        >
          <span aria-hidden="true">⠿</span>
        </button>
        {head}
      </div>
      <CardText
        cardId={card.id}
        text={card.text}
        label={label}
        autoFocus={wantsFocus}
        onFocused={board.editing.getState().focused}
        onKeyDown={onKeyDown}
      />
      <div className="card-tools">
        <VoteControl card={card} />
        <button type="button" className="button button--small card-done" data-testid="card-done" onClick={onDone}>
          {t('board.doneEditing')}
        </button>
        <label className="card-tool">
          <span className="visually-hidden">{t('board.color')}</span>
          <select
            data-testid="card-color"
            value={card.color}
            onChange={(e) => {
              const color = e.target.value;
              if (isCardColor(color)) board.act(() => setCardColor(board.doc, card.id, color));
            }}
          >
            {CARD_COLORS.map((c) => (
              <option key={c} value={c}>
                {t(`color.${c}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="card-tool">
          <span className="visually-hidden">{t('board.moveTo')}</span>
          <select
            data-testid="move-card"
            value=""
            onChange={(e) => {
              const to = e.target.value;
              if (to === UP) step(-1);
              else if (to === DOWN) step(1);
              else if (to) move({ sectionId: to, beforeId: null });
            }}
          >
            <option value="">{t('board.moveTo')}</option>
            {index > 0 && <option value={UP}>{t('board.moveUp')}</option>}
            {index < count - 1 && <option value={DOWN}>{t('board.moveDown')}</option>}
            {targets.map((s) => (
              <option key={s.id} value={s.id}>
                {s.label[locale]}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="icon-button"
          data-testid="delete-card"
          aria-label={t('board.deleteCardLabel', { label })}
          title={t('board.deleteCard')}
          onClick={() => board.deleteCard(card.id)}
        >
          <span aria-hidden="true">×</span>
        </button>
      </div>
    </>
  );
}
