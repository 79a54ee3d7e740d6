import { addCard, CloseCode } from '@warsztat/shared';
import * as decoding from 'lib0/decoding';
import { afterEach, describe, expect, it } from 'vitest';
import { ChildServer } from '../helpers/childServer.js';
import { Cleanup } from '../helpers/cleanup.js';
import { contains } from '../helpers/fuzzClient.js';
import { waitFor } from '../helpers/poll.js';
import { openBoard, textsOf } from '../helpers/provider.js';
import { breakoutWorkshop, docOfParticipant } from '../helpers/server.js';
import { closeCodeOf, rawSync } from '../helpers/wire.js';

/**
 * SIGTERM (a deploy, `docker stop`, Ctrl-C): the server flushes every accepted update, tells
 * clients to come back with 1012, exits 0 — and the same clients pick up where they were.
 */
const cleanup = new Cleanup();

/** The Yjs payload of a sync message (type 0, sub-type, length-prefixed bytes). */
function payloadOf(message: Uint8Array): Uint8Array {
  const decoder = decoding.createDecoder(message);
  decoding.readVarUint(decoder);
  decoding.readVarUint(decoder);
  return decoding.readVarUint8Array(decoder);
}
afterEach(() => cleanup.run());

describe('graceful shutdown', () => {
  it('drains on SIGTERM: closes with 1012, exits 0, loses nothing, and providers reconnect by themselves', async () => {
    const server = await ChildServer.start(cleanup);
    const { workshop, participants, state } = await breakoutWorkshop(server.url, ['Anna']);
    const anna = participants[0];
    if (!anna) throw new Error('no participant');
    const docName = docOfParticipant(state, anna.participantId);

    const board = await openBoard(cleanup, server.port, docName, anna.token);
    const watcher = rawSync(cleanup, server.port, docName, workshop.facilitatorToken);
    await watcher.opened;
    // A burst right before the signal: the drain must flush all of it. The signal follows the first
    // update the watcher hears of (a group commit sends its batch as one merged update, issue #18).
    for (let i = 0; i < 50; i++) addCard(board.doc, { sectionId: 'needs', text: `karta ${i}` });
    await waitFor(() => watcher.received.some((m) => m[0] === 0 && m[1] === 2));

    const exitCode = await server.kill('SIGTERM');
    expect(exitCode).toBe(0);
    expect(await closeCodeOf(watcher)).toBe(CloseCode.ServiceRestart);
    // Everything any client was sent is in the store before the process is gone.
    const stored = await server.readStoredDoc(docName);
    expect(watcher.received.filter((m) => m[0] === 0 && m[1] !== 0 && !contains(stored, payloadOf(m)))).toEqual([]);

    await server.boot();
    // The stock provider reconnects on its own and resyncs.
    await waitFor(() => board.provider.wsconnected && board.provider.synced, 15_000, 'provider reconnected');
    const fresh = await openBoard(cleanup, server.port, docName, workshop.facilitatorToken);
    expect(textsOf(fresh)).toHaveLength(50);
    expect(textsOf(fresh)).toEqual(textsOf(board));
  }, 60_000);
});
