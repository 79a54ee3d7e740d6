import { addCard, dropPlacement, listCards, moveCard, sectionStepPlacement, stepPlacement } from '@warsztat/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';

/** A board with cards a, b, c in `needs` and d in `gaps`; ids are the card texts. */
function board() {
  const doc = new Y.Doc();
  const ids: Record<string, string> = {};
  for (const [text, sectionId] of [
    ['a', 'needs'],
    ['b', 'needs'],
    ['c', 'needs'],
    ['d', 'gaps'],
  ] as const)
    ids[text] = addCard(doc, { sectionId, text });
  const name = (id: string) => Object.entries(ids).find(([, v]) => v === id)?.[0] ?? '?';
  const sectionOf = (id: string) => listCards(doc).find((c) => c.id === id)?.sectionId;
  const order = (sectionId: string) =>
    listCards(doc)
      .filter((c) => c.sectionId === sectionId)
      .map((c) => c.id);
  const texts = (sectionId: string) => order(sectionId).map(name);
  const apply = (id: string, p: { sectionId: string; beforeId: string | null } | null) => {
    if (p) moveCard(doc, id, p.sectionId, p.beforeId);
  };
  const id = (text: string) => ids[text] ?? '';
  return { id, sectionOf, order, texts, apply };
}

describe('card placement', () => {
  it('drops a card dragged downwards after the card it is over, upwards before it', () => {
    const b = board();
    b.apply(b.id('a'), dropPlacement(b.id('a'), b.id('b'), b.sectionOf, b.order));
    expect(b.texts('needs')).toEqual(['b', 'a', 'c']);
    b.apply(b.id('c'), dropPlacement(b.id('c'), b.id('b'), b.sectionOf, b.order));
    expect(b.texts('needs')).toEqual(['c', 'b', 'a']);
  });

  it('drops into another section before the card under the pointer, or at the end of an empty area', () => {
    const b = board();
    b.apply(b.id('b'), dropPlacement(b.id('b'), b.id('d'), b.sectionOf, b.order));
    expect(b.texts('gaps')).toEqual(['b', 'd']);
    b.apply(b.id('a'), dropPlacement(b.id('a'), 'section:recommendations', b.sectionOf, b.order));
    expect(b.texts('recommendations')).toEqual(['a']);
    expect(dropPlacement(b.id('a'), 'section:recommendations', b.sectionOf, b.order)).toBeNull();
  });

  it('steps a card up and down within its section and stops at the ends', () => {
    const b = board();
    b.apply(b.id('c'), stepPlacement(b.order('needs'), 'needs', b.id('c'), -1));
    expect(b.texts('needs')).toEqual(['a', 'c', 'b']);
    b.apply(b.id('a'), stepPlacement(b.order('needs'), 'needs', b.id('a'), 1));
    expect(b.texts('needs')).toEqual(['c', 'a', 'b']);
    expect(stepPlacement(b.order('needs'), 'needs', b.id('c'), -1)).toBeNull();
    expect(stepPlacement(b.order('needs'), 'needs', b.id('b'), 1)).toBeNull();
  });

  it('steps a card to the neighbouring section in template order', () => {
    const sections = ['needs', 'resources', 'gaps'];
    expect(sectionStepPlacement(sections, 'needs', 1)).toEqual({ sectionId: 'resources', beforeId: null });
    expect(sectionStepPlacement(sections, 'needs', -1)).toBeNull();
  });

  it('converges when two people move the same card to different sections at once', () => {
    const one = new Y.Doc();
    const two = new Y.Doc();
    const card = addCard(one, { sectionId: 'needs', text: 'Transport' });
    Y.applyUpdate(two, Y.encodeStateAsUpdate(one));
    moveCard(one, card, 'gaps');
    moveCard(two, card, 'recommendations');
    Y.applyUpdate(two, Y.encodeStateAsUpdate(one));
    Y.applyUpdate(one, Y.encodeStateAsUpdate(two));
    expect(listCards(one)).toEqual(listCards(two));
    expect(listCards(one)).toHaveLength(1);
  });
});
