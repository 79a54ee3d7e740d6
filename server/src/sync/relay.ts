/**
 * How a loaded board talks to the other nodes that hold the same board (DESIGN §5). The sync plane
 * knows only this interface; the Redis implementation lives in `cluster/`, and a single node has no
 * relay at all, so it runs no cluster code path.
 *
 * Contract: an update is published only after it is durable in the shared store, so a node may hand
 * a relayed update to its clients at once and must never append it again (each update is persisted
 * once, by the node that accepted it). The relay may lose messages (an outage, a node killed between
 * append and publish); `resync` is how a board catches up from the store, which is the truth.
 */
export interface DocRelay {
  /** Starts relaying `name`; resolves once messages published from now on will reach `handlers`. */
  join(name: string, handlers: RelayHandlers): Promise<DocLink>;
}

export interface RelayHandlers {
  /** A durable update accepted by another node. */
  update(update: Uint8Array): void;
  /** An awareness update (y-protocols encoding) from another node's clients. */
  awareness(update: Uint8Array): void;
  /** Another node joined the board and wants the awareness states of this node's clients. */
  queryAwareness(): void;
  /** Messages may have been lost (the relay was down): read the board from the store again. */
  resync(): void;
}

export interface DocLink {
  publishUpdate(update: Uint8Array): void;
  publishAwareness(update: Uint8Array): void;
  leave(): void;
}
