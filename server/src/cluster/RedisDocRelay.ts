import { planeLog } from '../log.js';
import type { DocLink, DocRelay, RelayHandlers } from '../sync/relay.js';
import { type Cluster, NODE_ID_BYTES } from './Cluster.js';

const log = planeLog('cluster');

/**
 * Relayed message: one kind byte, the sender's node id, then the body.
 *   0 update      — a Yjs update (v1) that the sender already appended to the store
 *   1 awareness   — a y-protocols awareness update
 *   2 query       — "send me your clients' awareness" (no body)
 *   3 resync      — "I may have missed or failed to send messages: read the store again" (no body)
 */
const Kind = { Update: 0, Awareness: 1, Query: 2, Resync: 3 } as const;
type Kind = (typeof Kind)[keyof typeof Kind];

const HEADER_BYTES = 1 + NODE_ID_BYTES;
/**
 * Ms between safety-net resyncs of every board this node holds. Pub/sub also loses what a node
 * killed between its append and its publish never sent, and no reconnect announces that; this
 * bounds how long a reader elsewhere can miss it (a writer's own client pushes it back at once
 * when it reconnects).
 */
export const RESYNC_INTERVAL_MS = 30_000;

export const docChannel = (name: string) => `warsztat:doc:${name}`;

/**
 * The sync plane's relay over Redis pub/sub, one channel per board, subscribed only by the nodes
 * that hold that board. Pub/sub rather than streams because the store already is the ordered,
 * durable log: the relay only has to be fast, and what it loses (an outage, a node killed between
 * append and publish) is read back from the store on reconnect (`resync`), instead of keeping a
 * second copy of every update in Redis memory.
 */
export class RedisDocRelay implements DocRelay {
  /**
   * Boards this node relays, each with its loaded copies: usually one, but a board reopened while
   * its previous copy is still saving and unloading has two for a moment.
   */
  private readonly joined = new Map<string, Set<RelayHandlers>>();
  /** Resolves once the board's channel is subscribed (every copy's store read waits for it). */
  private readonly subscribed = new Map<string, Promise<void>>();
  private readonly safetyNet: NodeJS.Timeout;

  constructor(private readonly cluster: Cluster) {
    cluster.onReconnect(() => {
      for (const [name, copies] of this.joined) {
        // Others may have missed what this node published; this node may have missed theirs.
        this.send(name, Kind.Resync);
        for (const handlers of copies) handlers.resync();
      }
    });
    this.safetyNet = setInterval(() => {
      for (const copies of this.joined.values()) for (const handlers of copies) handlers.resync();
    }, RESYNC_INTERVAL_MS);
    this.safetyNet.unref();
  }

  close(): void {
    clearInterval(this.safetyNet);
  }

  async join(name: string, handlers: RelayHandlers): Promise<DocLink> {
    let copies = this.joined.get(name);
    if (!copies) {
      const fresh = new Set<RelayHandlers>();
      copies = fresh;
      this.joined.set(name, fresh);
      this.subscribed.set(
        name,
        this.cluster.subscribe(docChannel(name), (message) => this.receive(message, fresh)),
      );
    }
    copies.add(handlers);
    await this.subscribed.get(name);
    this.send(name, Kind.Query);
    return {
      publishUpdate: (update) => this.send(name, Kind.Update, update),
      publishAwareness: (update) => this.send(name, Kind.Awareness, update),
      leave: () => {
        const current = this.joined.get(name);
        if (!current?.delete(handlers) || current.size > 0) return;
        this.joined.delete(name);
        this.subscribed.delete(name);
        this.cluster.unsubscribe(docChannel(name));
      },
    };
  }

  private send(name: string, kind: Kind, body?: Uint8Array): void {
    const message = Buffer.allocUnsafe(HEADER_BYTES + (body?.byteLength ?? 0));
    message[0] = kind;
    this.cluster.nodeId.copy(message, 1);
    if (body) message.set(body, HEADER_BYTES);
    this.cluster.publish(docChannel(name), message);
  }

  private receive(message: Buffer, copies: ReadonlySet<RelayHandlers>): void {
    if (message.byteLength < HEADER_BYTES) return;
    if (this.cluster.nodeId.equals(message.subarray(1, HEADER_BYTES))) return; // our own
    const body = new Uint8Array(message.buffer, message.byteOffset + HEADER_BYTES, message.byteLength - HEADER_BYTES);
    const kind = message[0];
    if (kind !== Kind.Update && kind !== Kind.Awareness && kind !== Kind.Query && kind !== Kind.Resync) {
      log.warn({ kind }, 'relay: dropped a message of unknown kind');
      return;
    }
    for (const handlers of copies) deliver(handlers, kind, body);
  }
}

function deliver(handlers: RelayHandlers, kind: Kind, body: Uint8Array): void {
  switch (kind) {
    case Kind.Update:
      handlers.update(body);
      break;
    case Kind.Awareness:
      handlers.awareness(body);
      break;
    case Kind.Query:
      handlers.queryAwareness();
      break;
    case Kind.Resync:
      handlers.resync();
      break;
  }
}
