import { parseDocName } from '@warsztat/shared';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { DEFAULT_LIMITS, type Limits } from '../../server/src/config.js';
import type { Store } from '../../server/src/persistence/Store.js';
import type { Granted } from '../../server/src/sync/authorization.js';
import { SharedDoc } from '../../server/src/sync/SharedDoc.js';
import { SyncConnection } from '../../server/src/sync/SyncConnection.js';
import type { SyncTransport } from '../../server/src/sync/transport.js';

/** The y-websocket message types (y-protocols): 0 sync, 1 awareness. */
const SYNC = 0;
const AWARENESS = 1;
/** Origin of what the server sent, so the client does not send it back. */
const FROM_SERVER = Symbol('server');

/**
 * A y-websocket client with no network: its own Y.Doc and Awareness, and the SyncTransport end
 * that a SyncConnection writes to. What the connection sends is handled at once, as the stock
 * provider handles it (a step 1 is answered with a step 2, updates and awareness are applied);
 * what the client sends goes straight into the connection's message handler. Nothing runs on a
 * timer, so a test decides every interleaving (tldraw's TestSocketPair does the same).
 */
export class MemoryPeer implements SyncTransport {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  /** Every message the server sent, in order. */
  readonly received: Uint8Array[] = [];
  closedWith: { code: number; reason: string } | null = null;
  isOpen = true;
  bufferedAmount = 0;
  private readonly messageListeners: Array<(data: Uint8Array, isBinary: boolean) => void> = [];
  private readonly closeListeners: Array<() => void> = [];
  private step2Waiters: Array<() => void> = [];

  constructor() {
    this.awareness.setLocalState(null);
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === FROM_SERVER) return;
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, SYNC);
      syncProtocol.writeUpdate(encoder, update);
      this.sendToServer(encoding.toUint8Array(encoder));
    });
  }

  // --- the server's side of the transport ---

  send(message: Uint8Array, done: (error?: Error) => void): void {
    this.received.push(message);
    this.handleFromServer(message);
    done();
  }

  close(code: number, reason: string): void {
    if (!this.isOpen) return;
    this.isOpen = false;
    this.closedWith = { code, reason };
    for (const listener of this.closeListeners) listener();
  }

  terminate(): void {
    this.close(1006, 'terminated');
  }

  onMessage(listener: (data: Uint8Array, isBinary: boolean) => void): void {
    this.messageListeners.push(listener);
  }

  onClose(listener: () => void): void {
    this.closeListeners.push(listener);
  }

  onError(): void {
    // An in-memory pipe has no socket errors.
  }

  // --- the client's side ---

  /** Delivers raw bytes to the server, as one binary frame. */
  sendToServer(message: Uint8Array): void {
    if (!this.isOpen) return;
    for (const listener of this.messageListeners) listener(message, true);
  }

  /** Sends sync step 1 (this client's state vector), as the provider does on open. */
  sendStep1(): void {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, SYNC);
    syncProtocol.writeSyncStep1(encoder, this.doc);
    this.sendToServer(encoding.toUint8Array(encoder));
  }

  /** Sends this client's awareness entries for `clientIds` (its own by default). */
  sendAwareness(clientIds: number[] = [this.doc.clientID], from = this.awareness): void {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, AWARENESS);
    encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(from, clientIds));
    this.sendToServer(encoding.toUint8Array(encoder));
  }

  /**
   * A round trip: a step 1 whose step 2 answer is back. The connection handles one socket's
   * messages strictly in order and answers a step 1 only once everything accepted is durable, so
   * afterwards every earlier message has been handled and every accepted update stored and sent.
   */
  async roundTrip(): Promise<void> {
    const answered = new Promise<void>((resolve) => this.step2Waiters.push(resolve));
    this.sendStep1();
    await answered;
  }

  private handleFromServer(message: Uint8Array): void {
    const decoder = decoding.createDecoder(message);
    const type = decoding.readVarUint(decoder);
    if (type === AWARENESS) {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, decoding.readVarUint8Array(decoder), FROM_SERVER);
      return;
    }
    if (type !== SYNC) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, SYNC);
    const sub = syncProtocol.readSyncMessage(decoder, encoder, this.doc, FROM_SERVER);
    // A step 1 from the server is answered with this client's step 2.
    if (encoding.length(encoder) > 1) this.sendToServer(encoding.toUint8Array(encoder));
    if (sub === syncProtocol.messageYjsSyncStep2) {
      const waiters = this.step2Waiters;
      this.step2Waiters = [];
      for (const resolve of waiters) resolve();
    }
  }
}

/** Kinds of server message, as `[type, sub-type]` names, for asserting what was sent. */
export function kindOf(message: Uint8Array): string {
  const decoder = decoding.createDecoder(message);
  const type = decoding.readVarUint(decoder);
  if (type === AWARENESS) return 'awareness';
  if (type !== SYNC) return `type ${type}`;
  return ['step1', 'step2', 'update'][decoding.readVarUint(decoder)] ?? 'sync ?';
}

/** One board (a real SharedDoc on `store`) and the connections made to it. */
export class MemoryRoom {
  private loading: Promise<SharedDoc> | null = null;
  readonly closeCodes: number[] = [];

  constructor(
    readonly docName: string,
    readonly store: Store,
    private readonly limits: Limits = DEFAULT_LIMITS,
  ) {}

  get shared(): Promise<SharedDoc> {
    this.loading ??= SharedDoc.load(this.docName, this.store, this.limits);
    return this.loading;
  }

  /** A peer connected with `rights`, past the handshake (the server's step 1 and the answer to its own). */
  async connect(rights: Partial<Omit<Granted, 'ok'>> = {}, peer = new MemoryPeer()): Promise<MemoryPeer> {
    const auth: Granted = {
      ok: true,
      workshopId: parseDocName(this.docName)?.workshopId ?? this.docName,
      canRead: () => true,
      current: () => true,
      canWrite: () => true,
      user: null,
      holder: 'memory-peer',
      staff: false,
      ...rights,
    };
    new SyncConnection(
      peer,
      this.docName,
      this.limits,
      {
        authorize: async () => auth,
        admit: () => null,
        spend: async () => true,
        openDoc: () => this.shared,
        release: () => {},
        closed: (code) => this.closeCodes.push(code),
        boardFull: () => {},
        awarenessRateLimited: () => {},
      },
      false,
    );
    // The first round trip ends once the connection is open; the client's answer to the server's
    // step 1 was queued behind it, and the second one covers that too.
    await peer.roundTrip();
    await peer.roundTrip();
    return peer;
  }

  async destroy(): Promise<void> {
    if (this.loading) await (await this.loading).destroy();
  }
}
