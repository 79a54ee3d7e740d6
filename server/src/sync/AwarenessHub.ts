import * as awarenessProtocol from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { type AwarenessUser, guardAwareness, MAX_AWARENESS_ENTRIES } from './awarenessGuard.js';
import { writeAwareness } from './messages.js';
import { forgetRenewals, watchRenewals } from './renewalSweep.js';
import { broadcastFrame } from './transport.js';

/** The part of a socket the hub needs (SharedDoc's DocPeer satisfies it). */
export interface PresencePeer {
  /** `frame`: the message framed once for every socket of a broadcast (transport.ts). */
  send(message: Uint8Array, frame?: Uint8Array): void;
}

/** Process counters for `/metrics`, one object per sync server (plain numbers: no work per message). */
export interface AwarenessCounters {
  /** Entries whose JSON was parsed: a socket's own states. */
  parsed: number;
  /** Entries for client ids the socket does not own (echoes, stale states), skipped unparsed. */
  skipped: number;
  /** Awareness messages sent to sockets (one per socket per coalesced broadcast). */
  sent: number;
  /** Awareness messages dropped by the per-socket awareness rate limit. */
  rateLimited: number;
}

export const newAwarenessCounters = (): AwarenessCounters => ({ parsed: 0, skipped: 0, sent: 0, rateLimited: 0 });

/** Changes of one doc leave at most this often, merged into one message (leading edge: at once after a quiet spell). */
export const AWARENESS_FLUSH_MS = 100;
/**
 * …and, on a large doc, at most once per this many ms per socket that receives them: each flush
 * costs a send to every such socket and, from stock providers, an echo back from each. A 100-person
 * board then flushes five times a second (still smooth carets), not ten.
 */
export const AWARENESS_FLUSH_MS_PER_RECEIVER = 2;
/** The longest gap between flushes, whatever the doc's size. */
export const AWARENESS_FLUSH_MAX_MS = 250;
/**
 * Once its gap is over, a flush waits up to this share of the gap longer for the doc's next edit
 * broadcast and leaves in the same write to each socket (`rideAlong`): on a board being typed on,
 * presence then costs no send and no wake-up of its own.
 */
const RIDE_ALONG_SLACK = 0.25;
/**
 * An unchanged state (same JSON, new clock) is forwarded at most this often per client. y-protocols
 * drops a remote state not renewed for 30 s and clients renew every 15 s (checked every 3 s);
 * with this gap and the sweep period a live client's renewal reaches peers at most ~23 s after
 * the previous one, well inside 30 s.
 */
export const RENEWAL_MIN_GAP_MS = 10_000;

/** Origin of awareness updates relayed from other nodes (never published back). */
export const RELAYED = Symbol('relayed');

/**
 * Presence of one doc (DESIGN §4, issue #18). Stock providers re-send every awareness update they
 * receive, so a change in an N-person doc comes back N−1 times; this hub keeps that linear:
 *  - entries for client ids another socket owns, and stale echoes of states that left, are dropped
 *    before their JSON is read (awarenessGuard);
 *  - changes are merged per doc and leave at most every AWARENESS_FLUSH_MS (longer on a large doc),
 *    one message for all, with the doc's next edit broadcast when one comes soon (`rideAlong`);
 *  - unchanged renewals are held and forwarded by a shared sweep, only as often as peers need;
 *  - viewers (sockets whose token may not set presence: projector, plenary readers) neither fan
 *    out nor receive presence; their own renewal is answered to them alone, which is the traffic
 *    the provider's 30 s "no message received" watchdog needs on an idle doc.
 */
export class AwarenessHub<P extends PresencePeer = PresencePeer> {
  readonly awareness: awarenessProtocol.Awareness;
  /** Client id → the socket that introduced it. */
  private readonly owners = new Map<number, P>();
  private readonly viewers = new Set<P>();
  private readonly changed = new Set<number>();
  /** Ids whose latest state came from this node's sockets: other nodes need them. */
  private readonly toPublish = new Set<number>();
  /** Unchanged renewals waiting for the sweep. */
  private readonly held = new Set<number>();
  private readonly forwardedAt = new Map<number, number>();
  /** The flush to come, a timer (or an immediate after a quiet spell); null when nothing waits. */
  private flushTimer: { cancel(): void } | null = null;
  private lastFlushAt = 0;
  private destroyed = false;

