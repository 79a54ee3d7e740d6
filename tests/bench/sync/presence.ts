/**
 * A load-generator client's presence, the way the real providers handle awareness (issue #18):
 *  - it announces its own state when the socket opens (user and cursor, as a board sets on mount),
 *  - renews it every 15 s unchanged (y-protocols' Awareness does, or peers drop it after 30 s),
 *  - moves its cursor with every edit (a text editor's selection follows the caret),
 *  - and, for y-websocket, ECHOES: `WebsocketProvider`'s awareness handler has no origin filter,
 *    so every entry it applies (one with a newer clock than it knew) is encoded again and sent
 *    back to the server in one message per received message. HocuspocusProvider filters by
 *    origin, so Hocuspocus clients never echo. `--no-echo` switches the echo off.
 * States are never JSON-parsed here (the echo copies their bytes), which keeps thousands of
 * clients on two threads.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { Protocol } from './wire.js';

const AWARENESS = 1;
/** y-protocols renews a local state after outdatedTimeout / 2. */
export const RENEW_EVERY_MS = 15_000;

export class Presence {
  readonly clientId = 1 + Math.floor(Math.random() * 0x7fff_fff0);
  private clock = 0;
  private cursor = 0;
  private readonly name: string;
  /** Client id → the newest clock seen (what the provider's Awareness keeps). */
  private readonly known = new Map<number, number>();
  lastSentAt = 0;

  constructor(
    private readonly protocol: Protocol,
    private readonly docName: string,
    private readonly echo: boolean,
    id: number,
  ) {
    this.name = `editor-${id}`;
  }

  private frame(inner: Uint8Array): Uint8Array {
    const encoder = encoding.createEncoder();
    if (this.protocol === 'hocuspocus') encoding.writeVarString(encoder, this.docName);
    encoding.writeVarUint(encoder, AWARENESS);
    encoding.writeVarUint8Array(encoder, inner);
    return encoding.toUint8Array(encoder);
  }

  /** This client's state at the next clock: the first announcement, a renewal or a cursor move. */
  own(now: number, moveCursor = false): Uint8Array {
    this.clock++;
    if (moveCursor) this.cursor++;
    this.lastSentAt = now;
    const inner = encoding.createEncoder();
    encoding.writeVarUint(inner, 1);
    encoding.writeVarUint(inner, this.clientId);
    encoding.writeVarUint(inner, this.clock);
    encoding.writeVarString(
      inner,
      JSON.stringify({ user: { name: this.name, color: '#1d4ed8' }, cursor: { anchor: this.cursor } }),
    );
    return this.frame(encoding.toUint8Array(inner));
  }

  /**
   * An incoming message; returns what a stock y-websocket provider would send back (the entries it
   * applied), or null. Never throws: a message that is not awareness is ignored.
   */
  receive(bytes: Uint8Array): Uint8Array | null {
    try {
      const decoder = decoding.createDecoder(bytes);
      if (this.protocol === 'hocuspocus') decoding.readVarString(decoder);
      if (decoding.readVarUint(decoder) !== AWARENESS) return null;
      const update = decoding.createDecoder(decoding.readVarUint8Array(decoder));
      const count = decoding.readVarUint(update);
      let applied: encoding.Encoder | null = null;
      let appliedCount = 0;
      for (let i = 0; i < count; i++) {
        const clientId = decoding.readVarUint(update);
        const clock = decoding.readVarUint(update);
        const state = decoding.readVarUint8Array(update);
        if (clientId === this.clientId) continue;
        const known = this.known.get(clientId) ?? -1;
        const removal = state.length === 4 && state[0] === 0x6e; // "null": the client left
        // y-protocols applies a newer clock, or a removal at the same clock of a state it holds.
        if (clock < known || (clock === known && !removal) || (clock === known + 0.5 && removal)) continue;
        // A removal is remembered half a clock on, so the same removal is not applied twice.
        this.known.set(clientId, removal ? clock + 0.5 : clock);
        if (!this.echo) continue;
        applied ??= encoding.createEncoder();
        encoding.writeVarUint(applied, clientId);
        encoding.writeVarUint(applied, clock);
        encoding.writeVarUint8Array(applied, state);
        appliedCount++;
      }
      if (!applied || appliedCount === 0) return null;
      const inner = encoding.createEncoder();
      encoding.writeVarUint(inner, appliedCount);
      encoding.writeUint8Array(inner, encoding.toUint8Array(applied));
      return this.frame(encoding.toUint8Array(inner));
    } catch {
      return null;
    }
  }
}
