import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';

/**
 * Which card of this board is open for editing (issue #20 point 9: "cards read as text until
 * tapped"). At most one: a card shows as plain text, and a tap, click or Enter opens that one card
 * (text, colour, move, delete); Escape or focus leaving it closes it. A store of its own with a
 * per-card selector, so opening a card re-renders two cards, not the whole board (issue #15).
 * It outlives a card's component: a card moved to another section mounts anew and stays open.
 */
export interface CardEditingState {
  open: string | null;
  /** The open card whose text should take focus once rendered (after a tap, an add or a move). */
  focus: string | null;
  /** Opens `cardId` (closing any other) and puts the caret in its text. */
  openAndFocus: (cardId: string) => void;
  /** The requested focus was taken. */
  focused: () => void;
  /** Closes `cardId` if it is the open one (a late blur must not close a card opened since). */
  close: (cardId: string) => void;
}

export type CardEditing = StoreApi<CardEditingState>;

export function createCardEditing(): CardEditing {
  return createStore<CardEditingState>((set) => ({
    open: null,
    focus: null,
    openAndFocus: (cardId) => set({ open: cardId, focus: cardId }),
    focused: () => set({ focus: null }),
    close: (cardId) => set((state) => (state.open === cardId ? { open: null } : state)),
  }));
}

/** True while this card is the open one; re-renders only when that answer changes. */
export function useCardOpen(editing: CardEditing, cardId: string): boolean {
  return useStore(editing, (state) => state.open === cardId);
}

/** True while this card's text should take focus. */
export function useCardFocus(editing: CardEditing, cardId: string): boolean {
  return useStore(editing, (state) => state.focus === cardId);
}

/** The card waiting for focus, for a windowed list to scroll it into view. */
export function useFocusRequest(editing: CardEditing): string | null {
  return useStore(editing, (state) => state.focus);
}

/*
 * A card closed on the pointerdown that took focus from it shrinks at once, and whatever was
 * tapped below it (the next section's "+ Dodaj kartę" on a phone) jumps up before the finger
 * lifts: the tap missed. So a close waits until no pointer is down and the click has landed.
 */
let pointerDown = false;
if (typeof window !== 'undefined') {
  window.addEventListener(
    'pointerdown',
    () => {
      pointerDown = true;
    },
    true,
  );
  for (const type of ['pointerup', 'pointercancel'] as const) {
    window.addEventListener(
      type,
      () => {
        pointerDown = false;
      },
      true,
    );
  }
}

/** Runs `close` once focus has settled outside `card` (and any tap is over), unless it came back. */
export function closeWhenFocusLeaves(card: HTMLElement, close: () => void): void {
  const check = () => {
    if (card.isConnected && !card.contains(document.activeElement)) close();
  };
  if (!pointerDown) {
    // A frame later: a moved card mounts again in its new section and takes focus there first.
    requestAnimationFrame(check);
    return;
  }
  const done = () => {
    window.removeEventListener('pointerup', done, true);
    window.removeEventListener('pointercancel', done, true);
    // After the click that follows the pointerup.
    setTimeout(check, 0);
  };
  window.addEventListener('pointerup', done, true);
  window.addEventListener('pointercancel', done, true);
}
