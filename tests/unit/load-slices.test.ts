import { cardsMap } from '@warsztat/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applySlices, loadSlices } from '../../server/src/sync/loadSlices.js';
import { segmentUpdate } from '../../server/src/sync/segmentUpdate.js';
import { cardHeavyBoard } from '../helpers/bigBoards.js';

/**
 * How a stored board is cut into event-loop turns (issue #14): one turn per snapshot part, log
 * updates grouped up to the struct budget, and the board rebuilt whole, with nothing pending.
 */
function tinyUpdates(count: number): Uint8Array[] {
  const doc = new Y.Doc();
  const out: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => out.push(u));
  for (let i = 0; i < count; i++) doc.getMap<number>('m').set(`k${i}`, i);
  return out;
}

describe('loadSlices', () => {
  it('gives each snapshot part a turn and groups small log updates up to the struct budget', () => {
    const parts = segmentUpdate(cardHeavyBoard(300_000), 1_000);
    expect(parts.length).toBeGreaterThan(2);
    const log = tinyUpdates(250);
    const slices = loadSlices({ snapshot: parts, updates: log }, 100);
    expect(slices.slice(0, parts.length)).toEqual(parts.map((p) => [p]));
    const logSlices = slices.slice(parts.length);
    // 250 one-struct updates at 100 structs a turn.
    expect(logSlices.map((s) => s.length)).toEqual([100, 100, 50]);
    expect(logSlices.flat()).toEqual(log);
  });

  it('gives an update over the budget a turn of its own', () => {
    const [big] = segmentUpdate(cardHeavyBoard(50_000), 1_000_000);
    const [small] = tinyUpdates(1);
    if (!big || !small) throw new Error('updates expected');
    expect(loadSlices({ snapshot: [], updates: [small, big, small] }, 100)).toEqual([[small], [big], [small]]);
  });

  it('rebuilds the whole board, a slice per turn, with nothing left pending', async () => {
    const update = cardHeavyBoard(300_000);
    const expected = new Y.Doc();
    Y.applyUpdate(expected, update);
    const parts = segmentUpdate(update, 1_000);
    const doc = new Y.Doc();
    const applied = await applySlices(doc, loadSlices({ snapshot: parts, updates: [] }, 1_000), 'load', () => false);
    expect(applied).toBe(parts.length);
    expect(doc.store.pendingStructs).toBeNull();
    expect(Y.encodeStateVector(doc)).toEqual(Y.encodeStateVector(expected));
    expect(cardsMap(doc).size).toBe(cardsMap(expected).size);
  });

  it('stops when told to', async () => {
    const parts = segmentUpdate(cardHeavyBoard(300_000), 1_000);
    let stop = false;
    const doc = new Y.Doc();
    doc.on('afterTransaction', () => {
      stop = true;
    });
    expect(await applySlices(doc, loadSlices({ snapshot: parts, updates: [] }, 1_000), 'load', () => stop)).toBe(1);
  });
});
