import * as Y from 'yjs';
import type { Store } from '../../server/src/persistence/Store.js';

/**
 * A board for the store's doc tests: map keys `<name>-<i>`, each set by its own update, and the
 * keys a store gives back — snapshot parts, then the log — after a load.
 */

/** Sets `count` keys `<name>-<i>` from `from` on `doc`, and returns one update per key. */
export function keyUpdates(doc: Y.Doc, name: string, from: number, count: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  const collect = (u: Uint8Array) => out.push(u);
  doc.on('update', collect);
  for (let i = from; i < from + count; i++) doc.getMap<number>('m').set(`${name}-${i}`, i);
  doc.off('update', collect);
  return out;
}

/** The keys of the doc as the store holds it now, sorted. */
export async function keysOf(store: Store, name: string): Promise<string[]> {
  const stored = await store.loadDoc(name);
  const doc = new Y.Doc();
  for (const part of stored.snapshot) Y.applyUpdate(doc, part);
  for (const update of stored.updates) Y.applyUpdate(doc, update);
  return [...doc.getMap('m').keys()].sort();
}

/** The keys `<name>-0` … `<name>-<n-1>`, sorted as `keysOf` gives them. */
export const range = (name: string, n: number) => Array.from({ length: n }, (_, i) => `${name}-${i}`).sort();
