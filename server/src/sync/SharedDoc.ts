import { CloseCode } from '@warsztat/shared';
import * as Y from 'yjs';
import type { Limits } from '../config.js';
import { docFields, planeLog } from '../log.js';
import type { MergeDoc, Store } from '../persistence/Store.js';
import { type AwarenessCounters, AwarenessHub, newAwarenessCounters } from './AwarenessHub.js';
import type { DocPeer } from './DocPeer.js';
import { type DurabilityLimits, DurableLog, type PendingUpdate } from './DurableLog.js';
import { applySlices, loadSlices } from './loadSlices.js';
import { inProcessMerge } from './mergeDoc.js';
import { writeSaved, writeUpdate } from './messages.js';
import { NewcomerAnswers } from './NewcomerAnswers.js';
import type { DocLink, DocRelay, RelayHandlers } from './relay.js';
import { sendBatch } from './sendBatch.js';
import { broadcastFrame } from './transport.js';

const log = planeLog('sync');

/** Origin of updates replayed from the store, so they are not appended again. */
const LOAD_ORIGIN = Symbol('load');
/**
 * Origin of updates that are already durable — relayed from another node, or read from the store
 * on a resync: they go to this node's peers at once and are never appended again.
 */
const DURABLE_ORIGIN = Symbol('durable');

/** The limits one board runs by. */
export type SharedDocLimits = DurabilityLimits & Pick<Limits, 'partedSyncFromBytes' | 'snapshotSegmentStructs'>;

/** Called after each group commit, for metrics. */
export type PersistedListener = (updates: number, bytes: number) => void;

/**
 * One loaded board: the Y.Doc, its awareness, the peers on it, and its link to other nodes.
 *
 * Durability rule (DESIGN §4): every update the doc accepts is appended to the store before any
 * peer hears of it. Its `DurableLog` commits the updates of one event-loop turn (or commit window)
 * together (group commit); this doc then broadcasts them merged, encoded once for all receivers.
 */
export class SharedDoc {
  readonly doc = new Y.Doc();
  /** Peer → awareness client ids it introduced (removed when it leaves). */
  readonly peers = new Map<DocPeer, Set<number>>();
  /** Presence: guarded, coalesced and fanned out by its own module (issue #18). */
  readonly presence: AwarenessHub<DocPeer>;
  /** Group commit, compaction and the stored byte count. */
  private readonly durableLog: DurableLog;
  private failed = false;
  /** Other nodes holding this board (multi-node mode only). */
  private link: DocLink | null = null;
  /** Updates relayed from other nodes while the load runs (null once loaded). */
  private relayedDuringLoad: Uint8Array[] | null = [];
  private destroyed = false;
  /** Event-loop turns the load took (one slice of the stored board each), for the log. */
  loadSlices = 0;
  /** Peers that asked for "saved up to here" messages. */
  private savedPeers = 0;
  /** Answers to sync step 1, shared by newcomers (a large board's in stored parts, issue #14). */
  private readonly newcomers: NewcomerAnswers;

  private constructor(
    readonly name: string,
    private readonly store: Store,
    private readonly durability: SharedDocLimits,
    private readonly onPersisted: PersistedListener,
    counters: AwarenessCounters,
    merge: MergeDoc,
  ) {
    this.durableLog = new DurableLog(
      name,
      store,
      durability,
      {
        // Only sockets that asked (`?saved=1`) get it; stock providers never do, so most flushes skip it.
        savedVector: () => (this.savedPeers > 0 ? Y.encodeStateVector(this.doc) : null),
        durable: (batch, merged, savedVector) => this.broadcastDurable(batch, merged, savedVector),
        // The in-memory doc now holds what the store does not: drop it and every peer, so nothing
        // unsaved is ever served or saved over the stored board.
        appendFailed: () => this.fail(),
        compacted: () => this.newcomers.compacted(),
      },
      merge,
    );
    this.newcomers = new NewcomerAnswers(
      this.doc,
      async () => {
        const stored = await store.loadDoc(name);
        return [...stored.snapshot, ...stored.updates];
      },
      () => this.durableLog.storedBytes >= this.durability.partedSyncFromBytes,
    );
    this.presence = new AwarenessHub(this.doc, this.peers, counters, () =>
      this.link ? (update) => this.link?.publishAwareness(update) : null,
    );
  }

