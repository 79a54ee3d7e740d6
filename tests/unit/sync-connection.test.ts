import { addCard, listCards } from '@warsztat/shared';
import * as decoding from 'lib0/decoding';
import { afterEach, describe, expect, it } from 'vitest';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { openStore } from '../../server/src/persistence/openStore.js';
import type { Store } from '../../server/src/persistence/Store.js';
import { Cleanup } from '../helpers/cleanup.js';
import { kindOf, MemoryPeer, MemoryRoom } from '../helpers/memoryPeer.js';

/**
 * SharedDoc and SyncConnection on in-memory peers (no sockets, no timers): the sync handshake,
 * the durability rule (stored before sent, DESIGN §4), read-only peers and awareness ownership,
 * each with its interleaving chosen by the test. The store is the real SqliteStore, in memory.
 */
const cleanup = new Cleanup();
afterEach(() => cleanup.run());

const DOC = 'w1.g1';

async function memoryStore(): Promise<Store> {
  return cleanup.add(await openStore('sqlite::memory:'), (s) => s.close());
}

function room(store: Store): MemoryRoom {
  return cleanup.add(new MemoryRoom(DOC, store), (r) => r.destroy());
}

async function storedDoc(store: Store): Promise<Y.Doc> {
  const stored = await store.loadDoc(DOC);
  const doc = new Y.Doc();
  for (const part of stored.snapshot) Y.applyUpdate(doc, part);
  for (const update of stored.updates) Y.applyUpdate(doc, update);
  return doc;
}

const texts = (doc: Y.Doc) => listCards(doc).map((c) => c.text);

/**
 * The real store, except that appends wait at a gate the test opens: the window in which an
 * update is accepted but not yet durable, held open as long as the test needs.
 */
