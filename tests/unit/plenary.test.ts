import {
  addPlenaryItem,
  castPlenaryVote,
  deletePlenaryItem,
  emptyPlenary,
  forgetPlenaryItem,
  listPlenaryItems,
  movePlenaryItem,
  type PlenaryRecord,
  patchPlenary,
  plenaryItemsMap,
  plenaryVotesUsed,
  plenaryVoteTotals,
  readConsolidated,
  readPlenary,
  setPlenaryItemText,
  shiftPlenaryItem,
  sortPlenaryByVotes,
} from '@warsztat/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';

function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

const texts = (doc: Y.Doc) => listPlenaryItems(doc).map((i) => i.text);

describe('plenary doc', () => {
  it('keeps pulled recommendations in pull order with their source group, once per card', () => {
    const doc = new Y.Doc();
    const a = addPlenaryItem(doc, { text: 'Mieszkania wspomagane', sourceGroupId: 'g1', sourceCardId: 'c1', now: 1 });
    addPlenaryItem(doc, { text: 'Asystencja osobista', sourceGroupId: 'g2', sourceCardId: 'c2', now: 2 });
    expect(addPlenaryItem(doc, { text: 'again', sourceGroupId: 'g1', sourceCardId: 'c1' })).toBe(a);
    addPlenaryItem(doc, { text: 'Wpisane na sali' });
    expect(readConsolidated(doc)).toEqual([
      { id: a, text: 'Mieszkania wspomagane', sourceGroupId: 'g1', votes: 0 },
      { id: expect.any(String), text: 'Asystencja osobista', sourceGroupId: 'g2', votes: 0 },
      { id: expect.any(String), text: 'Wpisane na sali', sourceGroupId: null, votes: 0 },
    ]);
  });

  it('reads votes from the stored control record, ignoring votes on deleted items', () => {
    const doc = new Y.Doc();
    const a = addPlenaryItem(doc, { text: 'A' });
    const b = addPlenaryItem(doc, { text: 'B' });
    const stored = {
      votingOpen: false,
      budget: 3,
      revealed: true,
      votes: { p1: { [b]: 2, gone: 1 }, p2: { [a]: 1, [b]: 1 } },
    };
    expect(readConsolidated(doc, stored).map((i) => [i.text, i.votes])).toEqual([
      ['A', 1],
      ['B', 3],
    ]);
    // Older workshops have no record at all; garbage is read as nothing.
    expect(readConsolidated(doc, undefined).map((i) => i.votes)).toEqual([0, 0]);
    expect(readConsolidated(doc, 'nonsense').map((i) => i.votes)).toEqual([0, 0]);
  });

  it('moves items by hand and sorts by votes with ties in their current order', () => {
    const doc = new Y.Doc();
    const [a, b, c, d] = ['A', 'B', 'C', 'D'].map((text) => addPlenaryItem(doc, { text })) as [
      string,
      string,
      string,
      string,
    ];
    movePlenaryItem(doc, d, a);
    expect(texts(doc)).toEqual(['D', 'A', 'B', 'C']);
    expect(shiftPlenaryItem(doc, a, 1)).toBe(true);
    expect(texts(doc)).toEqual(['D', 'B', 'A', 'C']);
    expect(shiftPlenaryItem(doc, d, -1)).toBe(false);
    expect(shiftPlenaryItem(doc, c, 1)).toBe(false);
    sortPlenaryByVotes(doc, { [c]: 3, [a]: 1, [b]: 1 });
    expect(texts(doc)).toEqual(['C', 'B', 'A', 'D']);
  });

  it('merges two facilitators editing the same item and survives odd keys from a foreign client', () => {
    const one = new Y.Doc();
    const two = new Y.Doc();
    const id = addPlenaryItem(one, { text: 'Centrum usług środowiskowych' });
    sync(one, two);
    setPlenaryItemText(one, id, 'Nowe centrum usług środowiskowych');
    setPlenaryItemText(two, id, 'Centrum usług środowiskowych w powiecie');
    sync(one, two);
    expect(texts(one)).toEqual(['Nowe centrum usług środowiskowych w powiecie']);
    expect(texts(two)).toEqual(texts(one));
    one.transact(() => {
      plenaryItemsMap(one).set('bad', 'not a map' as unknown as Y.Map<unknown>);
      const odd = new Y.Map<unknown>();
      odd.set('text', 42);
      odd.set('rank', 7);
      plenaryItemsMap(one).set('odd', odd);
    });
    expect(listPlenaryItems(one).map((i) => i.id)).toEqual(['odd', id]);
    deletePlenaryItem(one, 'odd');
    expect(readConsolidated(one).map((i) => i.text)).toEqual(['Nowe centrum usług środowiskowych w powiecie']);
  });
});

describe('plenary votes (control state)', () => {
  const open: PlenaryRecord = { ...emptyPlenary(), votingOpen: true, budget: 2 };

  it('enforces the budget across items and lets a vote be taken back', () => {
    let record = open;
    for (const item of ['a', 'a']) {
      const r = castPlenaryVote(record, 'p1', item, 1);
      if (!r.ok) throw new Error(r.reason);
      record = r.record;
    }
    expect(castPlenaryVote(record, 'p1', 'b', 1)).toEqual({ ok: false, reason: 'over-budget' });
    expect(castPlenaryVote(record, 'p1', 'b', -1)).toEqual({ ok: false, reason: 'none-left' });
    const back = castPlenaryVote(record, 'p1', 'a', -1);
    if (!back.ok) throw new Error(back.reason);
    expect(plenaryVotesUsed(back.record, 'p1')).toBe(1);
    expect(castPlenaryVote({ ...record, votingOpen: false }, 'p2', 'a', 1)).toEqual({ ok: false, reason: 'closed' });
    expect(plenaryVoteTotals(record)).toEqual({ a: 2 });
  });

  it('keeps votes already cast when the budget shrinks, and refuses more until under it', () => {
    const record = patchPlenary({ ...open, budget: 3, votes: { p1: { a: 3 } } }, { budget: 1 });
    expect(record.budget).toBe(1);
    expect(plenaryVotesUsed(record, 'p1')).toBe(3);
    expect(castPlenaryVote(record, 'p1', 'b', 1)).toEqual({ ok: false, reason: 'over-budget' });
    expect(castPlenaryVote(record, 'p1', 'a', -1).ok).toBe(true);
  });

  it('gives votes back when an item is forgotten', () => {
    const record: PlenaryRecord = { ...open, votes: { p1: { a: 1, b: 1 }, p2: { a: 2 } } };
    const next = forgetPlenaryItem(record, 'a');
    expect(next.votes).toEqual({ p1: { b: 1 } });
    expect(plenaryVoteTotals(next)).toEqual({ b: 1 });
  });

  it('reads stored values defensively', () => {
    expect(readPlenary(null)).toEqual(emptyPlenary());
    expect(
      readPlenary({ votingOpen: 'yes', budget: 500, revealed: true, votes: { p1: { a: 2, b: -1, c: 1.5 }, p2: 7 } }),
    ).toEqual({ votingOpen: false, budget: 20, revealed: true, votes: { p1: { a: 2 } } });
  });
});