  constructor(
    doc: Y.Doc,
    /** The doc's sockets → the client ids each introduced (shared with SharedDoc). */
    private readonly peers: Map<P, Set<number>>,
    private readonly counters: AwarenessCounters,
    /** Sends an awareness update (y-protocols encoding) to the other nodes; null on a single node. */
    private readonly publish: () => ((update: Uint8Array) => void) | null,
  ) {
    this.awareness = new awarenessProtocol.Awareness(doc);
    this.awareness.setLocalState(null);
    type Changes = { added: number[]; updated: number[]; removed: number[] };
    // 'change' (emitted first) carries real changes; 'update' also carries renewals.
    this.awareness.on('change', ({ added, updated, removed }: Changes, origin: unknown) => {
      for (const id of [...added, ...updated, ...removed]) {
        this.changed.add(id);
        this.held.delete(id);
        if (origin !== RELAYED) this.toPublish.add(id);
      }
      if (this.changed.size > 0) this.scheduleFlush();
    });
    this.awareness.on('update', ({ added, updated, removed }: Changes, origin: unknown) => {
      const ids = this.peers.get(origin as P);
      for (const id of [...added, ...updated]) {
        if (ids && !this.owners.has(id)) {
          this.owners.set(id, origin as P);
          ids.add(id);
        }
        if (this.changed.has(id)) continue;
        this.held.add(id);
        if (origin !== RELAYED) this.toPublish.add(id);
      }
      for (const id of removed) this.disown(id);
      if (this.held.size > 0) watchRenewals(this);
    });
  }

  private disown(id: number): void {
    const owner = this.owners.get(id);
    if (owner) this.peers.get(owner)?.delete(id);
    this.owners.delete(id);
  }

  addPeer(peer: P, viewer: boolean): void {
    if (viewer) this.viewers.add(peer);
  }

  removePeer(peer: P, ids: Set<number> | undefined): void {
    this.viewers.delete(peer);
    if (ids && ids.size > 0) awarenessProtocol.removeAwarenessStates(this.awareness, [...ids], null);
  }

  /** A newcomer gets every current state at once (viewers get none). */
  greet(peer: P): void {
    if (this.viewers.has(peer)) return;
    const states = [...this.awareness.getStates().keys()];
    if (states.length > 0) this.sendTo(peer, writeAwareness(this.awareness, states));
  }

  /** Answers a query-awareness message (viewers: nothing to show them). */
  answerQuery(peer: P): void {
    if (!this.viewers.has(peer))
      this.sendTo(peer, writeAwareness(this.awareness, [...this.awareness.getStates().keys()]));
  }

  /**
   * One socket's awareness message. `frame` is the whole message as received: a viewer gets it
   * back unchanged (see the class comment); a writer's entries go through the guard.
   */
  receive(peer: P, update: Uint8Array, user: AwarenessUser | null, frame: Uint8Array): void {
    if (this.viewers.has(peer)) {
      this.sendTo(peer, frame);
      return;
    }
    if (user === null) return;
    const guarded = guardAwareness(update, user, (id, clock) => this.mayUse(peer, id, clock));
    this.counters.parsed += guarded.parsed;
    this.counters.skipped += guarded.skipped;
    if (guarded.update) awarenessProtocol.applyAwarenessUpdate(this.awareness, guarded.update, peer);
  }

  /**
   * Asked before an entry's JSON is read. A client id belongs to the first socket that introduced
   * it; one socket may introduce only a few (one per tab, plus reloads). An id nobody owns any more
   * is taken only with a newer clock: an older or equal one is an echo of a state that has left.
   */
  private mayUse(peer: P, clientId: number, clock: number): boolean {
    const owner = this.owners.get(clientId);
    if (owner) return owner === peer;
    const own = this.peers.get(peer);
    if (!own || own.size >= MAX_AWARENESS_ENTRIES) return false;
    const meta = this.awareness.meta.get(clientId);
    return meta === undefined || clock > meta.clock;
  }

  /** An awareness update from another node's clients. */
  applyRelayed(update: Uint8Array): void {
    awarenessProtocol.applyAwarenessUpdate(this.awareness, update, RELAYED);
  }

