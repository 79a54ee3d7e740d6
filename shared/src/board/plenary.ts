import { generateKeyBetween } from 'fractional-indexing';
import { uuidv4 } from 'lib0/random';
import * as Y from 'yjs';
import { plenaryVoteTotals, readPlenary } from './plenaryVotes.js';
import { MAX_CARD_TEXT, setTextMinimally } from './schema.js';

/**
 * The plenary doc (DESIGN §1), one Y.Doc per workshop named `<workshopId>.plenary` (take the name
 * from `WorkshopState.plenary.docName`, never build it):
 *   doc.getMap('items'): itemId → Y.Map {
 *     text: Y.Text            the recommendation as the room will read it (editable),
 *     sourceGroupId: string | null   the group board it was pulled from (null: typed in plenary),
 *     sourceCardId: string | null    the card it was pulled from (a second pull of it is a no-op),
 *     rank: string            fractional index; items sort by rank, then id,
 *     createdAt: number
 *   }
 * Facilitators write it; participants and the projector read it. Votes are not in the doc: they
 * are control state (`plenaryVotes.ts`), because a CRDT cannot refuse a vote past the budget.
 * The rank order is the final order the report uses; "sort by votes" rewrites the ranks.
 * Readers are defensive like the board's: an item with odd keys is defaulted or skipped.
 */
export const PLENARY_ITEMS_KEY = 'items';

/** The board section whose cards are a group's recommendations in the DI templates. */
export const RECOMMENDATIONS_SECTION_ID = 'recommendations';

/** The section holding recommendations: `recommendations` when the template has one, else its last section. */
export function recommendationsSectionId(sections: readonly { id: string }[]): string | null {
  if (sections.some((s) => s.id === RECOMMENDATIONS_SECTION_ID)) return RECOMMENDATIONS_SECTION_ID;
  return sections.at(-1)?.id ?? null;
}

export interface PlenaryItem {
  id: string;
  text: string;
  sourceGroupId: string | null;
  sourceCardId: string | null;
  rank: string;
  createdAt: number;
}

/** One consolidated recommendation as the report and the screens show it, in final order. */
export interface ConsolidatedItem {
  id: string;
  text: string;
  sourceGroupId: string | null;
  votes: number;
}

export function plenaryItemsMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap(PLENARY_ITEMS_KEY);
}

function readItem(id: string, value: unknown): PlenaryItem | null {
  if (!(value instanceof Y.Map)) return null;
  const text = value.get('text');
  const sourceGroupId = value.get('sourceGroupId');
  const sourceCardId = value.get('sourceCardId');
  const rank = value.get('rank');
  const createdAt = value.get('createdAt');
  return {
    id,
    text: text instanceof Y.Text ? text.toString() : typeof text === 'string' ? text : '',
    sourceGroupId: typeof sourceGroupId === 'string' ? sourceGroupId : null,
    sourceCardId: typeof sourceCardId === 'string' ? sourceCardId : null,
    rank: typeof rank === 'string' ? rank : '',
    createdAt: typeof createdAt === 'number' ? createdAt : 0,
  };
}

