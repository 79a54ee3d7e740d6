import { addCard } from '@warsztat/shared';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openStore } from '../../server/src/persistence/openStore.js';
import type { Store } from '../../server/src/persistence/Store.js';
import { DurableLog, type DurableLogHooks, type PendingUpdate } from '../../server/src/sync/DurableLog.js';
import { Cleanup } from '../helpers/cleanup.js';

/**
 * A board's group commit on the real SqliteStore (in memory), without sockets: what one
 * event-loop turn accepted is appended in one write and only then handed on, in order; a failed
 * append hands nothing on; the log compacts itself and re-measures what the store holds.
 */
const cleanup = new Cleanup();
afterEach(() => cleanup.run());

const DOC = 'w1.g1';

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

function recordingHooks(doc: Y.Doc) {
  const handedOn: PendingUpdate[][] = [];
  let failures = 0;
  const hooks: DurableLogHooks = {
    savedVector: () => null,
    durable: (batch) => handedOn.push([...batch]),
    appendFailed: () => {
      failures++;
    },
    encodedBytes: () => Y.encodeStateAsUpdate(doc).byteLength,
  };
  return { hooks, handedOn, failures: () => failures };
}

describe('DurableLog', () => {
  it('appends the updates of one turn in one write, then hands them on in order', async () => {
    const store = await memoryStore();
    const { doc, updates } = threeUpdates();
    const { hooks, handedOn } = recordingHooks(doc);
    const log = new DurableLog(DOC, store, 1_000, hooks);
    const peers = [{}, {}, {}];
    for (const [i, u] of updates.entries()) log.append(u, peers[i]);
    expect(handedOn).toEqual([]);
    await log.whenDurable();
    expect(handedOn).toHaveLength(1);
    expect(handedOn[0]?.map((p) => p.origin)).toEqual(peers);
    expect((await store.loadDoc(DOC)).updates).toEqual(updates);
    expect(log.storedBytes).toBe(updates.reduce((sum, u) => sum + u.byteLength, 0));
  });

  it('hands nothing on when the append fails, and tells the doc to drop itself', async () => {
    const store = await memoryStore();
    const failing = new Proxy(store, {
      get: (target, property, receiver) =>
        property === 'appendUpdates'
          ? () => Promise.reject(new Error('disk gone'))
          : (Reflect.get(target, property, receiver) as unknown),
    });
    const { doc, updates } = threeUpdates();
    const { hooks, handedOn, failures } = recordingHooks(doc);
    const log = new DurableLog(DOC, failing, 1_000, hooks);
    for (const u of updates) log.append(u, null);
    await log.whenDurable();
    expect(handedOn).toEqual([]);
    expect(failures()).toBe(1);
    expect(log.storedBytes).toBe(0);
  });

  it('appends nothing once stopped', async () => {
    const store = await memoryStore();
    const { doc, updates } = threeUpdates();
    const { hooks, handedOn } = recordingHooks(doc);
    const log = new DurableLog(DOC, store, 1_000, hooks);
    log.stop();
    for (const u of updates) log.append(u, null);
    await log.whenDurable();
    expect(handedOn).toEqual([]);
    expect((await store.loadDoc(DOC)).updates).toEqual([]);
  });

  it('compacts once enough updates are stored, and counts the snapshot instead of the log', async () => {
    const store = await memoryStore();
    const { doc, updates } = threeUpdates();
    const { hooks } = recordingHooks(doc);
    const log = new DurableLog(DOC, store, 3, hooks);
    for (const u of updates) log.append(u, null);
    await log.whenDurable();
    await log.whenCompacted();
    const stored = await store.loadDoc(DOC);
    expect(stored.updates).toEqual([]);
    expect(stored.snapshot).not.toBeNull();
    const copy = new Y.Doc();
    Y.applyUpdate(copy, stored.snapshot as Uint8Array);
    expect(Y.encodeStateVector(copy)).toEqual(Y.encodeStateVector(doc));
    expect(log.storedBytes).toBe(Y.encodeStateAsUpdate(doc).byteLength);
  });
});
