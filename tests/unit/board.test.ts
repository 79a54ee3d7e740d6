import {
  addCard,
  cardsBySection,
  cardsMap,
  deleteCard,
  getCard,
  listCards,
  moveCard,
  setCardColor,
  setCardText,
} from '@warsztat/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';

/** Two docs wired to each other in memory, like two browsers on one board. */
function pair(): [Y.Doc, Y.Doc, () => void] {
  const a = new Y.Doc();
  const b = new Y.Doc();
  const sync = () => {
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
  };
  return [a, b, sync];
}

describe('board accessors', () => {
  it('adds cards at the end of their section in order', () => {
    const doc = new Y.Doc();
    const first = addCard(doc, { sectionId: 'needs', text: 'Opieka wytchnieniowa', authorId: 'p1', now: 1 });
    const second = addCard(doc, { sectionId: 'needs', text: 'Transport' });
    addCard(doc, { sectionId: 'gaps', text: 'Brak kadr' });
    const needs = cardsBySection(doc).get('needs') ?? [];
    expect(needs.map((c) => c.id)).toEqual([first, second]);
    expect(getCard(doc, first)).toMatchObject({
      text: 'Opieka wytchnieniowa',
      authorId: 'p1',
      createdAt: 1,
      color: 'yellow',
    });
    expect(listCards(doc)).toHaveLength(3);
  });

  it('edits text with the smallest change so concurrent typing in one card keeps both words', () => {
    const [a, b, sync] = pair();
    const id = addCard(a, { sectionId: 'needs', text: 'usługi opiekuńcze' });
    sync();
    setCardText(a, id, 'dobre usługi opiekuńcze');
    setCardText(b, id, 'usługi opiekuńcze w weekendy');
    sync();
    expect(getCard(a, id)?.text).toBe('dobre usługi opiekuńcze w weekendy');
    expect(getCard(b, id)?.text).toBe(getCard(a, id)?.text);
  });

  it('moves a card between sections and before a sibling', () => {
    const doc = new Y.Doc();
    const x = addCard(doc, { sectionId: 'needs', text: 'x' });
    const y = addCard(doc, { sectionId: 'gaps', text: 'y' });
    const z = addCard(doc, { sectionId: 'gaps', text: 'z' });
    moveCard(doc, x, 'gaps', z);
    expect((cardsBySection(doc).get('gaps') ?? []).map((c) => c.id)).toEqual([y, x, z]);
    expect(cardsBySection(doc).get('needs')).toBeUndefined();
  });

  it('resolves two concurrent moves of one card to a single place, never a copy', () => {
    const [a, b, sync] = pair();
    const id = addCard(a, { sectionId: 'needs', text: 'wspólna karta' });
    sync();
    moveCard(a, id, 'gaps');
    moveCard(b, id, 'recommendations');
    sync();
    expect(listCards(a)).toEqual(listCards(b));
    expect(listCards(a).filter((c) => c.id === id)).toHaveLength(1);
  });

  it('keeps concurrent additions at the end of a section from both sides', () => {
    const [a, b, sync] = pair();
    addCard(a, { sectionId: 'needs', text: 'a' });
    addCard(b, { sectionId: 'needs', text: 'b' });
    sync();
    expect(
      listCards(a)
        .map((c) => c.text)
        .sort(),
    ).toEqual(['a', 'b']);
    expect(listCards(a)).toEqual(listCards(b));
  });

  it('deletes and recolours cards', () => {
    const doc = new Y.Doc();
    const id = addCard(doc, { sectionId: 'needs', text: 'x' });
    setCardColor(doc, id, 'blue');
    expect(getCard(doc, id)?.color).toBe('blue');
    deleteCard(doc, id);
    expect(getCard(doc, id)).toBeNull();
  });

  it('skips malformed cards written by a foreign client and defaults odd fields', () => {
    const doc = new Y.Doc();
    const cards = cardsMap(doc) as unknown as Y.Map<unknown>;
    cards.set('no-section', new Y.Map());
    cards.set('not-a-map', 'hello');
    const odd = new Y.Map<unknown>();
    odd.set('sectionId', 'needs');
    odd.set('text', 'plain string text');
    odd.set('color', '<script>');
    odd.set('unknownKey', 42);
    cards.set('odd', odd);
    const list = listCards(doc);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ id: 'odd', text: 'plain string text', color: 'yellow', rank: '', votes: 0 });
    // A malformed rank of a neighbour must not break adding after it.
    odd.set('rank', '!!');
    expect(() => addCard(doc, { sectionId: 'needs', text: 'after' })).not.toThrow();
  });

  it('keeps card text as text: markup is stored literally', () => {
    const doc = new Y.Doc();
    const id = addCard(doc, { sectionId: 'needs', text: '<img src=x onerror=alert(1)>' });
    expect(getCard(doc, id)?.text).toBe('<img src=x onerror=alert(1)>');
  });
});