  /**
   * Every change of the loaded doc: a peer's is appended (and sent once durable), a durable one is
   * sent at once. Registered only once the load is done: Yjs encodes every transaction for its
   * `update` listeners, and the load's slices need no encoding (issue #14).
   */
  private readonly onUpdate = (update: Uint8Array, origin: unknown): void => {
    this.newcomers.changed();
    if (origin === LOAD_ORIGIN) return;
    for (const peer of this.peers.keys()) if (peer !== origin) peer.docChanged?.();
    if (origin === DURABLE_ORIGIN) {
      this.durableLog.countDurable(update.byteLength);
      this.newcomers.durable(update);
      // Only what this node did not have yet gets here (Yjs yields the difference).
      const message = writeUpdate(update);
      const frame = broadcastFrame(message);
      for (const peer of this.peers.keys()) peer.send(message, frame);
      return;
    }
    this.durableLog.append(update, origin);
  };

  /** The doc's Awareness (owned by `presence`). */
  get awareness() {
    return this.presence.awareness;
  }

  /** Loads the whole doc before anyone is answered; never returns a half-loaded doc. */
  static async load(
    name: string,
    store: Store,
    durability: SharedDocLimits,
    onPersisted: PersistedListener = () => {},
    relay: DocRelay | null = null,
    awarenessCounters: AwarenessCounters = newAwarenessCounters(),
    /** How compactions merge (the server's decode pool); in-process when not given. */
    merge: MergeDoc = inProcessMerge(durability.snapshotSegmentStructs),
  ): Promise<SharedDoc> {
    const shared = new SharedDoc(name, store, durability, onPersisted, awarenessCounters, merge);
    // Joined before the store is read, so an update appended elsewhere in between is relayed, not
    // missed; one that arrives before the load is applied early and Yjs merges the two.
    if (relay) shared.link = await relay.join(name, shared.relayHandlers());
    let stored: Awaited<ReturnType<Store['loadDoc']>>;
    try {
      stored = await store.loadDoc(name);
    } catch (error) {
      shared.link?.leave();
      throw error;
    }
    // A slice per event-loop turn (issue #14); nobody has this doc before the promise resolves.
    const slices = loadSlices(stored, durability.snapshotSegmentStructs);
    try {
      shared.loadSlices = await applySlices(shared.doc, slices, LOAD_ORIGIN, () => shared.failed);
      // Never hand out a doc whose load stopped half-way.
      if (shared.failed) throw new Error('the board was dropped while it loaded');
    } catch (error) {
      shared.link?.leave();
      throw error;
    }
    // Relayed meanwhile: stored after the read, so neither counted nor among the newcomer parts yet.
    const relayed = shared.relayedDuringLoad ?? [];
    shared.relayedDuringLoad = null;
    shared.doc.on('update', shared.onUpdate);
    shared.durableLog.loaded(stored);
    shared.durableLog.countDurable(relayed.reduce((sum, u) => sum + u.byteLength, 0));
    shared.newcomers.loaded([...stored.snapshot, ...stored.updates, ...relayed]);
    return shared;
  }

  get isFailed(): boolean {
    return this.failed;
  }

  private relayHandlers(): RelayHandlers {
    return {
      update: (update) => {
        if (this.failed) return;
        this.relayedDuringLoad?.push(update);
        try {
          Y.applyUpdate(this.doc, update, DURABLE_ORIGIN);
        } catch (error) {
          log.error({ ...docFields(this.name), err: error }, 'dropped a relayed update');
        }
      },
      awareness: (update) => {
        if (this.failed) return;
        try {
          this.presence.applyRelayed(update);
        } catch (error) {
          log.error({ ...docFields(this.name), err: error }, 'dropped a relayed awareness update');
        }
      },
      queryAwareness: () => {
        const states = this.presence.encodeLocalStates();
        if (states) this.link?.publishAwareness(states);
      },
      resync: () => {
        this.resync().catch((error: unknown) => log.error({ ...docFields(this.name), err: error }, 'resync failed'));
      },
    };
  }

  /**
   * Reads the board from the store again and applies it: what other nodes appended while their
   * messages could not reach this one reaches this node's peers now. Yjs merges idempotently, so
   * only the difference is sent.
   */
  async resync(): Promise<void> {
    const stored = await this.store.loadDoc(this.name);
    // In slices, like the load: the whole board is read again (only the difference is sent on).
    const slices = loadSlices(stored, this.durability.snapshotSegmentStructs);
    await applySlices(this.doc, slices, DURABLE_ORIGIN, () => this.failed || this.destroyed);
  }

  /** The answer to a sync step 1: what the doc holds beyond `stateVector`, as messages to send in order. */
  answerStep1(stateVector: Uint8Array): Uint8Array[] {
    return this.newcomers.answer(stateVector);
  }

  /** Bytes the store holds for this board (for the quota); a close estimate between compactions. */
  get storedBytes(): number {
    return this.durableLog.storedBytes;
  }

