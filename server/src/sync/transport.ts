import { CloseCode } from '@warsztat/shared';
import type { WebSocket } from 'ws';
import * as wsModule from 'ws';

/**
 * The little of a socket that a SyncConnection uses. Production wraps a `ws` WebSocket
 * (`wsTransport`); unit tests hand it an in-memory peer, so the sync logic is tested without a
 * network, deterministically (as tldraw's TestSocketPair does).
 */
export interface SyncTransport {
  /** False once the socket is closing or closed: sends are then dropped. */
  readonly isOpen: boolean;
  /** Bytes queued to the peer and not yet written (slow-consumer check). */
  readonly bufferedAmount: number;
  /** Queues one binary message; `done` gets an error if it could not be written. */
  send(message: Uint8Array, done: (error?: Error) => void): void;
  /**
   * Queues one message already framed (`broadcastFrame`), shared by every socket of a broadcast;
   * optional (without it the doc's sends go through `send`). A failed write closes the socket.
   */
  sendFrame?(frame: Uint8Array): void;
  close(code: number, reason: string): void;
  /** Cuts the connection without a closing handshake. */
  terminate(): void;
  /** Between cork and uncork, sends leave in one write; optional (a no-op where absent). */
  cork?(): void;
  uncork?(): void;
  onMessage(listener: (data: Uint8Array, isBinary: boolean) => void): void;
  onClose(listener: () => void): void;
  onError(listener: () => void): void;
}

/** A `ws` WebSocket as a SyncTransport. */
export function wsTransport(ws: WebSocket): SyncTransport {
  ws.binaryType = 'nodebuffer';
  answerOversizedWith4413(ws);
  return {
    get isOpen() {
      return ws.readyState === ws.OPEN;
    },
    get bufferedAmount() {
      return ws.bufferedAmount;
    },
    send: (message, done) => ws.send(message, done),
    sendFrame: (frame) => rawSocketOf(ws)?.write(frame),
    close: (code, reason) => ws.close(code, reason),
    terminate: () => ws.terminate(),
    cork: () => rawSocketOf(ws)?.cork(),
    uncork: () => rawSocketOf(ws)?.uncork(),
    onMessage: (listener) => ws.on('message', (data, isBinary) => listener(data as Buffer, isBinary)),
    onClose: (listener) => ws.on('close', listener),
    onError: (listener) => ws.on('error', listener),
  };
}

/**
 * A frame over ws's hard `maxPayload` is refused by ws itself with 1009 before any 'message'
 * event, so `receive` never sees it. The contract (DESIGN §9) promises 4413 for every oversized
 * message, and the stock provider treats 1009 as transient and would resend the same update
 * forever. ws uses 1009 for nothing else here (permessage-deflate is off), so it is renamed.
 */
function answerOversizedWith4413(ws: WebSocket): void {
  const close = ws.close.bind(ws);
  ws.close = (code?: number, reason?: string | Buffer) =>
    code === 1009 ? close(CloseCode.TooLarge, 'message too large') : close(code, reason);
}

/** The socket under a ws WebSocket: what cork, uncork and framed writes need. */
interface RawSocket {
  cork(): void;
  uncork(): void;
  write(data: Uint8Array): boolean;
}

/**
 * ws has no public cork, but every WebSocket keeps its net.Socket as `_socket` (ws 8), and ws's
 * own sender corks it around each frame; nested corks hold the frames until the outer uncork.
 */
function rawSocketOf(ws: WebSocket): RawSocket | undefined {
  return (ws as unknown as { _socket?: RawSocket })._socket;
}

/** ws's framing, public since ws 2 (`Sender.frame`, made for broadcasts) but absent from @types/ws. */
const { Sender } = wsModule as unknown as {
  Sender: {
    frame(
      data: Uint8Array,
      options: { fin: boolean; opcode: number; mask: boolean; readOnly: boolean; rsv1: boolean },
    ): Uint8Array[];
  };
};
const BINARY_OPCODE = 2;

/**
 * One binary message as a whole WebSocket frame, to be written as it is to every socket of a
 * broadcast (issue #18). `ws.send` frames each send anew and writes header and payload as two
 * buffers (a cork, two writes, a `writev`); a board's broadcast reaches a hundred sockets, so it
 * is framed once here with ws's own `Sender.frame` (lpinca added it for exactly this, ws#1016).
 * Writing beside ws's sender is safe while it never queues: permessage-deflate is off
 * (SyncServer) and only Buffers are sent, so ws writes each frame at once, in call order.
 */
export function broadcastFrame(message: Uint8Array): Uint8Array {
  const parts = Sender.frame(message, { fin: true, opcode: BINARY_OPCODE, mask: false, readOnly: false, rsv1: false });
  return parts.length === 1 ? (parts[0] as Uint8Array) : Buffer.concat(parts);
}