function compareItems(a: PlenaryItem, b: PlenaryItem): number {
  if (a.rank !== b.rank) return a.rank < b.rank ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Every readable item in final (rank) order. */
export function listPlenaryItems(doc: Y.Doc): PlenaryItem[] {
  const out: PlenaryItem[] = [];
  plenaryItemsMap(doc).forEach((value, id) => {
    const item = readItem(id, value);
    if (item) out.push(item);
  });
  return out.sort(compareItems);
}

/**
 * The consolidated recommendations in final order with their vote totals — what the report
 * prints. `plenary` is the stored vote record (`WorkshopRecord.control.plenary`, read
 * defensively, absent in older workshops: every count is then 0); votes for items no longer in
 * the doc are ignored.
 */
export function readConsolidated(doc: Y.Doc, plenary?: unknown): ConsolidatedItem[] {
  return withTotals(doc, plenaryVoteTotals(readPlenary(plenary)));
}

/** The same, from totals already computed (itemId → votes), as clients get them in `WorkshopState`. */
export function withTotals(doc: Y.Doc, totals: Readonly<Record<string, number>> | null): ConsolidatedItem[] {
  return listPlenaryItems(doc).map((item) => ({
    id: item.id,
    text: item.text,
    sourceGroupId: item.sourceGroupId,
    votes: totals?.[item.id] ?? 0,
  }));
}

function rankBetween(before: string | null, after: string | null): string {
  try {
    return generateKeyBetween(before, after);
  } catch {
    // A foreign client wrote an invalid rank: append after the valid ones instead.
    try {
      return generateKeyBetween(before, null);
    } catch {
      return generateKeyBetween(null, null);
    }
  }
}

export interface NewPlenaryItem {
  text: string;
  sourceGroupId?: string | null;
  sourceCardId?: string | null;
  now?: number;
}

/**
 * Appends a recommendation at the end; returns its id. Pulling a card that is already in the
 * plenary doc returns the existing item's id and changes nothing (two facilitators clicking
 * the same card at once can still both add it; the duplicate can be deleted).
 */
export function addPlenaryItem(doc: Y.Doc, item: NewPlenaryItem): string {
  const sourceCardId = item.sourceCardId ?? null;
  const items = listPlenaryItems(doc);
  if (sourceCardId !== null) {
    const existing = items.find((i) => i.sourceCardId === sourceCardId);
    if (existing) return existing.id;
  }
  const id = uuidv4();
  doc.transact(() => {
    const map = new Y.Map<unknown>();
    const text = new Y.Text();
    text.insert(0, item.text.slice(0, MAX_CARD_TEXT));
    map.set('text', text);
    map.set('sourceGroupId', item.sourceGroupId ?? null);
    map.set('sourceCardId', sourceCardId);
    map.set('rank', rankBetween(items.at(-1)?.rank || null, null));
    map.set('createdAt', item.now ?? Date.now());
    plenaryItemsMap(doc).set(id, map);
  });
  return id;
}

/** Replaces an item's text with the smallest edit, so two editors keep each other's words. */
export function setPlenaryItemText(doc: Y.Doc, id: string, next: string): void {
  const map = plenaryItemsMap(doc).get(id);
  if (map instanceof Y.Map) setTextMinimally(map, next.slice(0, MAX_CARD_TEXT));
}

export function deletePlenaryItem(doc: Y.Doc, id: string): void {
  plenaryItemsMap(doc).delete(id);
}

/** Moves an item right before `beforeId` (null: to the end). Only its rank changes. */
export function movePlenaryItem(doc: Y.Doc, id: string, beforeId: string | null): void {
  const map = plenaryItemsMap(doc).get(id);
  if (!(map instanceof Y.Map)) return;
  const others = listPlenaryItems(doc).filter((i) => i.id !== id);
  const index = beforeId === null ? others.length : others.findIndex((i) => i.id === beforeId);
  const at = index < 0 ? others.length : index;
  map.set('rank', rankBetween(others[at - 1]?.rank || null, others[at]?.rank || null));
}

/** Moves an item one place up (−1) or down (+1); returns false at either end. */
export function shiftPlenaryItem(doc: Y.Doc, id: string, delta: -1 | 1): boolean {
  const items = listPlenaryItems(doc);
  const index = items.findIndex((i) => i.id === id);
  if (index < 0) return false;
  const target = index + delta;
  if (target < 0 || target >= items.length) return false;
  // Down by one = before the item two places below (or the end); up by one = before the one above.
  const beforeId = delta > 0 ? (items[target + 1]?.id ?? null) : (items[target]?.id ?? null);
  movePlenaryItem(doc, id, beforeId);
  return true;
}

/**
 * Rewrites every rank so items run from most to fewest votes; ties keep their current order.
 * One transaction, so every reader sees the new order at once.
 */
export function sortPlenaryByVotes(doc: Y.Doc, totals: Readonly<Record<string, number>>): void {
  const items = listPlenaryItems(doc);
  const sorted = items
    .map((item, index) => ({ item, index, votes: totals[item.id] ?? 0 }))
    .sort((a, b) => b.votes - a.votes || a.index - b.index);
  doc.transact(() => {
    let previous: string | null = null;
    for (const { item } of sorted) {
      const rank = rankBetween(previous, null);
      const map = plenaryItemsMap(doc).get(item.id);
      if (map instanceof Y.Map && map.get('rank') !== rank) map.set('rank', rank);
      previous = rank;
    }
  });
}
