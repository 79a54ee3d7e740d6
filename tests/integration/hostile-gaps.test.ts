import { addCard, CloseCode, listCards } from '@warsztat/shared';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Cleanup } from '../helpers/cleanup.js';
import { duringAttack, expectFriendEditsSurvive, hostileRoom } from '../helpers/hostile.js';
import { afterAGap, deleteOf, intoUnknownCard } from '../helpers/hostileUpdates.js';
import { waitFor } from '../helpers/poll.js';
import { openBoard } from '../helpers/provider.js';
import { closeCodeOf, encodeStep1, encodeUpdate, type RawSocket, rawSync } from '../helpers/wire.js';

/**
 * Issue #14, "updates with missing dependencies": Yjs keeps an update that refers to content it
 * lacks as pending structs, without bound, and serves them to newcomers in their first sync
 * although they were never stored (20 MB of them in the report). Now such an update never enters
 * the doc: its socket holds a bounded few (256 updates or 1 MiB) until what they build on arrives,
 * refuses the socket past that (4422), and drops them when it closes.
 */
const cleanup = new Cleanup();
afterEach(() => cleanup.run());

/** Resolves once the server answered a step 1 sent now: everything sent before it was handled. */
async function roundTrip(socket: RawSocket): Promise<void> {
  let answered = false;
  const listener = (data: Buffer) => {
    if (data[0] === 0 && data[1] === 1) answered = true;
  };
  socket.ws.on('message', listener);
  socket.ws.send(encodeStep1());
  await waitFor(() => answered, 10_000, 'step 2 answer');
  socket.ws.off('message', listener);
}

describe('a hostile participant sending updates with missing dependencies', () => {
  it('never shows them to anyone, holds only a bounded few per socket (4422 past it)', async () => {
    const room = await hostileRoom(cleanup);
    const { result, slowestMs } = await duringAttack(room.server.url, async () => {
      const socket = rawSync(cleanup, room.server.port, room.docName, room.attacker);
      await socket.opened;
      for (let i = 0; i < 20; i++) socket.ws.send(encodeUpdate(afterAGap(`z luką ${i}`)));
      socket.ws.send(encodeUpdate(intoUnknownCard('dopisek do nieznanej karty')));
      socket.ws.send(encodeUpdate(deleteOf(424242)));
      await roundTrip(socket);
      // A newcomer's first sync holds nothing of it (pending structs were served before the fix).
      const newcomer = await openBoard(cleanup, room.server.port, room.docName, room.facilitatorToken);
      const seen = listCards(newcomer.doc).map((c) => c.text);
      const pending = [newcomer.doc.store.pendingStructs, newcomer.doc.store.pendingDs];
      newcomer.provider.destroy();
      // Past the bound the socket is refused, and what it held is gone with it.
      for (let i = 0; i < 300; i++) socket.ws.send(encodeUpdate(afterAGap(`jeszcze ${i}`)));
      return { seen, pending, code: await closeCodeOf(socket, 10_000) };
    });
    expect(result.seen).toEqual([]);
    expect(result.pending).toEqual([null, null]);
    expect(result.code).toBe(CloseCode.UpdateRefused);
    expect(slowestMs).toBeLessThan(1_000);
    await expectFriendEditsSurvive(cleanup, room, 'po luce');
  }, 120_000);

  it('applies a held update once the content it builds on arrives on the same socket', async () => {
    const room = await hostileRoom(cleanup);
    const doc = new Y.Doc();
    addCard(doc, { sectionId: 'needs', text: 'pierwsza' });
    const first = Y.encodeStateAsUpdate(doc);
    const before = Y.encodeStateVector(doc);
    addCard(doc, { sectionId: 'needs', text: 'druga' });
    const second = Y.encodeStateAsUpdate(doc, before);
    const socket = rawSync(cleanup, room.server.port, room.docName, room.attacker);
    await socket.opened;
    // The order a reconnecting provider can produce: a new edit before the step 2 it builds on.
    socket.ws.send(encodeUpdate(second));
    socket.ws.send(encodeUpdate(first));
    await roundTrip(socket);
    const reader = await openBoard(cleanup, room.server.port, room.docName, room.facilitatorToken);
    await waitFor(() => listCards(reader.doc).length === 2);
    expect(listCards(reader.doc).map((c) => c.text)).toEqual(['pierwsza', 'druga']);
  }, 120_000);
});
