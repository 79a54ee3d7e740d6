import { addCard } from '@warsztat/shared';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DEFAULT_LIMITS } from '../../server/src/config.js';
import { PoolBusyError } from '../../server/src/offthread/DecodePool.js';
import { openStore } from '../../server/src/persistence/openStore.js';
import type { Store } from '../../server/src/persistence/Store.js';
import {
  DurableLog,
  type DurableLogHooks,
  MERGE_AT_MOST,
  mergedBatch,
  type PendingUpdate,
} from '../../server/src/sync/DurableLog.js';
import { mergeInProcess } from '../../server/src/sync/mergeDoc.js';
import { Cleanup } from '../helpers/cleanup.js';

/**
 * A board's group commit on the real SqliteStore (in memory), without sockets: what one
 * event-loop turn accepted is appended in one write and only then handed on, in order; a failed
 * append hands nothing on; the log compacts itself and re-measures what the store holds. Then the
 * adaptive window (issue #18): a busy board commits what arrives within the window after a flush
 * as one batch; a first edit, or any edit of a board below two updates per window, never waits for
 * it; nothing is handed on before the store holds it.
 * Windows there are long (seconds) so batches do not depend on how fast a loaded machine runs the
 * test; nothing here is timed.
 */
const cleanup = new Cleanup();
afterEach(() => cleanup.run());

const DOC = 'w1.g1';

/** The production limits, with compaction after `compactAfterUpdates`. */
const limits = (compactAfterUpdates: number) => ({
  compactAfterUpdates,
  syncCommitWindowMs: DEFAULT_LIMITS.syncCommitWindowMs,
});

async function memoryStore(): Promise<Store> {
  return cleanup.add(await openStore('sqlite::memory:'), (s) => s.close());
}

/** Three real updates of one board, as a client typing three cards would send them. */
function threeUpdates(): { doc: Y.Doc; updates: Uint8Array[] } {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  for (const text of ['jeden', 'dwa', 'trzy']) addCard(doc, { sectionId: 'needs', text });
  return { doc, updates };
}

function recordingHooks() {
  const handedOn: PendingUpdate[][] = [];
  const mergedOn: Uint8Array[][] = [];
  let failures = 0;
  const hooks: DurableLogHooks = {
    savedVector: () => null,
    durable: (batch, merged) => {
      handedOn.push([...batch]);
      mergedOn.push([...merged]);
    },
    appendFailed: () => {
      failures++;
    },
  };
  return { hooks, handedOn, mergedOn, failures: () => failures };
}

/** Appends each update in its own group commit, so each is one row of the log. */
async function appendEach(log: DurableLog, updates: readonly Uint8Array[]): Promise<void> {
  for (const u of updates) {
    log.append(u, null);
    await log.whenDurable();
  }
}

/** A doc rebuilt from what the store holds for DOC. */
async function rebuilt(store: Store): Promise<Y.Doc> {
  const stored = await store.loadDoc(DOC);
  const copy = new Y.Doc();
  for (const part of [...stored.snapshot, ...stored.updates]) Y.applyUpdate(copy, part);
  return copy;
}

