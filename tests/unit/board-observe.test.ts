import {
  addCard,
  type CardChanges,
  castVote,
  createCardsUndoManager,
  deleteCard,
  getCard,
  listCards,
  moveCard,
  observeCards,
  setCardColor,
  setCardText,
} from '@warsztat/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';

function record(doc: Y.Doc): CardChanges[] {
  const seen: CardChanges[] = [];
  observeCards(doc, (c) => seen.push({ cards: new Set(c.cards), order: c.order }));
  return seen;
}

describe('observeCards', () => {
  it('names only the card whose text changed, without an order change', () => {
    const doc = new Y.Doc();
    const a = addCard(doc, { sectionId: 'needs', text: 'Transport' });
    addCard(doc, { sectionId: 'needs', text: 'Inne' });
    const seen = record(doc);
    setCardText(doc, a, 'Transport do lekarza');
    expect(seen).toEqual([{ cards: new Set([a]), order: false }]);
  });

  it('reports colour and votes as card changes and a move or add or delete as an order change', () => {
    const doc = new Y.Doc();
    const a = addCard(doc, { sectionId: 'needs' });
    const seen = record(doc);
    setCardColor(doc, a, 'blue');
    castVote(doc, a, 'p1', 1, 5);
    moveCard(doc, a, 'gaps');
    const b = addCard(doc, { sectionId: 'gaps' });
    deleteCard(doc, b);
    expect(seen.map((c) => c.order)).toEqual([false, false, true, true, true]);
    expect(seen.every((c) => c.cards.size === 1)).toBe(true);
  });

  it('sees changes that arrive from a remote peer', () => {
    const local = new Y.Doc();
    const remote = new Y.Doc();
    const a = addCard(remote, { sectionId: 'needs', text: 'x' });
    Y.applyUpdate(local, Y.encodeStateAsUpdate(remote));
    const seen = record(local);
    const before = Y.encodeStateVector(remote);
    setCardText(remote, a, 'xy');
    Y.applyUpdate(local, Y.encodeStateAsUpdate(remote, before));
    expect(seen).toEqual([{ cards: new Set([a]), order: false }]);
  });
});

describe('undo of one’s own changes', () => {
  it('undoes a local edit but leaves a colleague’s concurrent edit in place', () => {
    const mine = new Y.Doc();
    const theirs = new Y.Doc();
    const origin = { local: true };
    const undo = createCardsUndoManager(mine, origin, 0);
    const a = addCard(theirs, { sectionId: 'needs', text: 'Opieka' });
    Y.applyUpdate(mine, Y.encodeStateAsUpdate(theirs));
    mine.transact(() => setCardText(mine, a, 'Opieka wytchnieniowa'), origin);
    const sv = Y.encodeStateVector(theirs);
    addCard(theirs, { sectionId: 'gaps', text: 'Kolejki' });
    Y.applyUpdate(mine, Y.encodeStateAsUpdate(theirs, sv));
    undo.undo();
    expect(listCards(mine).map((c) => c.text)).toEqual(['Kolejki', 'Opieka']);
  });

  it('restores a deleted card with its text and votes, and redo deletes it again', () => {
    const doc = new Y.Doc();
    const origin = {};
    const undo = createCardsUndoManager(doc, origin, 0);
    let id = '';
    doc.transact(() => {
      id = addCard(doc, { sectionId: 'needs', text: 'Mieszkania treningowe' });
      castVote(doc, id, 'p1', 1, 5);
    }, origin);
    doc.transact(() => deleteCard(doc, id), origin);
    expect(getCard(doc, id)).toBeNull();
    undo.undo();
    expect(getCard(doc, id)).toMatchObject({ text: 'Mieszkania treningowe', votes: 1 });
    undo.redo();
    expect(getCard(doc, id)).toBeNull();
  });

  it('ignores changes made without the local origin', () => {
    const doc = new Y.Doc();
    const undo = createCardsUndoManager(doc, {}, 0);
    addCard(doc, { sectionId: 'needs' });
    expect(undo.canUndo()).toBe(false);
  });
});
