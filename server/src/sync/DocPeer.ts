/**
 * What a SharedDoc needs of a socket on it (SyncConnection, or a test's in-memory peer): the doc
 * sends and closes through this and never reaches into the connection.
 */
export interface DocPeer {
  /** Receives "saved up to here" after each durable write. */
  readonly wantsSaved: boolean;
  /** `frame`: the same message framed once for every socket of a broadcast (`broadcastFrame`). */
  send(message: Uint8Array, frame?: Uint8Array): void;
  /** Between cork and uncork, sends are queued and leave in one write (one syscall, not one per message). */
  cork?(): void;
  uncork?(): void;
  close(code: number, reason: string): void;
  /**
   * The doc gained content from anyone but this peer (another socket, the relay, a resync): an
   * update this peer holds for a missing dependency may apply now (issue #14).
   */
  docChanged?(): void;
}