  /**
   * Applies a client's update; the caller has checked it (updateGuard). Should Yjs still throw
   * half-way through a transaction (the stack overflow of issue #14 did, in its cleanup), the doc
   * never emits `update` again: later edits would be applied in memory but neither stored nor
   * sent. Such a doc is dropped with every peer (1011); they reconnect to a fresh load from the
   * store, which holds everything acknowledged.
   */
  applyFromPeer(update: Uint8Array, peer: DocPeer): void {
    try {
      Y.applyUpdate(this.doc, update, peer);
    } catch (error) {
      if (isWedged(this.doc)) {
        peer.close(CloseCode.UpdateRefused, 'update broke the board');
        log.error(docFields(this.name), 'an update left the board mid-transaction; reloading it from the store');
        this.fail(CloseCode.InternalError, 'board reloaded');
      }
      throw error;
    }
  }

  /** Resolves once everything accepted so far is durable (answers to newcomers wait for this). */
  whenDurable(): Promise<void> {
    return this.durableLog.whenDurable();
  }

  /** Has the store merge this board's log into one snapshot (see DurableLog.compact). */
  compact(): Promise<void> {
    return this.durableLog.compact();
  }

  /**
   * A batch is durable: other nodes may show it at once (they never append it again), then peers
   * hear of it — one merged message per batch (per MERGE_AT_MOST updates of it), encoded once for
   * every socket (issue #18). Under a high edit rate a window holds a dozen updates; one message
   * each cost every socket a frame, a send and a message event at the receiver per update, where
   * the merge costs one.
   *
   * A batch whose updates all came from one socket is never sent back to it. A writer whose
   * updates share a batch with others' gets the whole merge, its own included, as Hocuspocus and the stock y-websocket server
   * always do: Yjs skips what a doc already holds, and a merge per writer (the batch without its
   * updates) cost a merge of the batch for each of them — more than all the sends it saved, and
   * growing with the batch, so a board that fell behind fell further (measured, 2026-12-03).
   */
  private broadcastDurable(
    batch: readonly PendingUpdate[],
    merged: readonly Uint8Array[],
    savedVector: Uint8Array | null,
  ): void {
    for (const update of merged) {
      this.link?.publishUpdate(update);
      this.newcomers.durable(update);
    }
    const bytes = merged.reduce((sum, u) => sum + u.byteLength, 0);
    // Sent back, a burst of large edits filled its writer's socket and closed it as a slow consumer.
    const first = batch[0]?.origin;
    const skip = batch.every((p) => p.origin === first) ? first : undefined;
    const presence = this.presence.rideAlong();
    sendBatch(
      [...this.peers.keys()],
      merged.map(writeUpdate),
      skip,
      presence ? { message: presence, hub: this.presence } : null,
      savedVector ? writeSaved(savedVector) : null,
    );
    this.onPersisted(batch.length, bytes);
  }

  /** `viewer`: a socket that may not set presence (projector, plenary readers): see AwarenessHub. */
  addPeer(peer: DocPeer, viewer = false): void {
    if (this.peers.has(peer)) return;
    this.peers.set(peer, new Set());
    this.presence.addPeer(peer, viewer);
    if (peer.wantsSaved) this.savedPeers++;
  }

  removePeer(peer: DocPeer): void {
    const ids = this.peers.get(peer);
    if (this.peers.delete(peer) && peer.wantsSaved) this.savedPeers--;
    this.presence.removePeer(peer, ids);
  }

  /** Closes every peer and refuses further work; used on a store failure and on shutdown. */
  fail(code = 1011, reason = 'store failure'): void {
    this.failed = true;
    this.durableLog.stop();
    this.newcomers.stop();
    this.link?.leave();
    this.link = null;
    for (const peer of [...this.peers.keys()]) peer.close(code, reason);
    this.peers.clear();
    this.savedPeers = 0;
  }

  async destroy(): Promise<void> {
    await this.whenDurable();
    // A compaction already running may have started before the last batch: run one more after it.
    await this.durableLog.whenCompacted();
    await this.compact();
    this.link?.leave();
    this.link = null;
    this.presence.destroy();
    this.newcomers.stop();
    this.destroyed = true;
    this.doc.destroy();
  }
}

/** True when a throw left the doc inside a transaction or its cleanup (Yjs internals, stable in v13). */
function isWedged(doc: Y.Doc): boolean {
  const internals = doc as unknown as { _transaction: unknown; _transactionCleanups: unknown[] };
  return internals._transaction !== null || internals._transactionCleanups.length > 0;
}
