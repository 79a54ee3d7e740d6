import * as Y from 'yjs';
import { cardsMap, SUMMARY_KEY } from './schema.js';

/** What one transaction changed on the cards map, as seen by `observeCards`. */
export interface CardChanges {
  /** Cards added, removed or changed anywhere inside (text, colour, votes, position). */
  cards: Set<string>;
  /** True when the order of some section may have changed: a card added, removed or moved. */
  order: boolean;
}

const ORDER_KEYS = new Set(['sectionId', 'rank']);

/**
 * Calls `listener` once per transaction with the ids of the cards it touched, found from the
 * event paths of `observeDeep`, so a remote keystroke costs one card's re-read instead of the
 * whole board's. Fires synchronously at the end of the transaction, before the doc's `update`.
 * Returns the unsubscribe function.
 */
export function observeCards(doc: Y.Doc, listener: (changes: CardChanges) => void): () => void {
  const cards = cardsMap(doc);
  const handler = (events: Array<Y.YEvent<Y.AbstractType<unknown>>>) => {
    const changes: CardChanges = { cards: new Set(), order: false };
    for (const event of events) {
      if (event.target === cards) {
        // Keys of the cards map itself: whole cards added, replaced or deleted.
        for (const key of event.changes.keys.keys()) changes.cards.add(key);
        changes.order = true;
        continue;
      }
      const [cardId, field] = event.path as [unknown, unknown];
      if (typeof cardId !== 'string') continue;
      changes.cards.add(cardId);
      if (event.path.length === 1 && event instanceof Y.YMapEvent) {
        for (const key of event.keysChanged) if (ORDER_KEYS.has(key)) changes.order = true;
      } else if (field === undefined) {
        changes.order = true;
      }
    }
    if (changes.cards.size > 0) listener(changes);
  };
  cards.observeDeep(handler);
  return () => cards.unobserveDeep(handler);
}

/** The rapporteur's rich-text summary, bound by the editor (TipTap collaboration). */
export function summaryFragment(doc: Y.Doc): Y.XmlFragment {
  return doc.getXmlFragment(SUMMARY_KEY);
}

/**
 * An undo manager over the cards only, tracking `origin` alone, so Ctrl+Z takes back this
 * person's own changes and never a colleague's (their updates arrive with the provider as
 * origin). Local writes must run inside `doc.transact(fn, origin)`; nested accessor
 * transactions inherit it.
 */
export function createCardsUndoManager(doc: Y.Doc, origin: object, captureTimeout = 500): Y.UndoManager {
  return new Y.UndoManager(cardsMap(doc), { trackedOrigins: new Set([origin]), captureTimeout });
}
