import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import type { CardColor, Placement } from '@warsztat/shared';
import { CARD_COLORS, moveCard, sectionStepPlacement, setCardColor, stepPlacement } from '@warsztat/shared';
import { type FocusEvent, type KeyboardEvent, memo, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../i18n';
import { useBoard, useCard } from './boardContext';
import { CardText } from './CardText';
import { closeWhenFocusLeaves, useCardFocus, useCardOpen } from './cardEditing';
import { useCardEditors } from './presence';
import { VoteControl } from './VoteControl';

interface Props {
  id: string;
  /** 0-based position and section size, for the accessible name. */
  index: number;
  count: number;
  sectionLabel: string;
  /** Set by the virtualiser to measure rows of varying height. */
  measureRef?: ((el: Element | null) => void) | undefined;
  virtualIndex?: number | undefined;
}

function isCardColor(value: string): value is CardColor {
  return (CARD_COLORS as readonly string[]).includes(value);
}

const UP = '__up';
const DOWN = '__down';

/**
 * One card; subscribes to its own snapshot only, so other cards' edits never re-render it. It
 * reads as text until tapped (issue #20 point 9): a button with the card's words opens this one
 * card for editing (text, colour, move, delete); Escape, or focus leaving the card, closes it.
 * Voting and who else is in the card show either way.
 */
export const CardItem = memo(function CardItem({ id, index, count, sectionLabel, measureRef, virtualIndex }: Props) {
  const { t } = useTranslation();
  const board = useBoard();
  const card = useCard(id);
  const open = useCardOpen(board.editing, id);
  const wantsFocus = useCardFocus(board.editing, id);
  const editors = useCardEditors(board.awareness, id, t('boardSettings.facilitatorName'));
  const sortable = useSortable({ id, disabled: board.readOnly, data: { sectionId: card?.sectionId } });
  const viewButton = useRef<HTMLButtonElement>(null);
  // Escape gives focus back to the card's text button, so a keyboard user is where they were.
  const refocusView = useRef(false);
  useEffect(() => {
    if (!open && refocusView.current) {
      refocusView.current = false;
      viewButton.current?.focus();
    }
  }, [open]);
  if (!card) return null;

  const label = t('board.cardLabel', { section: sectionLabel, index: index + 1, count });
  const setRefs = (el: HTMLLIElement | null) => {
    sortable.setNodeRef(el);
    measureRef?.(el);
  };
  const style = { transform: CSS.Translate.toString(sortable.transform), transition: sortable.transition };
  const className = `card card--${card.color}${sortable.isDragging ? ' card--dragging' : ''}`;
  const common = {
    ref: setRefs,
    className,
    style,
    'data-testid': 'card',
    'data-card-id': card.id,
    'data-index': virtualIndex,
  };

  const head = editors && (
    <span className="card-editing" data-testid="card-editing">
      {t('board.editing', { names: editors })}
    </span>
  );

  if (board.readOnly) {
    return (
      <li {...common}>
        <div className="card-text card-text--static" data-testid="card-text">
          {card.text}
        </div>
        <VoteControl card={card} />
      </li>
    );
  }

  if (!open) {
    return (
      <li {...common}>
        {head && <div className="card-head">{head}</div>}
        <button
          ref={viewButton}
          type="button"
          className="card-view"
          data-testid="card-view"
          title={t('board.openCardHint')}
          onClick={() => board.editing.getState().openAndFocus(card.id)}
        >
          <span className="visually-hidden">{t('board.openCard', { label })}: </span>
          <span className={`card-text card-text--view${card.text ? '' : ' card-text--empty'}`} data-testid="card-text">
            {card.text}
          </span>
          {!card.text && <span aria-hidden="true">{t('board.emptyCard')}</span>}
        </button>
        <VoteControl card={card} />
      </li>
    );
  }

  const close = () => board.editing.getState().close(card.id);
  // Focus leaving the card closes it, once focus and any tap have settled (cardEditing.ts).
  const onBlur = (event: FocusEvent<HTMLLIElement>) => {
    const next = event.relatedTarget;
    if (next instanceof Node && event.currentTarget.contains(next)) return;
    closeWhenFocusLeaves(event.currentTarget, close);
  };
  const onCardKeyDown = (event: KeyboardEvent<HTMLLIElement>) => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    // A keyboard drag in progress uses Escape to cancel itself.
    if (sortable.isDragging) return;
    event.preventDefault();
    refocusView.current = true;
    close();
  };

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
    <li {...common} className={`${className} card--open`} onBlur={onBlur} onKeyDown={onCardKeyDown}>
      <div className="card-head">
        <button
          type="button"
          className="drag-handle"
          data-testid="drag-handle"
          {...sortable.attributes}
          {...sortable.listeners}
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
        <button
          type="button"
          className="button button--small card-done"
          data-testid="card-done"
          onClick={() => {
            refocusView.current = true;
            close();
          }}
        >
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
    </li>
  );
});
