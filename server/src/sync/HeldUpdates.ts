import * as Y from 'yjs';

/**
 * One socket's updates that refer to content the doc does not have yet (issue #14). Yjs would keep
 * them as pending structs inside the doc — without bound, and served to newcomers although never
 * stored. They wait here instead, outside the doc, bounded in bytes and count, and are dropped
 * with the socket. The legitimate case is a provider that reconnects while someone types: its new
 * edits can arrive before its sync step 2, which carries what they build on.
 */
export class HeldUpdates {
  private list: Uint8Array[] = [];
  private bytes = 0;
  private clients = new Set<number>();

  constructor(
    private readonly maxBytes: number,
    private readonly maxCount: number,
  ) {}

  get size(): number {
    return this.list.length;
  }

  /** Keeps `update` for later; false when that would pass the bound (the caller refuses the socket). */
  hold(update: Uint8Array): boolean {
    if (this.list.length >= this.maxCount || this.bytes + update.byteLength > this.maxBytes) return false;
    this.list.push(update);
    this.bytes += update.byteLength;
    for (const client of Y.parseUpdateMeta(update).from.keys()) this.clients.add(client);
    return true;
  }

  /**
   * True when `update` carries structs of a client that something held carries too. The held
   * clients are kept as a set, so each arrival parses only itself, never everything held again.
   */
  sharesClientWith(update: Uint8Array): boolean {
    for (const client of Y.parseUpdateMeta(update).from.keys()) if (this.clients.has(client)) return true;
    return false;
  }

  /** Hands back everything held, in arrival order, and forgets it. */
  take(): Uint8Array[] {
    const list = this.list;
    this.list = [];
    this.bytes = 0;
    this.clients = new Set();
    return list;
  }
}
