import { useDroppable } from '@dnd-kit/core';
import { SortableContext, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { SECTION_DROP_PREFIX } from '@warsztat/shared';
import { type KeyboardEvent, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBoard, useSectionIds } from './boardContext';
import { CardItem } from './CardItem';
import { useFocusRequest } from './cardEditing';

/** Past this many cards a section renders only what is near the viewport. */
export const VIRTUALIZE_FROM = 80;
const ESTIMATED_CARD_PX = 150;
const CARD_GAP_PX = 8;
/** Stands for a card's position in its translated label. */
const POSITION = '\u0000';

interface Props {
  sectionId: string;
  label: string;
  /** Shown under the heading when the facilitator gave the group no prompt. */
  hint: string | null;
  /** Sections that are not in the template (cards written by a foreign client) take no new cards. */
  canAdd: boolean;
}

function isTyping(target: EventTarget): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

export function BoardSection({ sectionId, label, hint, canAdd }: Props) {
  const { t } = useTranslation();
  const board = useBoard();
  const ids = useSectionIds(sectionId);
  const items = useMemo(() => [...ids], [ids]);
  const { setNodeRef, isOver } = useDroppable({ id: `${SECTION_DROP_PREFIX}${sectionId}`, disabled: board.readOnly });
  const headingId = `section-${sectionId}-heading`;
  const addable = !board.readOnly && canAdd;
  const Heading = `h${board.headingLevel}` as const;
  // Translated once per section and count, not once per card (issue #15: i18next's interpolation
  // for 200 cards was the first render's largest cost). Only the position is filled in per card.
  const cardLabel = useMemo(() => {
    const template = t('board.cardLabel', { section: label, index: POSITION, count: ids.length });
    return (index: number) => template.replace(POSITION, String(index + 1));
  }, [t, label, ids.length]);

  // The `n` key adds a card wherever focus is inside the section, unless one is typing.
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (!addable || event.key !== 'n' || event.ctrlKey || event.metaKey || event.altKey) return;
    if (isTyping(event.target)) return;
    event.preventDefault();
    board.addCard(sectionId);
  };

  return (
    <section
      ref={setNodeRef}
      className={`board-section${isOver ? ' board-section--over' : ''}`}
      data-testid="section"
      data-section-id={sectionId}
      aria-labelledby={headingId}
      onKeyDown={onKeyDown}
    >
      <header className="board-section-header">
        <Heading id={headingId}>{label}</Heading>
        <span className="board-section-count" data-testid="section-count" data-count={ids.length}>
          {t('board.cards', { count: ids.length })}
        </span>
      </header>
      {hint && <p className="board-section-hint">{hint}</p>}
      {ids.length === 0 && board.readOnly && <p className="muted">{t('board.empty')}</p>}
      <SortableContext id={sectionId} items={items} strategy={verticalListSortingStrategy}>
        {ids.length >= VIRTUALIZE_FROM ? (
          <VirtualCardList ids={ids} cardLabel={cardLabel} />
        ) : (
          <ul className="card-list">
            {ids.map((id, index) => (
              <CardItem key={id} id={id} index={index} count={ids.length} cardLabel={cardLabel} />
            ))}
          </ul>
        )}
      </SortableContext>
      {addable && (
        <button
          type="button"
          className="add-card"
          data-testid="add-card"
          title={t('board.addHint')}
          onClick={() => board.addCard(sectionId)}
        >
          {t('board.addCard')}
          <span className="visually-hidden"> — {label}</span>
        </button>
      )}
    </section>
  );
}

/**
 * A long section: only cards near the viewport are in the DOM (page scroll, so phones keep one
 * natural scroll). Spacers stand for the rest; a card asked to take focus is scrolled into view.
 */
function VirtualCardList({ ids, cardLabel }: { ids: readonly string[]; cardLabel: (index: number) => string }) {
  const board = useBoard();
  const listRef = useRef<HTMLUListElement>(null);
  const [scrollMargin, setScrollMargin] = useState(0);
  useLayoutEffect(() => {
    const top = (listRef.current?.getBoundingClientRect().top ?? 0) + window.scrollY;
    if (Math.abs(top - scrollMargin) > 1) setScrollMargin(top);
  });
  const virtualizer = useWindowVirtualizer({
    count: ids.length,
    estimateSize: () => ESTIMATED_CARD_PX,
    gap: CARD_GAP_PX,
    overscan: 6,
    scrollMargin,
    getItemKey: (index) => ids[index] ?? index,
  });
  const focusCardId = useFocusRequest(board.editing);
  const focusIndex = focusCardId === null ? -1 : ids.indexOf(focusCardId);
  useLayoutEffect(() => {
    if (focusIndex >= 0) virtualizer.scrollToIndex(focusIndex, { align: 'center' });
  }, [focusIndex, virtualizer]);

  const rows = virtualizer.getVirtualItems();
  const first = rows[0];
  const last = rows.at(-1);
  const before = first ? first.start - scrollMargin : 0;
  const after = last ? virtualizer.getTotalSize() - (last.end - scrollMargin) : 0;
  return (
    <ul ref={listRef} className="card-list card-list--virtual" data-testid="virtual-list">
      {before > 0 && <li className="card-spacer" aria-hidden="true" style={{ height: before }} />}
      {rows.map((row) => {
        const id = ids[row.index];
        return id === undefined ? null : (
          <CardItem
            key={id}
            id={id}
            index={row.index}
            count={ids.length}
            cardLabel={cardLabel}
            measureRef={virtualizer.measureElement}
            virtualIndex={row.index}
          />
        );
      })}
      {after > 0 && <li className="card-spacer" aria-hidden="true" style={{ height: after }} />}
    </ul>
  );
}
