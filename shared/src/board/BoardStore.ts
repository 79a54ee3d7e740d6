import type * as Y from 'yjs';
import { observeCards } from './observe.js';
import { type Card, getCard, listCards } from './schema.js';

type Listener = () => void;
const EMPTY: readonly string[] = Object.freeze([]);

/**
 * A snapshot of the board kept in step with the doc, for UIs (React reads it through
 * `useSyncExternalStore`; no React here). Subscriptions are per card and per section, so a remote keystroke
 * re-reads and re-renders one card, and only a move, add or delete re-sorts the sections (and
 * only sections whose order really changed are told). Snapshots are immutable: a changed card
 * is a new object, an unchanged one keeps its identity.
 */
export class BoardStore {
  private cards = new Map<string, Card>();
  private order = new Map<string, readonly string[]>();
  private sectionIds: readonly string[] = EMPTY;
  private readonly cardListeners = new Map<string, Set<Listener>>();
  private readonly sectionListeners = new Map<string, Set<Listener>>();
  private readonly boardListeners = new Set<Listener>();
  constructor(private readonly doc: Y.Doc) {
    this.load();
  }

  private load(): void {
    this.cards = new Map(listCards(this.doc).map((card) => [card.id, card]));
    this.reorder();
  }

  /**
   * Starts following the doc; returns the stop function. Restartable (React may mount an effect
   * twice): each start re-reads the doc and tells every listener, in case something was missed.
   */
  connect(): () => void {
    this.load();
    for (const set of this.cardListeners.values()) this.notify(set);
    for (const set of this.sectionListeners.values()) this.notify(set);
    for (const listener of this.boardListeners) listener();
    return observeCards(this.doc, ({ cards, order }) => {
      for (const id of cards) {
        const card = getCard(this.doc, id);
        if (card) this.cards.set(id, card);
        else this.cards.delete(id);
      }
      const changedSections = order ? this.reorder() : [];
      // Card listeners first: a card's own text field updates synchronously, before any section render.
      for (const id of cards) this.notify(this.cardListeners.get(id));
      for (const sectionId of changedSections) this.notify(this.sectionListeners.get(sectionId));
      for (const listener of this.boardListeners) listener();
    });
  }

  private notify(listeners: Set<Listener> | undefined): void {
    if (listeners) for (const listener of listeners) listener();
  }

  /** Re-sorts every section; returns the ids of sections whose order changed. */
  private reorder(): string[] {
    const next = new Map<string, Card[]>();
    for (const card of this.cards.values()) {
      const list = next.get(card.sectionId);
      if (list) list.push(card);
      else next.set(card.sectionId, [card]);
    }
    const changed: string[] = [];
    const order = new Map<string, readonly string[]>();
    for (const [sectionId, list] of next) {
      list.sort((a, b) => (a.rank !== b.rank ? (a.rank < b.rank ? -1 : 1) : a.id < b.id ? -1 : 1));
      const ids = list.map((c) => c.id);
      const before = this.order.get(sectionId);
      if (before && before.length === ids.length && before.every((id, i) => id === ids[i])) {
        order.set(sectionId, before);
      } else {
        order.set(sectionId, ids);
        changed.push(sectionId);
      }
    }
    for (const sectionId of this.order.keys()) if (!order.has(sectionId)) changed.push(sectionId);
    this.order = order;
    const sectionIds = [...order.keys()].sort();
    if (sectionIds.join('\n') !== this.sectionIds.join('\n')) this.sectionIds = sectionIds;
    return changed;
  }

  card(id: string): Card | undefined {
    return this.cards.get(id);
  }

  /** Card ids of one section in board order (the same array until the order changes). */
  section(sectionId: string): readonly string[] {
    return this.order.get(sectionId) ?? EMPTY;
  }

  /** Every section id that holds cards, including ones not in the template. */
  sections(): readonly string[] {
    return this.sectionIds;
  }

  allCards(): IterableIterator<Card> {
    return this.cards.values();
  }

  subscribeCard = (id: string, listener: Listener): (() => void) => this.add(this.cardListeners, id, listener);

  subscribeSection = (sectionId: string, listener: Listener): (() => void) =>
    this.add(this.sectionListeners, sectionId, listener);

  /** Any change at all (for small derived values such as the votes left). */
  subscribe = (listener: Listener): (() => void) => {
    this.boardListeners.add(listener);
    return () => this.boardListeners.delete(listener);
  };

  private add(map: Map<string, Set<Listener>>, key: string, listener: Listener): () => void {
    let set = map.get(key);
    if (!set) {
      set = new Set();
      map.set(key, set);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) map.delete(key);
    };
  }
}
