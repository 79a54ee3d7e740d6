import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Store } from '../../server/src/persistence/Store.js';
import { mergeInProcess } from '../../server/src/sync/mergeDoc.js';
import { Cleanup } from '../helpers/cleanup.js';
import { keysOf, keyUpdates, range } from '../helpers/storeDocs.js';
import { openTestStore, storeKinds } from '../helpers/stores.js';

/**
 * The Store contract for board logs (DESIGN §4), on SQLite and PostgreSQL: appends are durable
 * and ordered, a load gives back everything, and compaction — run by any node, one at a time —
 * never loses an update another node appended meanwhile (issue #9).
 */
const kinds = storeKinds();
const cleanup = new Cleanup();
afterEach(() => cleanup.run());

/** A writer as a node's clients would be: its own Y.Doc, each change one update. */
function writer(name: string) {
  const doc = new Y.Doc();
  return {
    /** Sets `count` keys `<name>-<i>` from `from`, one update each. */
    updates: (from: number, count: number): Uint8Array[] => keyUpdates(doc, name, from, count),
  };
}

describe.each(kinds)('$name store: board logs', (kind) => {
  it('loads an unknown doc as empty', async () => {
    const store = await openTestStore(cleanup, await kind.newDatabase(cleanup));
    expect(await store.loadDoc('w.g')).toEqual({ snapshot: [], updates: [], lastSeq: 0 });
  });

  it('appends in order, answers the last seq, and keeps docs apart', async () => {
    const store = await openTestStore(cleanup, await kind.newDatabase(cleanup));
    const a = writer('a').updates(0, 3);
    const b = writer('b').updates(0, 2);
    const first = await store.appendUpdates('w.g1', a.slice(0, 2));
    const other = await store.appendUpdates('w.g2', b);
    const second = await store.appendUpdates('w.g1', a.slice(2));
    expect(other).toBeGreaterThan(first);
    expect(second).toBeGreaterThan(other);
    const stored = await store.loadDoc('w.g1');
    expect(stored.snapshot).toEqual([]);
    expect(stored.updates).toEqual(a);
    expect(stored.lastSeq).toBe(second);
    expect(await keysOf(store, 'w.g2')).toEqual(range('b', 2));
  });

  it('compacts the log into a snapshot that holds the same board, and appends on top of it', async () => {
    const store = await openTestStore(cleanup, await kind.newDatabase(cleanup));
    const a = writer('a');
    await store.appendUpdates('w.g', a.updates(0, 20));
    expect(await store.compactDoc('w.g', mergeInProcess)).toBe(true);
    const compacted = await store.loadDoc('w.g');
    expect(compacted.snapshot.length).toBeGreaterThan(0);
    expect(compacted.updates).toEqual([]);
    expect(await keysOf(store, 'w.g')).toEqual(range('a', 20));
    await store.appendUpdates('w.g', a.updates(20, 5));
    expect(await store.compactDoc('w.g', mergeInProcess)).toBe(true);
    expect(await store.compactDoc('w.g', mergeInProcess)).toBe(true); // nothing left to merge: still fine
    expect(await keysOf(store, 'w.g')).toEqual(range('a', 25));
  });

  it('loses nothing when two nodes append while a third keeps compacting', async () => {
    const url = await kind.newDatabase(cleanup);
    const [a, b, c] = [
      await openTestStore(cleanup, url),
      await openTestStore(cleanup, url),
      await openTestStore(cleanup, url),
    ];
    const writers = { a: writer('a'), b: writer('b') };
    const batches = 40;
    let writing = true;
    const append = async (store: Store, name: 'a' | 'b') => {
      for (let i = 0; i < batches; i++) await store.appendUpdates('w.g', writers[name].updates(i * 3, 3));
    };
    const compactions: boolean[] = [];
    const compactor = async (store: Store) => {
      while (writing) compactions.push(await store.compactDoc('w.g', mergeInProcess));
    };
    const done = Promise.all([append(a, 'a'), append(b, 'b')]).finally(() => {
      writing = false;
    });
    await Promise.all([done, compactor(c), compactor(a)]);
    expect(compactions.filter(Boolean).length).toBeGreaterThan(0);
    const expected = [...range('a', batches * 3), ...range('b', batches * 3)].sort();
    expect(await keysOf(c, 'w.g')).toEqual(expected);
    await c.compactDoc('w.g', mergeInProcess);
    expect(await keysOf(b, 'w.g')).toEqual(expected);
  });

  it.runIf(kind.name === 'postgres')(
    'skips compaction while another node holds the doc, and keeps an append that commits after a later one',
    async () => {
      const url = await kind.newDatabase(cleanup);
      const store = await openTestStore(cleanup, url);
      const a = writer('a');
      await store.appendUpdates('w.g', a.updates(0, 2));
      const other = cleanup.add(new pg.Client({ connectionString: url }), (client) => client.end());
      await other.connect();

      // Another node is compacting this doc: this one does nothing.
      await other.query('BEGIN');
      await other.query("SELECT pg_advisory_xact_lock(hashtextextended('warsztat.doc:' || $1, 0))", ['w.g']);
      expect(await store.compactDoc('w.g', mergeInProcess)).toBe(false);
      expect(await store.compactDoc('w.h', mergeInProcess)).toBe(true); // other docs are not blocked
      await other.query('COMMIT');
      expect((await store.loadDoc('w.g')).updates).toHaveLength(2);

      // A slow append takes its seq first but commits last; compaction in between must not drop it.
      const [late] = writer('late').updates(0, 1);
      await other.query('BEGIN');
      await other.query('INSERT INTO doc_updates (doc, bytes) VALUES ($1, $2)', ['w.g', Buffer.from(late ?? [])]);
      await store.appendUpdates('w.g', a.updates(2, 1));
      expect(await store.compactDoc('w.g', mergeInProcess)).toBe(true);
      await other.query('COMMIT');
      expect(await keysOf(store, 'w.g')).toEqual([...range('a', 3), 'late-0'].sort());
      expect(await store.compactDoc('w.g', mergeInProcess)).toBe(true);
      expect(await keysOf(store, 'w.g')).toEqual([...range('a', 3), 'late-0'].sort());
    },
  );
});