function gatedStore(store: Store) {
  let open: () => void = () => {};
  let gate: Promise<void> = Promise.resolve();
  const state = { waiting: 0, appended: 0 };
  const gated = new Proxy(store, {
    get(target, property, receiver) {
      if (property === 'appendUpdates') {
        return async (...args: Parameters<Store['appendUpdates']>) => {
          state.waiting++;
          await gate;
          await target.appendUpdates(...args);
          state.appended++;
        };
      }
      const value = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return {
    store: gated,
    state,
    close() {
      gate = new Promise((resolve) => {
        open = resolve;
      });
    },
    open: () => open(),
  };
}

describe('SyncConnection and SharedDoc on in-memory peers', () => {
  it('opens with the server step 1, then exchanges both sides\u2019 missing updates (steps 1 and 2)', async () => {
    const store = await memoryStore();
    const before = new Y.Doc();
    addCard(before, { sectionId: 'needs', text: 'zapisane wcześniej' });
    await store.appendUpdates(DOC, [Y.encodeStateAsUpdate(before)]);

    const peer = new MemoryPeer();
    addCard(peer.doc, { sectionId: 'gaps', text: 'napisane offline' });
    const r = room(store);
    await r.connect({}, peer);

    expect(peer.received.map(kindOf).slice(0, 2)).toEqual(['step1', 'step2']);
    // The client has the stored board; the server has, and has stored, what the client wrote offline.
    expect(texts(peer.doc).sort()).toEqual(['napisane offline', 'zapisane wcześniej']);
    expect(texts((await r.shared).doc).sort()).toEqual(['napisane offline', 'zapisane wcześniej']);
    expect(texts(await storedDoc(store)).sort()).toEqual(['napisane offline', 'zapisane wcześniej']);
  });

  it('stores an update before any other peer hears of it, and never echoes it to its author', async () => {
    const gate = gatedStore(await memoryStore());
    const r = room(gate.store);
    const author = await r.connect();
    const reader = await r.connect();
    const authorHeard = author.received.length;

    gate.close();
    const heardBefore = reader.received.length;
    addCard(author.doc, { sectionId: 'needs', text: 'opieka wytchnieniowa' });
    await waitUntil(() => gate.state.waiting === 1);
    // Accepted and in the append, but not durable: nobody may see it yet.
    expect(reader.received.length).toBe(heardBefore);
    expect(texts(reader.doc)).toEqual([]);
    let durableWhenHeard: boolean | null = null;
    reader.doc.once('update', () => {
      durableWhenHeard = gate.state.appended === 1;
    });

    gate.open();
    await reader.roundTrip();
    expect(texts(reader.doc)).toEqual(['opieka wytchnieniowa']);
    expect(durableWhenHeard).toBe(true);
    expect(texts(await storedDoc(gate.store))).toEqual(['opieka wytchnieniowa']);
    await author.roundTrip();
    expect(author.received.slice(authorHeard).map(kindOf)).not.toContain('update');
  });

  it('sends a batch to every peer as one merged update; a lone update never to its writer (issue #18)', async () => {
    const gate = gatedStore(await memoryStore());
    const r = room(gate.store);
    const first = await r.connect();
    const anna = await r.connect();
    const bartek = await r.connect();
    const reader = await r.connect();
    const peers = [first, anna, bartek, reader];
    const heard = (p: MemoryPeer) => p.received.filter((m) => kindOf(m) === 'update');
    const before = new Map(peers.map((p) => [p, heard(p).length]));

    gate.close();
    // The first append waits at the gate; what follows queues up as the next batch.
    addCard(first.doc, { sectionId: 'needs', text: 'pierwsza' });
    await waitUntil(() => gate.state.waiting === 1);
    addCard(anna.doc, { sectionId: 'needs', text: 'Anna 1' });
    addCard(anna.doc, { sectionId: 'gaps', text: 'Anna 2' });
    addCard(bartek.doc, { sectionId: 'needs', text: 'Bartek' });
    gate.open();
    for (const p of peers) await p.roundTrip();

    const all = ['Anna 1', 'Anna 2', 'Bartek', 'pierwsza'];
    for (const p of peers) expect(texts(p.doc).sort()).toEqual(all);
    expect(gate.state.appended).toBe(2);
    // Two batches, one update message each, the same bytes for everyone; the lone first update
    // was not sent back to its writer.
    const since = (p: MemoryPeer) => heard(p).slice(before.get(p));
    for (const p of [anna, bartek, reader]) expect(since(p)).toHaveLength(2);
    expect(since(first)).toHaveLength(1);
    expect(writersOf(since(reader)[0] as Uint8Array)).toEqual([first.doc.clientID]);
    expect(writersOf(since(reader)[1] as Uint8Array).sort()).toEqual([anna.doc.clientID, bartek.doc.clientID].sort());
    for (const p of [first, anna, bartek]) expect(since(p).at(-1)).toEqual(since(reader)[1]);
  });

  it('drops an update from a read-only peer, keeps its socket open and stores nothing', async () => {
    const store = await memoryStore();
    const r = room(store);
    const projector = await r.connect({ canWrite: () => false });
    const writer = await r.connect();

    addCard(projector.doc, { sectionId: 'needs', text: 'z projektora' });
    await projector.roundTrip();
    await writer.roundTrip();

    expect(texts((await r.shared).doc)).toEqual([]);
    expect(texts(writer.doc)).toEqual([]);
    expect((await store.loadDoc(DOC)).updates).toHaveLength(0);
    expect(projector.closedWith).toBeNull();
    // It still sees what others write: a read-only board stays live.
    addCard(writer.doc, { sectionId: 'needs', text: 'od uczestnika' });
    await writer.roundTrip();
    await projector.roundTrip();
    expect(texts(projector.doc)).toContain('od uczestnika');
  });

  it('refuses awareness for a client id another peer introduced, and stamps the peer\u2019s own user', async () => {
    const r = room(await memoryStore());
    const anna = await r.connect({ user: { name: 'Anna', role: 'participant', color: '#1d4ed8' } });
    const mallory = await r.connect({ user: { name: 'Mallory', role: 'participant', color: '#b91c1c' } });
    anna.awareness.setLocalState({ editing: 'card-1', user: { name: 'Udaję kogoś innego' } });
    anna.sendAwareness();
    await anna.roundTrip();

    // Mallory replays Anna's client id with a newer clock and a state of its own.
    const forged = new awarenessProtocol.Awareness(new Y.Doc());
    forged.clientID = anna.doc.clientID;
    for (let i = 0; i < 5; i++) forged.setLocalState({ editing: 'card-2', i });
    mallory.sendAwareness([anna.doc.clientID], forged);
    await mallory.roundTrip();

    const shared = await r.shared;
    expect(shared.awareness.getStates().get(anna.doc.clientID)).toEqual({
      editing: 'card-1',
      user: { name: 'Anna', role: 'participant', color: '#1d4ed8' },
    });
    expect(mallory.closedWith).toBeNull();
    // Mallory's own id is still accepted.
    mallory.awareness.setLocalState({ editing: 'card-3' });
    mallory.sendAwareness();
    await mallory.roundTrip();
    expect(shared.awareness.getStates().get(mallory.doc.clientID)).toMatchObject({ user: { name: 'Mallory' } });
  });
});

/** The Yjs client ids whose structs an update message carries. */
function writersOf(message: Uint8Array): number[] {
  // Sync message: type 0, sub-type 2, then the update as a varUint8Array.
  const decoder = decoding.createDecoder(message);
  decoding.readVarUint(decoder);
  decoding.readVarUint(decoder);
  const { structs } = Y.decodeUpdate(decoding.readVarUint8Array(decoder));
  return [...new Set(structs.map((s) => s.id.client))];
}

/** Lets queued promise and setImmediate work run until `condition` holds (no wall-clock wait). */
async function waitUntil(condition: () => boolean, maxTurns = 1_000): Promise<void> {
  for (let turn = 0; turn < maxTurns; turn++) {
    if (condition()) return;
    await new Promise((resolve) => setImmediate(resolve));
  }
  throw new Error('condition not reached');
}