describe('DurableLog', () => {
  it('appends the updates of one turn as one merged row, then hands them on in order with that row', async () => {
    const store = await memoryStore();
    const { doc, updates } = threeUpdates();
    const { hooks, handedOn, mergedOn } = recordingHooks();
    const log = new DurableLog(DOC, store, limits(1_000), hooks);
    const peers = [{}, {}, {}];
    for (const [i, u] of updates.entries()) log.append(u, peers[i]);
    expect(handedOn).toEqual([]);
    await log.whenDurable();
    expect(handedOn).toHaveLength(1);
    expect(handedOn[0]?.map((p) => p.origin)).toEqual(peers);
    expect(handedOn[0]?.map((p) => p.update)).toEqual(updates);
    // One row, the batch merged, and the very bytes handed on to be sent.
    const stored = (await store.loadDoc(DOC)).updates;
    expect(stored).toEqual([Y.mergeUpdates(updates)]);
    expect(mergedOn).toEqual([stored]);
    expect(Y.encodeStateAsUpdate(await rebuilt(store))).toEqual(Y.encodeStateAsUpdate(doc));
    expect(log.storedBytes).toBe(stored[0]?.byteLength);
  });

  it('hands nothing on when the append fails, and tells the doc to drop itself', async () => {
    const store = await memoryStore();
    const failing = new Proxy(store, {
      get: (target, property, receiver) =>
        property === 'appendUpdates'
          ? () => Promise.reject(new Error('disk gone'))
          : (Reflect.get(target, property, receiver) as unknown),
    });
    const { updates } = threeUpdates();
    const { hooks, handedOn, failures } = recordingHooks();
    const log = new DurableLog(DOC, failing, limits(1_000), hooks);
    for (const u of updates) log.append(u, null);
    await log.whenDurable();
    expect(handedOn).toEqual([]);
    expect(failures()).toBe(1);
    expect(log.storedBytes).toBe(0);
  });

  it('appends nothing once stopped', async () => {
    const store = await memoryStore();
    const { updates } = threeUpdates();
    const { hooks, handedOn } = recordingHooks();
    const log = new DurableLog(DOC, store, limits(1_000), hooks);
    log.stop();
    for (const u of updates) log.append(u, null);
    await log.whenDurable();
    expect(handedOn).toEqual([]);
    expect((await store.loadDoc(DOC)).updates).toEqual([]);
  });

  it('compacts once enough log rows are stored, and counts the snapshot instead of the log', async () => {
    const store = await memoryStore();
    const { doc, updates } = threeUpdates();
    const { hooks } = recordingHooks();
    const log = new DurableLog(DOC, store, limits(3), hooks);
    await appendEach(log, updates.slice(0, 2));
    // Two rows: below the limit of three, nothing is compacted yet.
    expect((await store.loadDoc(DOC)).snapshot).toEqual([]);
    await appendEach(log, updates.slice(2));
    await log.whenCompacted();
    const stored = await store.loadDoc(DOC);
    expect(stored.updates).toEqual([]);
    expect(stored.snapshot.length).toBeGreaterThan(0);
    const copy = new Y.Doc();
    for (const part of stored.snapshot) Y.applyUpdate(copy, part);
    expect(Y.encodeStateVector(copy)).toEqual(Y.encodeStateVector(doc));
    expect(log.storedBytes).toBe(Y.encodeStateAsUpdate(doc).byteLength);
  });

  it('compacts through the merge it is given, keeping and counting what was appended while it ran', async () => {
    const store = await memoryStore();
    const { doc, updates } = threeUpdates();
    const [first, second, third] = updates as [Uint8Array, Uint8Array, Uint8Array];
    const { hooks } = recordingHooks();
    const merges: number[] = [];
    const log = new DurableLog(DOC, store, limits(2), hooks, async (snapshot, stored) => {
      merges.push(stored.length);
      // As on the decode pool: the event loop goes on, and another edit is stored meanwhile.
      log.append(third, null);
      await log.whenDurable();
      return mergeInProcess(snapshot, stored);
    });
    await appendEach(log, [first, second]);
    await log.whenCompacted();
    expect(merges).toEqual([2]);
    const stored = await store.loadDoc(DOC);
    expect(stored.updates).toEqual([third]);
    const copy = new Y.Doc();
    for (const part of [...stored.snapshot, ...stored.updates]) Y.applyUpdate(copy, part);
    expect(Y.encodeStateVector(copy)).toEqual(Y.encodeStateVector(doc));
    const snapshotBytes = stored.snapshot.reduce((sum, p) => sum + p.byteLength, 0);
    expect(log.storedBytes).toBe(snapshotBytes + third.byteLength);
  });

  it('leaves the log for a later compaction while the decode pool is full', async () => {
    const store = await memoryStore();
    const { updates } = threeUpdates();
    const { hooks } = recordingHooks();
    const log = new DurableLog(DOC, store, limits(3), hooks, async () => {
      throw new PoolBusyError();
    });
    await appendEach(log, updates);
    await log.whenCompacted();
    const stored = await store.loadDoc(DOC);
    expect(stored.snapshot).toEqual([]);
    expect(stored.updates).toEqual(updates);
    expect(log.storedBytes).toBe(updates.reduce((sum, u) => sum + u.byteLength, 0));
  });
});

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));
/** One writer's updates (a new writer per log), each pushing its number onto the array `n`; `numberOf` tells them apart. */
let writer = new Y.Doc();
const numbers = new Map<Uint8Array, number>();
const update = (n: number): Uint8Array => {
  let made: Uint8Array | null = null;
  const keep = (u: Uint8Array) => {
    made = u;
  };
  writer.on('update', keep);
  writer.getArray<number>('n').push([n]);
  writer.off('update', keep);
  if (!made) throw new Error('no update');
  numbers.set(made, n);
  return made;
};
const numberOf = (u: Uint8Array) => numbers.get(u) ?? Number.NaN;

