import { addCard, cardsMap, summaryFragment } from '@warsztat/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { segmentUpdate } from '../../server/src/sync/segmentUpdate.js';
import { countStructs } from '../../server/src/sync/updateScan.js';
import { cardHeavyBoard } from '../helpers/bigBoards.js';
import { rng } from '../helpers/fuzzClient.js';

/**
 * Parts of a board must rebuild exactly the board, each part applying without leaving pending
 * structs or deletes (which Yjs would integrate all at once later: the stall the parts avoid).
 */
function applyInParts(parts: readonly Uint8Array[], maxStructs: number): Y.Doc {
  const doc = new Y.Doc();
  for (const part of parts) {
    expect(countStructs(part, Number.POSITIVE_INFINITY)).toBeLessThanOrEqual(maxStructs);
    Y.applyUpdate(doc, part);
    expect(doc.store.pendingStructs).toBeNull();
    expect(doc.store.pendingDs).toBeNull();
  }
  return doc;
}

function expectSameDoc(actual: Y.Doc, expected: Y.Doc): void {
  expect(Y.encodeStateVector(actual)).toEqual(Y.encodeStateVector(expected));
  // Same structs and same tombstones (the bytes may differ: Yjs merges adjacent items per transaction).
  expect(Y.equalSnapshots(Y.snapshot(actual), Y.snapshot(expected))).toBe(true);
  expect(actual.getMap('cards').toJSON()).toEqual(expected.getMap('cards').toJSON());
  expect(summaryFragment(actual).toString()).toBe(summaryFragment(expected).toString());
}

/** Several writers editing the same texts, maps and summary concurrently, synced at random moments. */
function concurrentBoard(seed: number, writers: number, steps: number): Y.Doc {
  const random = rng(seed);
  const docs = Array.from({ length: writers }, () => new Y.Doc());
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  for (let step = 0; step < steps; step++) {
    const doc = pick(docs);
    const cards = cardsMap(doc);
    const roll = random();
    if (roll < 0.25 || cards.size === 0) {
      addCard(doc, { sectionId: pick(['needs', 'ideas']), text: `karta ${step}` });
    } else if (roll < 0.55) {
      const card = pick([...cards.values()]) as Y.Map<unknown>;
      const text = card.get('text') as Y.Text;
      const at = Math.floor(random() * (text.length + 1));
      if (random() < 0.3 && text.length > 2) text.delete(Math.min(at, text.length - 1), 1);
      else text.insert(at, pick(['a', 'ż', '😀', ' i ', 'wsparcie']));
    } else if (roll < 0.65) {
      cards.delete(pick([...cards.keys()]));
    } else if (roll < 0.8) {
      const card = pick([...cards.values()]) as Y.Map<unknown>;
      card.set('color', pick(['yellow', 'blue', 'green']));
      (card.get('votes') as Y.Map<number> | undefined)?.set(`p${Math.floor(random() * 5)}`, 1);
    } else {
      const summary = summaryFragment(doc);
      const p = new Y.XmlElement('paragraph');
      summary.insert(Math.floor(random() * (summary.length + 1)), [p]);
      p.insert(0, [new Y.XmlText(`akapit ${step}`)]);
      if (random() < 0.2 && summary.length > 1) summary.delete(0, 1);
    }
    if (random() < 0.3) {
      const a = pick(docs);
      const b = pick(docs);
      Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
    }
  }
  const [merged, ...rest] = docs as [Y.Doc, ...Y.Doc[]];
  for (const doc of rest) Y.applyUpdate(merged, Y.encodeStateAsUpdate(doc));
  return merged;
}

describe('segmentUpdate', () => {
  it('rebuilds concurrent boards exactly, part by part, for many seeds and part sizes', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const board = concurrentBoard(seed * 7919, 2 + (seed % 5), 150 + seed * 5);
      const update = Y.encodeStateAsUpdate(board);
      for (const max of [1, 3, 17, 200]) {
        const parts = segmentUpdate(update, max);
        if (countStructs(update, Number.POSITIVE_INFINITY) > max) expect(parts.length).toBeGreaterThan(1);
        expectSameDoc(applyInParts(parts, max), board);
      }
    }
  });

  it('splits a large board of short cards into parts of bounded size', () => {
    const update = cardHeavyBoard(400_000);
    const parts = segmentUpdate(update, 5_000);
    const structs = countStructs(update, Number.POSITIVE_INFINITY);
    expect(parts.length).toBeGreaterThanOrEqual(Math.ceil(structs / 5_000));
    const expected = new Y.Doc();
    Y.applyUpdate(expected, update);
    expectSameDoc(applyInParts(parts, 5_000), expected);
  });

  it('gives a large delete set parts of its own, after every struct', () => {
    const doc = new Y.Doc();
    const text = doc.getText('t');
    for (let i = 0; i < 300; i++) text.insert(0, `${i}x`);
    // Every other character deleted: many separate ranges.
    for (let i = text.length - 1; i >= 0; i -= 2) text.delete(i, 1);
    const update = Y.encodeStateAsUpdate(doc);
    const parts = segmentUpdate(update, 50);
    const deleteOnly = parts.filter((p) => countStructs(p, Number.POSITIVE_INFINITY) === 0);
    expect(deleteOnly.length).toBeGreaterThan(1);
    expect(parts.slice(-deleteOnly.length)).toEqual(deleteOnly);
    expectSameDoc(applyInParts(parts, 50), doc);
  });

  it('leaves a small update whole, and refuses a part size below one', () => {
    const doc = new Y.Doc();
    addCard(doc, { sectionId: 'needs', text: 'jedna' });
    const update = Y.encodeStateAsUpdate(doc);
    expect(segmentUpdate(update, 1_000)).toEqual([update]);
    expect(() => segmentUpdate(update, 0)).toThrow(RangeError);
  });

  it('splits an update that builds on content the doc already has', () => {
    const base = new Y.Doc();
    base.getText('t').insert(0, 'abc');
    const later = new Y.Doc();
    Y.applyUpdate(later, Y.encodeStateAsUpdate(base));
    const sv = Y.encodeStateVector(later);
    later.getText('t').insert(1, 'XYZ');
    later.getText('t').insert(0, 'Q');
    later.getText('t').insert(5, 'R');
    // Only the new edits: they refer to `base`'s client, which this update does not hold.
    const diff = Y.encodeStateAsUpdate(later, sv);
    const parts = segmentUpdate(diff, 1);
    expect(parts.length).toBe(3);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(base));
    for (const part of parts) {
      Y.applyUpdate(doc, part);
      expect(doc.store.pendingStructs).toBeNull();
    }
    expect(doc.getText('t').toString()).toBe(later.getText('t').toString());
  });

  it('keeps an update with a gap (a Skip struct) whole', () => {
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    for (let i = 0; i < 5; i++) doc.getText('t').insert(0, `${i}`);
    // The second edit left out: Yjs marks the hole with a Skip.
    const gapped = Y.mergeUpdates([updates[0], updates[2], updates[3], updates[4]] as Uint8Array[]);
    expect(segmentUpdate(gapped, 1)).toEqual([gapped]);
  });
});
