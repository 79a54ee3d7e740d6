import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openStore } from '../../server/src/persistence/openStore.js';
import type { MergeDoc } from '../../server/src/persistence/Store.js';
import { mergeInProcess } from '../../server/src/sync/mergeDoc.js';
import { Cleanup } from '../helpers/cleanup.js';
import { runSql } from '../helpers/databaseRows.js';
import { keysOf, keyUpdates, range } from '../helpers/storeDocs.js';
import { openTestStore, storeKinds } from '../helpers/stores.js';

/**
 * Snapshots in parts (issue #14, CPU fairness): a board's snapshot is stored as ordered parts so
 * it can be loaded a part per event-loop turn, and compaction merges off the main thread while
 * appends go on. On SQLite and PostgreSQL: parts round-trip, a snapshot written as one blob by an
 * older server still loads, an update appended during the merge is kept (also after a restart),
 * two compactors never both write, and a workshop's delete leaves no part behind.
 */
const kinds = storeKinds();
const cleanup = new Cleanup();
afterEach(() => cleanup.run());

/** One writer's updates, each setting key `<name>-<i>`. */
const updates = (name: string, count: number, doc = new Y.Doc()) => keyUpdates(doc, name, 0, count);

/** A merge that stores one writer's log (and no earlier snapshot) as `count` parts, in order. */
function inParts(count: number): MergeDoc {
  return async (snapshot, log) => {
    expect(snapshot).toEqual([]);
    const size = Math.ceil(log.length / count);
    const parts = Array.from({ length: count }, (_, i) => Y.mergeUpdates(log.slice(i * size, (i + 1) * size)));
    return { parts, bytes: parts.reduce((sum, p) => sum + p.byteLength, 0) };
  };
}

describe.each(kinds)('$name store: snapshot parts', (kind) => {
  it('stores a snapshot in parts and gives them back in order, and a later compaction replaces them all', async () => {
    const url = await kind.newDatabase(cleanup);
    const store = await openTestStore(cleanup, url);
    const doc = new Y.Doc();
    await store.appendUpdates('w.g', updates('a', 30, doc));
    const merge = inParts(3);
    let written: Uint8Array[] = [];
    expect(
      await store.compactDoc('w.g', async (s, l) => {
        const merged = await merge(s, l);
        written = merged.parts;
        return merged;
      }),
    ).toBe(true);
    const stored = await store.loadDoc('w.g');
    expect(stored.snapshot).toEqual(written);
    expect(stored.snapshot).toHaveLength(3);
    expect(stored.updates).toEqual([]);
    expect(await keysOf(store, 'w.g')).toEqual(range('a', 30));

    // The next compaction writes one part: none of the old ones may linger after it.
    await store.appendUpdates('w.g', updates('b', 2));
    expect(await store.compactDoc('w.g', mergeInProcess)).toBe(true);
    expect((await store.loadDoc('w.g')).snapshot).toHaveLength(1);
    expect(await runSql(url, 'SELECT part FROM doc_snapshot_parts WHERE doc = ?', ['w.g'])).toEqual([]);
    expect(await keysOf(store, 'w.g')).toEqual([...range('a', 30), ...range('b', 2)].sort());
  });

  it('loads a snapshot written as one blob by an older server, and compacts on top of it', async () => {
    const url = await kind.newDatabase(cleanup);
    const store = await openTestStore(cleanup, url);
    const old = new Y.Doc();
    updates('a', 10, old);
    // Exactly what the server wrote before snapshots had parts: one row, one blob.
    await runSql(url, 'INSERT INTO doc_snapshots (doc, bytes, upto_seq) VALUES (?, ?, ?)', [
      'w.g',
      Buffer.from(Y.encodeStateAsUpdate(old)),
      7,
    ]);
    await store.appendUpdates('w.g', updates('b', 3));
    const stored = await store.loadDoc('w.g');
    expect(stored.snapshot).toEqual([Y.encodeStateAsUpdate(old)]);
    expect(await keysOf(store, 'w.g')).toEqual([...range('a', 10), ...range('b', 3)].sort());
    expect(await store.compactDoc('w.g', mergeInProcess)).toBe(true);
    expect((await store.loadDoc('w.g')).updates).toEqual([]);
    expect(await keysOf(store, 'w.g')).toEqual([...range('a', 10), ...range('b', 3)].sort());
  });

  it('keeps an update appended while the merge runs, also after a restart', async () => {
    const url = await kind.newDatabase(cleanup);
    // Closed by the test itself: the restart.
    const store = await openStore(url);
    const writer = new Y.Doc();
    await store.appendUpdates('w.g', updates('a', 20, writer));
    const late = updates('late', 1, new Y.Doc());
    const compacted = await store.compactDoc('w.g', async (snapshot, log) => {
      // The merge is off the main thread in the server: another edit is stored meanwhile.
      await store.appendUpdates('w.g', late);
      return mergeInProcess(snapshot, log);
    });
    expect(compacted).toBe(true);
    const stored = await store.loadDoc('w.g');
    expect(stored.updates).toEqual(late);
    await store.close();
    const reopened = await openTestStore(cleanup, url);
    expect(await keysOf(reopened, 'w.g')).toEqual([...range('a', 20), 'late-0'].sort());
  });

  it('lets only one of two compactors write, and loses nothing', async () => {
    const url = await kind.newDatabase(cleanup);
    const [a, b] = [await openTestStore(cleanup, url), await openTestStore(cleanup, url)];
    await a.appendUpdates('w.g', updates('a', 10));
    let inner: boolean | null = null;
    const outer = await a.compactDoc('w.g', async (snapshot, log) => {
      // Another node (or process) compacts while this merge runs, after one more append.
      await b.appendUpdates('w.g', updates('b', 2));
      inner = await b.compactDoc('w.g', mergeInProcess);
      return mergeInProcess(snapshot, log);
    });
    // The other finishes first (no lock is held through a merge) and this one then finds the
    // snapshot changed: exactly one wrote.
    expect([outer, inner]).toEqual([false, true]);
    expect(await keysOf(b, 'w.g')).toEqual([...range('a', 10), ...range('b', 2)].sort());
    expect(await a.compactDoc('w.g', mergeInProcess)).toBe(true);
    expect(await keysOf(a, 'w.g')).toEqual([...range('a', 10), ...range('b', 2)].sort());
  });

  it('writes no snapshot for a doc deleted while the merge ran, and a delete leaves no parts', async () => {
    const url = await kind.newDatabase(cleanup);
    const store = await openTestStore(cleanup, url);
    await store.appendUpdates('w1.g1', updates('a', 12));
    expect(await store.compactDoc('w1.g1', inParts(3))).toBe(true);
    await store.appendUpdates('w1.g1', updates('b', 2));
    await store.appendUpdates('w1.g2', updates('c', 4));
    const compacted = await store.compactDoc('w1.g2', async (snapshot, log) => {
      await store.deleteWorkshop('w1');
      return mergeInProcess(snapshot, log);
    });
    // The delete ran during the merge: the compaction finds the merged rows gone and writes nothing.
    expect(compacted).toBe(false);
    for (const table of ['doc_updates', 'doc_snapshots', 'doc_snapshot_parts']) {
      expect(await runSql(url, `SELECT doc FROM ${table}`)).toEqual([]);
    }
  });
});
