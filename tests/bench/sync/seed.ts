import { WebSocket } from 'ws';
import type { Board } from './peers.js';
import {
  classify,
  encodeAuth,
  encodeStep1,
  encodeUpdate,
  HOCUSPOCUS_PING,
  HOCUSPOCUS_PONG,
  type Protocol,
} from './wire.js';

export interface Seeder {
  close(): void;
}

/**
 * Writes a board's content through the server's own protocol, then asks for sync step 2 and waits
 * for it: servers answer in order, so the answer means every update was applied (and, for
 * Warsztat, durable). The socket stays open — servers that unload an empty doc would otherwise
 * drop an in-memory board before the workload reads it.
 */
export async function seedBoard(
  protocol: Protocol,
  serverUrl: string,
  board: Board,
  updates: Uint8Array[],
): Promise<Seeder> {
  const url =
    protocol === 'hocuspocus'
      ? serverUrl
      : `${serverUrl}/${board.docName}${board.editorToken ? `?token=${encodeURIComponent(board.editorToken)}` : ''}`;
  const ws = new WebSocket(url, { perMessageDeflate: false, maxPayload: 256 * 1024 * 1024 });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  const answered = new Promise<void>((resolve, reject) => {
    ws.on('message', (data: Buffer) => {
      if (data.length === 1 && data[0] === HOCUSPOCUS_PING) return ws.send(Uint8Array.of(HOCUSPOCUS_PONG));
      if (classify(protocol, data).kind === 'step2') resolve();
    });
    ws.once('close', (code) => reject(new Error(`seeding ${board.docName}: closed ${code}`)));
  });
  if (protocol === 'hocuspocus') ws.send(encodeAuth(board.docName, board.editorToken ?? ''));
  for (const update of updates) ws.send(encodeUpdate(protocol, board.docName, update));
  // The state vector of everything just sent, so the answer is small: it arrives after the updates.
  ws.send(encodeStep1(protocol, board.docName, stateVectorOf(updates)));
  await answered;
  return { close: () => ws.terminate() };
}

import * as Y from 'yjs';

function stateVectorOf(updates: Uint8Array[]): Uint8Array {
  return Y.encodeStateVectorFromUpdate(Y.mergeUpdates(updates));
}
