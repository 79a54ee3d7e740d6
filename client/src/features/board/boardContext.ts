import type { BoardSettings, BoardStore, Card, SectionTemplate } from '@warsztat/shared';
import { createContext, useCallback, useContext, useSyncExternalStore } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import type { CardEditing } from './cardEditing';

/** Everything a card or section needs from its board, without threading props through each level. */
export interface BoardApi {
  doc: Y.Doc;
  store: BoardStore;
  awareness: Awareness | null;
  undo: Y.UndoManager | null;
  /** Runs a write as this client's own transaction (undoable by this client only). */
  act: <T>(write: () => T) => T;
  sections: SectionTemplate[];
  readOnly: boolean;
  participantId: string | null;
  settings: BoardSettings;
  /** Totals shown: revealed by the facilitator, or the viewer is not a voter (facilitator, projector). */
  showTotals: boolean;
  large: boolean;
  /** Level of the section headings, so the board fits the page's outline (h1 → h2, …). */
  headingLevel: 2 | 3 | 4;
  /** Which card is open for editing, and which should take focus (cards read as text until tapped). */
  editing: CardEditing;
  /** Deletes with an "undo" offer. */
  deleteCard: (cardId: string) => void;
  addCard: (sectionId: string) => void;
  labels: BoardLabels;
  /** A short message read out politely (e.g. "no dots left"). */
  notify: (message: string) => void;
}

/** Words every card shows, translated once per board and language (issue #15). */
export interface BoardLabels {
  facilitator: string;
  openCardHint: string;
  emptyCard: string;
  openCard: (label: string) => string;
  editing: (names: string) => string;
}

export const BoardContext = createContext<BoardApi | null>(null);

export function useBoard(): BoardApi {
  const api = useContext(BoardContext);
  if (!api) throw new Error('useBoard outside a <Board>');
  return api;
}

/** One card's snapshot; re-renders only when that card changes. */
export function useCard(id: string): Card | undefined {
  const { store } = useBoard();
  const subscribe = useCallback((listener: () => void) => store.subscribeCard(id, listener), [store, id]);
  return useSyncExternalStore(subscribe, () => store.card(id));
}

/** One section's ordered card ids; re-renders only when that order changes. */
export function useSectionIds(sectionId: string): readonly string[] {
  const { store } = useBoard();
  const subscribe = useCallback(
    (listener: () => void) => store.subscribeSection(sectionId, listener),
    [store, sectionId],
  );
  return useSyncExternalStore(subscribe, () => store.section(sectionId));
}

/** Dots this participant has placed on the whole board. */
export function useVotesUsed(participantId: string | null): number {
  const { store } = useBoard();
  return useSyncExternalStore(store.subscribe, () => {
    if (participantId === null) return 0;
    let used = 0;
    for (const card of store.allCards()) used += card.votesBy[participantId] ?? 0;
    return used;
  });
}
