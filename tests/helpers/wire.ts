import * as encoding from 'lib0/encoding';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import type { Cleanup } from './cleanup.js';

/**
 * Hand-made y-websocket frames and a raw socket that records its close code — what a hostile or
 * broken client would send, which the stock provider never does. Frame layout (y-protocols):
 * varUint message type (0 sync, 1 awareness, 3 query awareness), sync sub-type (0 step 1,
 * 1 step 2, 2 update), then a varUint-length-prefixed payload. Encoded with lib0, as y-protocols
 * does, so the byte layout is the library's and not a copy of it.
 */
function frame(head: number[], payload: Uint8Array): Uint8Array {
  return encoding.encode((e) => {
    for (const byte of head) encoding.writeVarUint(e, byte);
    encoding.writeVarUint8Array(e, payload);
  });
}

/** Sync step 1 with an empty state vector: "send me everything". */
export function encodeStep1(stateVector: Uint8Array = Y.encodeStateVector(new Y.Doc())): Uint8Array {
  return frame([0, 0], stateVector);
}

export function encodeUpdate(update: Uint8Array): Uint8Array {
  return frame([0, 2], update);
}

export const QUERY_AWARENESS = Uint8Array.of(3);

export interface RawSocket {
  ws: WebSocket;
  /** Resolves once the socket is open (rejects if it never opens). */
  opened: Promise<void>;
  /** Resolves with the close code and reason the server sent. */
  closed: Promise<{ code: number; reason: string }>;
  received: Uint8Array[];
  /** The error the client saw, e.g. "Unexpected server response: 403" for a refused upgrade. */
  error: Error | null;
}

export function rawSync(
  cleanup: Cleanup,
  port: number,
  docName: string,
  token: string | null,
  /** `saved`: opt in to the server's own messages (saved, read-only), as the app's client does. */
  options: { origin?: string; saved?: boolean } = {},
): RawSocket {
  const params = new URLSearchParams();
  if (token !== null) params.set('token', token);
  if (options.saved) params.set('saved', '1');
  const query = params.size > 0 ? `?${params}` : '';
  const ws = new WebSocket(
    `ws://localhost:${port}/sync/${docName}${query}`,
    options.origin === undefined ? {} : { origin: options.origin },
  );
  cleanup.add(ws, (s) => s.terminate());
  const received: Uint8Array[] = [];
  ws.on('message', (data) => received.push(new Uint8Array(data as Buffer)));
  const opened = new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('close', () => reject(new Error('closed before open')));
  });
  opened.catch(() => undefined);
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() }));
  });
  const socket: RawSocket = { ws, opened, closed, received, error: null };
  ws.on('error', (error) => {
    socket.error = error;
  });
  return socket;
}

/** Waits for the server's close with a deadline, so a missing refusal fails instead of hanging. */
export async function closeCodeOf(socket: RawSocket, timeoutMs = 5_000): Promise<number> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`socket not closed within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    return (await Promise.race([socket.closed, deadline])).code;
  } finally {
    clearTimeout(timer);
  }
}
