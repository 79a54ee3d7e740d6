/**
 * Where a card lands, in the terms `moveCard(doc, id, sectionId, beforeId)` takes. Pure functions
 * over the ordered ids of each section, shared by drag and drop, keyboard moves and the
 * "move to…" menu so all three agree.
 */
export interface Placement {
  sectionId: string;
  /** The card to land right before; null for the end of the section. */
  beforeId: string | null;
}

/** Prefix of droppable ids that stand for a whole section (drop on its empty space or header). */
export const SECTION_DROP_PREFIX = 'section:';

/**
 * A drop of `activeId` on `overId` (a card id, or `section:<id>`). Within one section a card
 * dragged downwards lands after the card it is over (the sortable list's own preview), upwards
 * or from another section before it. Returns null when nothing would change.
 */
export function dropPlacement(
  activeId: string,
  overId: string,
  sectionOf: (cardId: string) => string | undefined,
  order: (sectionId: string) => readonly string[],
): Placement | null {
  if (overId.startsWith(SECTION_DROP_PREFIX)) {
    const sectionId = overId.slice(SECTION_DROP_PREFIX.length);
    return sectionOf(activeId) === sectionId ? null : { sectionId, beforeId: null };
  }
  if (overId === activeId) return null;
  const from = sectionOf(activeId);
  const to = sectionOf(overId);
  if (from === undefined || to === undefined) return null;
  if (from !== to) return { sectionId: to, beforeId: overId };
  const list = order(to);
  const activeIndex = list.indexOf(activeId);
  const overIndex = list.indexOf(overId);
  if (activeIndex < 0 || overIndex < 0) return null;
  if (activeIndex < overIndex) return { sectionId: to, beforeId: list[overIndex + 1] ?? null };
  return { sectionId: to, beforeId: overId };
}

/** One step up (−1) or down (+1) within the card's section; null at either end. */
export function stepPlacement(list: readonly string[], sectionId: string, id: string, step: -1 | 1): Placement | null {
  const index = list.indexOf(id);
  if (index < 0) return null;
  if (step < 0) {
    const before = list[index - 1];
    return before === undefined ? null : { sectionId, beforeId: before };
  }
  if (index >= list.length - 1) return null;
  return { sectionId, beforeId: list[index + 2] ?? null };
}

/** The neighbouring section (−1 left/up, +1 right/down) in template order; the card goes to its end. */
export function sectionStepPlacement(sectionIds: readonly string[], current: string, step: -1 | 1): Placement | null {
  const index = sectionIds.indexOf(current);
  const target = index < 0 ? undefined : sectionIds[index + step];
  return target === undefined ? null : { sectionId: target, beforeId: null };
}
