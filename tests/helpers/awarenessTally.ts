import * as decoding from 'lib0/decoding';
import { WebSocket } from 'ws';

/** One awareness entry seen on a socket: whose state, at which clock. */
export interface Entry {
  clientId: number;
  clock: number;
}

/** What one provider's socket sent and received, awareness messages only (issue #18 tests). */
export class AwarenessTally {
  readonly sent: Entry[][] = [];
  readonly received: Entry[][] = [];

  /** Entries this socket sent for client ids other than `own`: echoes. */
  foreignSent(own: number): number {
    return this.sent.flat().filter((e) => e.clientId !== own).length;
  }

  ownSent(own: number): number {
    return this.sent.flat().filter((e) => e.clientId === own).length;
  }

  /** Messages received that carried `clientId` at `clock`. */
  receivedTimes(clientId: number, clock: number): number {
    return this.received.filter((m) => m.some((e) => e.clientId === clientId && e.clock === clock)).length;
  }

  reset(): void {
    this.sent.length = 0;
    this.received.length = 0;
  }
}

/** The entries of a y-websocket awareness message (type 1), or null for any other message. */
export function awarenessEntries(data: Uint8Array): Entry[] | null {
  const decoder = decoding.createDecoder(data);
  if (decoding.readVarUint(decoder) !== 1) return null;
  const inner = decoding.createDecoder(decoding.readVarUint8Array(decoder));
  const count = decoding.readVarUint(inner);
  const entries: Entry[] = [];
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(inner);
    const clock = decoding.readVarUint(inner);
    decoding.readVarString(inner);
    entries.push({ clientId, clock });
  }
  return entries;
}

const bytesOf = (data: unknown): Uint8Array =>
  data instanceof ArrayBuffer ? new Uint8Array(data) : new Uint8Array(data as Buffer);

/**
 * A `ws` WebSocket class for a provider's `WebSocketPolyfill` that records every awareness message
 * the provider sends and receives into `tally`: the provider itself stays unmodified.
 */
export function tallyingWebSocket(tally: AwarenessTally): typeof WebSocket {
  return class TallyingWebSocket extends WebSocket {
    constructor(...args: ConstructorParameters<typeof WebSocket>) {
      super(...args);
      this.on('message', (data) => {
        const entries = awarenessEntries(bytesOf(data));
        if (entries) tally.received.push(entries);
      });
    }

    override send(data: unknown, ...rest: unknown[]): void {
      const entries = awarenessEntries(bytesOf(data));
      if (entries) tally.sent.push(entries);
      (super.send as (...a: unknown[]) => void)(data, ...rest);
    }
  } as typeof WebSocket;
}