async function logWith(windowMs: number, store?: Store) {
  writer = new Y.Doc();
  const real = store ?? (await memoryStore());
  const batches: number[][] = [];
  const log = new DurableLog(
    DOC,
    real,
    { compactAfterUpdates: 1_000_000, syncCommitWindowMs: windowMs },
    {
      savedVector: () => null,
      durable: (batch: readonly PendingUpdate[]) => batches.push(batch.map((p) => numberOf(p.update))),
      appendFailed: () => {
        throw new Error('append failed');
      },
    },
  );
  cleanup.add(log, (l) => {
    l.stop();
    return l.whenDurable();
  });
  return { log, batches, store: real };
}

describe('DurableLog group commit window (issue #18)', () => {
  it('commits a first edit on the next turn, without waiting for the window', async () => {
    // A minute's window: were the first flush held for it, this test would time out.
    const { log, batches } = await logWith(60_000);
    log.append(update(1), null);
    await log.whenDurable();
    expect(batches).toEqual([[1]]);
  });

  it('on a busy board, commits what arrives within the window after a flush as one batch, in order', async () => {
    const { log, batches, store } = await logWith(2_000);
    // Busy: two updates per window on average over a span of 25 windows, i.e. 50 in the span.
    const burst = Array.from({ length: 50 }, (_, i) => i + 1);
    for (const n of burst) log.append(update(n), null);
    await log.whenDurable();
    // Three edits on three later turns, all inside the window that the first flush opened.
    log.append(update(51), null);
    await turn();
    log.append(update(52), null);
    await turn();
    log.append(update(53), null);
    await log.whenDurable();
    expect(batches).toEqual([burst, [51, 52, 53]]);
    // The burst is two rows (merges of at most MERGE_AT_MOST updates), the window's three edits one.
    expect((await store.loadDoc(DOC)).updates).toHaveLength(Math.ceil(burst.length / MERGE_AT_MOST) + 1);
    const array = (await rebuilt(store)).getArray<number>('n').toArray();
    expect(array.slice(-53)).toEqual([...burst, 51, 52, 53]);
  });

  it('on a board below two updates per window, flushes every turn: no edit waits', async () => {
    // A minute's window: were an edit that follows a flush closely held for it, this would time out.
    const { log, batches } = await logWith(60_000);
    for (let n = 1; n <= 20; n++) {
      log.append(update(n), null);
      await log.whenDurable();
    }
    expect(batches).toEqual(Array.from({ length: 20 }, (_, i) => [i + 1]));
  });

  it('with a window of 0 flushes every turn, as before', async () => {
    const { log, batches } = await logWith(0);
    log.append(update(1), null);
    await log.whenDurable();
    log.append(update(2), null);
    await log.whenDurable();
    expect(batches).toEqual([[1], [2]]);
  });

  it('hands a batch on only once the store holds it, window or not', async () => {
    const real = await memoryStore();
    let open: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    const gated = new Proxy(real, {
      get(target, property, receiver) {
        if (property === 'appendUpdates') {
          return async (...args: Parameters<Store['appendUpdates']>) => {
            await gate;
            return target.appendUpdates(...args);
          };
        }
        const value = Reflect.get(target, property, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const { log, batches } = await logWith(2_000, gated);
    log.append(update(1), null);
    for (let i = 0; i < 5; i++) await turn();
    expect(batches).toEqual([]);
    let durable = false;
    const tail = log.whenDurable().then(() => {
      durable = true;
    });
    // An edit accepted while the first append is stuck joins the next batch; whenDurable covers both.
    log.append(update(2), null);
    const covering = log.whenDurable();
    await turn();
    expect(durable).toBe(false);
    open();
    await tail;
    await covering;
    expect(batches).toEqual([[1], [2]]);
  });
});

describe('mergedBatch (issue #18)', () => {
  it('merges a batch into updates of at most MERGE_AT_MOST each, in order, losing nothing', () => {
    const batch: PendingUpdate[] = [];
    const writer = new Y.Doc();
    writer.on('update', (update: Uint8Array) => batch.push({ update, origin: null }));
    const count = 2 * MERGE_AT_MOST + 5;
    for (let i = 0; i < count; i++) addCard(writer, { sectionId: 'needs', text: `karta ${i}` });
    expect(batch).toHaveLength(count);

    const merged = mergedBatch(batch);
    expect(merged).toHaveLength(3);
    const reader = new Y.Doc();
    for (const update of merged) Y.applyUpdate(reader, update);
    expect(Y.encodeStateAsUpdate(reader)).toEqual(Y.encodeStateAsUpdate(writer));
    // A batch of one is sent as it came.
    expect(mergedBatch(batch.slice(0, 1))).toEqual([batch[0]?.update]);
  });
});