  /** The states of this node's own clients (another node joined the doc and asked for them). */
  encodeLocalStates(): Uint8Array | null {
    const ids = [...this.owners.keys()];
    return ids.length > 0 ? awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids) : null;
  }

  private scheduleFlush(): void {
    if (this.flushTimer || this.destroyed) return;
    const gap = this.flushGap();
    const wait = this.lastFlushAt + gap - Date.now();
    if (wait <= 0) {
      const immediate = setImmediate(() => this.flush());
      this.flushTimer = { cancel: () => clearImmediate(immediate) };
    } else {
      const timer = setTimeout(() => this.flush(), wait + gap * RIDE_ALONG_SLACK).unref();
      this.flushTimer = { cancel: () => clearTimeout(timer) };
    }
  }

  /**
   * Called by the doc as it broadcasts edits: the pending changes, when their gap is over, as one
   * message for every socket that receives presence (`receives`), to send in the same write.
   */
  rideAlong(): Uint8Array | null {
    if (!this.flushTimer || Date.now() - this.lastFlushAt < this.flushGap()) return null;
    this.flushTimer.cancel();
    return this.take();
  }

  /** Whether this socket gets presence (viewers do not). */
  receives(peer: P): boolean {
    return !this.viewers.has(peer);
  }

  private flushGap(): number {
    const receivers = this.peers.size - this.viewers.size;
    return Math.min(AWARENESS_FLUSH_MAX_MS, Math.max(AWARENESS_FLUSH_MS, receivers * AWARENESS_FLUSH_MS_PER_RECEIVER));
  }

  private flush(): void {
    const message = this.take();
    if (message) this.fanOut(message);
  }

  /** The pending changes and due renewals as one message (null: none), counted as forwarded. */
  private take(): Uint8Array | null {
    this.flushTimer = null;
    if (this.destroyed) return null;
    const now = Date.now();
    this.lastFlushAt = now;
    const ids = [...this.changed];
    this.changed.clear();
    // Renewals already due ride along in the same message at no extra cost.
    for (const id of this.held) {
      if (now - (this.forwardedAt.get(id) ?? 0) >= RENEWAL_MIN_GAP_MS) {
        ids.push(id);
        this.held.delete(id);
      }
    }
    return this.encode(ids, now);
  }

  /** Forwards held renewals that are due; false once nothing is held (the sweep forgets this doc). */
  sweep(now: number): boolean {
    if (this.destroyed) return false;
    const due: number[] = [];
    for (const id of this.held) {
      if (now - (this.forwardedAt.get(id) ?? 0) >= RENEWAL_MIN_GAP_MS) {
        due.push(id);
        this.held.delete(id);
      }
    }
    const message = this.encode(due, now);
    if (message) this.fanOut(message);
    return this.held.size > 0;
  }

  /** `ids` as one message for this node's sockets, published to other nodes; null when empty. */
  private encode(ids: number[], now: number): Uint8Array | null {
    if (ids.length === 0) return null;
    const states = this.awareness.getStates();
    for (const id of ids) {
      if (states.has(id)) this.forwardedAt.set(id, now);
      else this.forwardedAt.delete(id);
    }
    // Encoded once for every receiver; each socket gets one message per flush, whatever it holds.
    const message = writeAwareness(this.awareness, ids);
    const publish = this.publish();
    const local = ids.filter((id) => this.toPublish.delete(id));
    if (publish && local.length > 0) publish(awarenessProtocol.encodeAwarenessUpdate(this.awareness, local));
    return message;
  }

  /** One awareness message to every socket that receives presence, framed once for all. */
  fanOut(message: Uint8Array): void {
    const frame = broadcastFrame(message);
    for (const peer of this.peers.keys()) if (!this.viewers.has(peer)) this.sendTo(peer, message, frame);
  }

  /** Sends one awareness message to one socket, counted for `/metrics`. */
  private sendTo(peer: P, message: Uint8Array, frame?: Uint8Array): void {
    this.counters.sent++;
    peer.send(message, frame);
  }

  get viewerCount(): number {
    return this.viewers.size;
  }

  destroy(): void {
    this.destroyed = true;
    this.flushTimer?.cancel();
    this.flushTimer = null;
    forgetRenewals(this);
    this.awareness.destroy();
  }
}
