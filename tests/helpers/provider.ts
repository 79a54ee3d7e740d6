import { listCards } from '@warsztat/shared';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { Cleanup } from './cleanup.js';
import { waitFor } from './poll.js';
import { encodeStep1 } from './wire.js';

/**
 * The stock y-websocket client, unmodified (DESIGN §2), run in Node with `ws` as its WebSocket.
 *
 * `disableBc`: Node 20 has a global BroadcastChannel, and providers in one process with the same
 * room would sync through it behind the server's back — a projector's write would then reach other
 * test clients without the server ever being asked. Every test client must go through the server.
 */
export interface Board {
  doc: Y.Doc;
  provider: WebsocketProvider;
}

export function connectBoard(cleanup: Cleanup, port: number, docName: string, token: string | null): Board {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`ws://localhost:${port}/sync`, docName, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params: token === null ? {} : { token },
    disableBc: true,
  });
  cleanup.add(provider, (p) => {
    p.destroy();
    doc.destroy();
  });
  return { doc, provider };
}

/** Connects and waits until the provider has the server's state (its `synced` flag). */
export async function openBoard(cleanup: Cleanup, port: number, docName: string, token: string): Promise<Board> {
  const board = connectBoard(cleanup, port, docName, token);
  await waitFor(() => board.provider.synced, 5_000, `provider on ${docName} synced`);
  return board;
}

/**
 * A round trip through the server on this provider's own socket. The server handles one socket's
 * messages strictly in order, so once the answer to this sync step 1 (a step 2) is back, every
 * message the provider sent earlier has been handled — applied or dropped. This is how a test
 * proves a negative ("the projector's edit was never applied") without sleeping.
 */
export async function roundTrip(board: Board, timeoutMs = 5_000): Promise<void> {
  const ws = board.provider.ws as unknown as WebSocket | null;
  if (!ws || ws.readyState !== WebSocket.OPEN) throw new Error('roundTrip: provider is not connected');
  let answered = false;
  const onMessage = (data: ArrayBuffer | Buffer) => {
    const bytes = new Uint8Array(data as ArrayBuffer);
    // [0 sync, 1 step2, …] is only ever sent in answer to a step 1.
    if (bytes[0] === 0 && bytes[1] === 1) answered = true;
  };
  ws.on('message', onMessage);
  try {
    ws.send(encodeStep1());
    await waitFor(() => answered, timeoutMs, 'sync step 2 answer');
  } finally {
    ws.off('message', onMessage);
  }
}

/** A board as comparable text: `sectionId:text` per card, in board order. */
export function textsOf(board: Board): string[] {
  return listCards(board.doc).map((c) => `${c.sectionId}:${c.text}`);
}

/** Waits until every board shows the same cards (each via its own socket), and returns them. */
export async function converged(...boards: Board[]): Promise<string[]> {
  const first = boards[0];
  if (!first) throw new Error('converged: no boards');
  const same = () => boards.every((b) => JSON.stringify(textsOf(b)) === JSON.stringify(textsOf(first)));
  await waitFor(same, 10_000, 'boards converge');
  return textsOf(first);
}
