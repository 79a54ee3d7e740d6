import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { type FocusEvent, type KeyboardEvent, memo, useEffect, useRef } from 'react';
import { useBoard, useCard } from './boardContext';
import { closeWhenFocusLeaves, useCardOpen } from './cardEditing';
import { OpenCard } from './OpenCard';
import { useCardEditors } from './presence';
import { VoteControl } from './VoteControl';

interface Props {
  id: string;
  /** 0-based position and section size (move up/down). */
  index: number;
  count: number;
  /** Its accessible name by position ("Karta 3 z 12 w sekcji Potrzeby"), made once per section. */
  cardLabel: (index: number) => string;
  /** Set by the virtualiser to measure rows of varying height. */
  measureRef?: ((el: Element | null) => void) | undefined;
  virtualIndex?: number | undefined;
}

/**
 * One card; subscribes to its own snapshot only, so other cards' edits never re-render it. It
 * reads as text until tapped (issue #20 point 9): a button with the card's words opens this one
 * card for editing (text, colour, move, delete); Escape, or focus leaving the card, closes it.
 * Voting and who else is in the card show either way. A closed card calls no translation (its
 * words come from the board's `labels`, made once): on a 200-card board i18next's interpolation
 * was the largest single cost of the first render (issue #15).
 */
export const CardItem = memo(function CardItem({ id, index, count, cardLabel, measureRef, virtualIndex }: Props) {
  const board = useBoard();
  const { labels } = board;
  const card = useCard(id);
  const open = useCardOpen(board.editing, id);
  const editors = useCardEditors(board.awareness, id, labels.facilitator);
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

  const label = cardLabel(index);
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
      {labels.editing(editors)}
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
          title={labels.openCardHint}
          onClick={() => board.editing.getState().openAndFocus(card.id)}
        >
          <span className="visually-hidden">{labels.openCard(label)}: </span>
          <span className={`card-text card-text--view${card.text ? '' : ' card-text--empty'}`} data-testid="card-text">
            {card.text}
          </span>
          {!card.text && <span aria-hidden="true">{labels.emptyCard}</span>}
        </button>
        <VoteControl card={card} />
      </li>
    );
  }

  const close = () => board.editing.getState().close(card.id);
  const closeAndRefocus = () => {
    refocusView.current = true;
    close();
  };
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
    closeAndRefocus();
  };

  return (
    <li {...common} className={`${className} card--open`} onBlur={onBlur} onKeyDown={onCardKeyDown}>
      <OpenCard
        card={card}
        index={index}
        count={count}
        label={label}
        head={head}
        drag={{ attributes: sortable.attributes, listeners: sortable.listeners }}
        onDone={closeAndRefocus}
      />
    </li>
  );
});
