import {
  type Announcements,
  closestCorners,
  type DragEndEvent,
  KeyboardSensor,
  PointerSensor,
  TouchSensor,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import { sortableKeyboardCoordinates } from '@dnd-kit/sortable';
import { type BoardStore, dropPlacement, moveCard, SECTION_DROP_PREFIX } from '@warsztat/shared';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';

/**
 * Drag and drop with @dnd-kit: mouse (after 6 px, so a click on the handle is a click), touch
 * (after a short press, so a phone still scrolls) and keyboard (Space to lift, arrows, Space to
 * drop). A drop becomes one `moveCard` — only the card's `sectionId` and `rank` change, so two
 * people moving the same card at once converge on one place.
 */
export function useBoardDnd(
  doc: Y.Doc,
  store: BoardStore,
  act: <T>(write: () => T) => T,
  sectionLabel: (sectionId: string) => string,
  onMoved: (cardId: string) => void,
) {
  const { t } = useTranslation();
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 250, tolerance: 8 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  const describe = (id: string | number | undefined) => {
    if (id === undefined) return '';
    const key = String(id);
    if (key.startsWith(SECTION_DROP_PREFIX)) return sectionLabel(key.slice(SECTION_DROP_PREFIX.length));
    const card = store.card(key);
    if (!card) return '';
    const position = store.section(card.sectionId).indexOf(key) + 1;
    return t('boardDnd.position', { section: sectionLabel(card.sectionId), position });
  };

  const announcements: Announcements = {
    onDragStart: ({ active }) => t('boardDnd.start', { where: describe(active.id) }),
    onDragOver: ({ over }) => (over ? t('boardDnd.over', { where: describe(over.id) }) : t('boardDnd.outside')),
    onDragEnd: ({ over }) => (over ? t('boardDnd.end', { where: describe(over.id) }) : t('boardDnd.cancel')),
    onDragCancel: () => t('boardDnd.cancel'),
  };

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over) return;
    const activeId = String(active.id);
    const placement = dropPlacement(
      activeId,
      String(over.id),
      (id) => store.card(id)?.sectionId,
      (sectionId) => store.section(sectionId),
    );
    if (!placement) return;
    act(() => moveCard(doc, activeId, placement.sectionId, placement.beforeId));
    onMoved(activeId);
  };

  const accessibility = { announcements, screenReaderInstructions: { draggable: t('boardDnd.instructions') } };

  return { sensors, collisionDetection: closestCorners, onDragEnd, accessibility };
}
