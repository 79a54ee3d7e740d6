import { addCard, CloseCode, deleteCard, listCards, moveCard, parseDocName, setCardText } from '@warsztat/shared';
import { afterEach, describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import * as Y from 'yjs';
import type { Limits } from '../../server/src/index.js';
import { Cleanup } from '../helpers/cleanup.js';
import { waitFor } from '../helpers/poll.js';
import { connectBoard, converged, openBoard, roundTrip, textsOf } from '../helpers/provider.js';
import { breakoutRoom as room } from '../helpers/room.js';
import { docOfParticipant, getWorkshop, runCommand, setupWorkshop, startTestServer } from '../helpers/server.js';
import { closeCodeOf, encodeStep1, encodeUpdate, QUERY_AWARENESS, rawSync } from '../helpers/wire.js';

/**
 * The sync plane with the stock y-websocket provider (DESIGN §2, §3, §9): convergence, read-only
 * projector, per-group rights, and the named close codes for every refusal.
 */
const cleanup = new Cleanup();
afterEach(() => cleanup.run());
const breakoutRoom = (limits: Partial<Limits> = {}) => room(cleanup, limits);

/** A card made on a throwaway doc, as the update bytes a client would send. */
function cardUpdate(text: string): Uint8Array {
  const doc = new Y.Doc();
  addCard(doc, { sectionId: 'needs', text });
  return Y.encodeStateAsUpdate(doc);
}

describe('sync plane', () => {
  it("converges the facilitator's and a group member's boards, including concurrent edits", async () => {
    const room = await breakoutRoom();
    const { port } = room.t;
    const facilitator = await openBoard(cleanup, port, room.anna.docName, room.facilitatorToken);
    const anna = await openBoard(cleanup, port, room.anna.docName, room.anna.token);

    const needs = addCard(facilitator.doc, { sectionId: 'needs', text: 'usługi opiekuńcze', authorId: 'f' });
    const gaps = addCard(anna.doc, { sectionId: 'gaps', text: 'Brak kadr' });
    addCard(anna.doc, { sectionId: 'gaps', text: 'Brak transportu' });
    expect(await converged(facilitator, anna)).toEqual([
      'gaps:Brak kadr',
      'gaps:Brak transportu',
      'needs:usługi opiekuńcze',
    ]);

    // Both edit at once, without waiting for each other: typing in one card, a move, a delete, an add.
    setCardText(facilitator.doc, needs, 'całodobowe usługi opiekuńcze');
    setCardText(anna.doc, needs, 'usługi opiekuńcze w domu');
    moveCard(facilitator.doc, gaps, 'recommendations');
    addCard(anna.doc, { sectionId: 'resources', text: 'Klub seniora' });
    deleteCard(facilitator.doc, listCards(facilitator.doc).find((c) => c.text === 'Brak transportu')?.id ?? '');
    expect(await converged(facilitator, anna)).toEqual([
      'needs:całodobowe usługi opiekuńcze w domu',
      'recommendations:Brak kadr',
      'resources:Klub seniora',
    ]);

    // A third client that joins now gets the whole board from the server.
    const late = await openBoard(cleanup, port, room.anna.docName, room.facilitatorToken);
    expect(textsOf(late)).toEqual(textsOf(anna));
  });

  it("refuses a projector's update and keeps the board intact while the projector stays live", async () => {
    const room = await breakoutRoom();
    const { port } = room.t;
    const doc = room.anna.docName;
    const facilitator = await openBoard(cleanup, port, doc, room.facilitatorToken);
    const anna = await openBoard(cleanup, port, doc, room.anna.token);
    const kept = addCard(facilitator.doc, { sectionId: 'needs', text: 'Mieszkania wspomagane' });
    await converged(facilitator, anna);

    // The projector reads the board …
    const projector = await openBoard(cleanup, port, doc, room.projectorToken);
    expect(textsOf(projector)).toEqual(['needs:Mieszkania wspomagane']);

    // … and everything it writes locally is dropped by the server, presence included.
    projector.provider.awareness.setLocalStateField('user', { name: 'projector' });
    anna.provider.awareness.setLocalStateField('user', { name: 'Anna' });
    addCard(projector.doc, { sectionId: 'gaps', text: 'PROJECTOR WAS HERE' });
    setCardText(projector.doc, kept, 'overwritten by the projector');
    await roundTrip(projector);
    deleteCard(projector.doc, kept);
    await roundTrip(projector);

    // Others keep syncing, and the projector keeps receiving their edits.
    addCard(anna.doc, { sectionId: 'resources', text: 'Asystencja osobista' });
    await converged(facilitator, anna);
    await waitFor(
      () => listCards(projector.doc).some((c) => c.text === 'Asystencja osobista'),
      5_000,
      'projector sees a new card',
    );

    await waitFor(
      () => facilitator.provider.awareness.getStates().has(anna.doc.clientID),
      5_000,
      "Anna's presence reaches the facilitator",
    );
    expect(facilitator.provider.awareness.getStates().has(projector.doc.clientID)).toBe(false);

    // What the server holds — read by a fresh client — never saw the projector's edits.
    const fresh = await openBoard(cleanup, port, doc, room.facilitatorToken);
    const expected = ['needs:Mieszkania wspomagane', 'resources:Asystencja osobista'];
    expect(textsOf(fresh)).toEqual(expected);
    expect(textsOf(facilitator)).toEqual(expected);
    expect(textsOf(anna)).toEqual(expected);
  });

  it("refuses a participant on another group's board with 4403 and leaves that board unchanged", async () => {
    const room = await breakoutRoom();
    const { port } = room.t;
    const bartek = await openBoard(cleanup, port, room.bartek.docName, room.bartek.token);
    addCard(bartek.doc, { sectionId: 'needs', text: 'Praca Bartka' });
    const facilitator = await openBoard(cleanup, port, room.bartek.docName, room.facilitatorToken);
    await converged(bartek, facilitator);

    // Anna writes to Bartek's board with hand-made frames: refused, and nothing is applied.
    const intruder = rawSync(cleanup, port, room.bartek.docName, room.anna.token);
    await intruder.opened;
    intruder.ws.send(encodeStep1());
    intruder.ws.send(encodeUpdate(cardUpdate('intruder')));
    expect(await closeCodeOf(intruder)).toBe(CloseCode.Forbidden);

    // The stock provider sees the same refusal and stops retrying (4400–4499 are final for it).
    const provider = connectBoard(cleanup, port, room.bartek.docName, room.anna.token);
    const closed = await new Promise<number>((resolve) => provider.provider.once('closed', (e) => resolve(e.code)));
    expect(closed).toBe(CloseCode.Forbidden);
    addCard(provider.doc, { sectionId: 'needs', text: 'intruder via provider' });
    expect(provider.provider.shouldConnect).toBe(false);

    const fresh = await openBoard(cleanup, port, room.bartek.docName, room.facilitatorToken);
    expect(textsOf(fresh)).toEqual(['needs:Praca Bartka']);
    addCard(bartek.doc, { sectionId: 'needs', text: 'Dalsza praca' });
    expect(await converged(bartek, facilitator, fresh)).toEqual(['needs:Praca Bartka', 'needs:Dalsza praca']);
  });

  it('refuses a missing or unknown token with 4401', async () => {
    const room = await breakoutRoom();
    const { port } = room.t;
    for (const token of [null, '', 'AAAAAAAAAAAAAAAAAAAAAA', 'x'.repeat(500)]) {
      const socket = rawSync(cleanup, port, room.anna.docName, token);
      socket.ws.on('open', () => socket.ws.send(encodeStep1()));
      expect(await closeCodeOf(socket)).toBe(CloseCode.Unauthorized);
    }
  });

  it('refuses a token on a document of another workshop or a made-up document with 4403', async () => {
    const room = await breakoutRoom();
    const other = await setupWorkshop(room.t.url, []);
    const otherState = await getWorkshop(room.t.url, other.workshop.id, other.workshop.facilitatorToken);
    const otherDoc = otherState.groups[0]?.docName ?? '';
    const workshopId = parseDocName(room.anna.docName)?.workshopId;
    for (const doc of [otherDoc, `${workshopId}.no-such-group`, `${workshopId}`, `${room.anna.docName}.x`]) {
      const socket = rawSync(cleanup, room.t.port, doc, room.facilitatorToken);
      expect(await closeCodeOf(socket)).toBe(CloseCode.Forbidden);
    }
  });

  it('refuses a document name with broken percent-encoding with 4403 and keeps serving', async () => {
    const room = await breakoutRoom();
    const { port, url } = room.t;
    const anna = await openBoard(cleanup, port, room.anna.docName, room.anna.token);
    // Regression: decoding "%E0%A4%A" threw inside the upgrade handler, an uncaught exception that
    // took the whole process down.
    for (const name of ['%E0%A4%A', `${room.anna.docName}%`]) {
      expect(await closeCodeOf(rawSync(cleanup, port, name, room.facilitatorToken))).toBe(CloseCode.Forbidden);
    }
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    const facilitator = await openBoard(cleanup, port, room.anna.docName, room.facilitatorToken);
    addCard(anna.doc, { sectionId: 'needs', text: 'dalej działa' });
    expect(await converged(anna, facilitator)).toEqual(['needs:dalej działa']);
  });

  it('closes a socket that sends malformed bytes with 4400 and leaves the other clients syncing', async () => {
    const room = await breakoutRoom();
    const { port } = room.t;
    const facilitator = await openBoard(cleanup, port, room.anna.docName, room.facilitatorToken);
    const anna = await openBoard(cleanup, port, room.anna.docName, room.anna.token);
    addCard(anna.doc, { sectionId: 'needs', text: 'przed' });
    await converged(facilitator, anna);

    const malformed: Array<Uint8Array | string> = [
      Uint8Array.of(99), // unknown message type
      Uint8Array.of(0, 7, 0), // unknown sync sub-type
      Uint8Array.of(0, 2, 200), // length prefix longer than the frame
      encodeUpdate(Uint8Array.of(255, 255, 255)), // well-framed, but not a Yjs update
      'hello', // a text frame
    ];
    for (const bytes of malformed) {
      const socket = rawSync(cleanup, port, room.anna.docName, room.anna.token);
      await socket.opened;
      socket.ws.send(bytes);
      expect(await closeCodeOf(socket)).toBe(CloseCode.Malformed);
    }

    addCard(facilitator.doc, { sectionId: 'needs', text: 'po' });
    expect(await converged(facilitator, anna)).toEqual(['needs:przed', 'needs:po']);
    const fresh = await openBoard(cleanup, port, room.anna.docName, room.facilitatorToken);
    expect(textsOf(fresh)).toEqual(['needs:przed', 'needs:po']);
  });

  it('closes a socket whose message is over the size limit with 4413 (not 1009)', async () => {
    const room = await breakoutRoom({ maxSyncMessageBytes: 1024 });
    const { port } = room.t;
    const facilitator = await openBoard(cleanup, port, room.anna.docName, room.facilitatorToken);
    const anna = await openBoard(cleanup, port, room.anna.docName, room.anna.token);

    const big = rawSync(cleanup, port, room.anna.docName, room.anna.token);
    await big.opened;
    big.ws.send(encodeUpdate(cardUpdate('x'.repeat(2_000))));
    expect(await closeCodeOf(big)).toBe(CloseCode.TooLarge);

    // Far over the limit is still our 4413, not the library's hard stop.
    const huge = rawSync(cleanup, port, room.anna.docName, room.anna.token);
    await huge.opened;
    huge.ws.send(new Uint8Array(64 * 1024));
    expect(await closeCodeOf(huge)).toBe(CloseCode.TooLarge);

    addCard(anna.doc, { sectionId: 'needs', text: 'small card' });
    expect(await converged(facilitator, anna)).toEqual(['needs:small card']);
  });

  it('closes a socket that floods messages with 4429 and leaves the other clients syncing', async () => {
    const room = await breakoutRoom({ syncMessagesPerSecond: 5 });
    const { port } = room.t;
    const facilitator = await openBoard(cleanup, port, room.anna.docName, room.facilitatorToken);
    const anna = await openBoard(cleanup, port, room.anna.docName, room.anna.token);

    const flood = rawSync(cleanup, port, room.anna.docName, room.anna.token);
    await flood.opened;
    for (let i = 0; i < 100; i++) flood.ws.send(QUERY_AWARENESS);
    expect(await closeCodeOf(flood)).toBe(CloseCode.TooManyMessages);

    addCard(anna.doc, { sectionId: 'needs', text: 'spokojnie' });
    expect(await converged(facilitator, anna)).toEqual(['needs:spokojnie']);
  });

  it("drops a participant's edits in the lobby, before any breakout", async () => {
    const t = await startTestServer(cleanup);
    const { workshop: w, participants } = await setupWorkshop(t.url, ['Anna']);
    const [annaJoin] = participants;
    if (!annaJoin) throw new Error('no participant');
    const state = await runCommand(t.url, w.id, w.facilitatorToken, { type: 'assign', mode: 'auto' });
    expect(state.phase).toBe('lobby');
    const docName = docOfParticipant(state, annaJoin.participantId);
    const anna = await openBoard(cleanup, t.port, docName, annaJoin.token);
    addCard(anna.doc, { sectionId: 'needs', text: 'za wcześnie' });
    await roundTrip(anna);
    const fresh = await openBoard(cleanup, t.port, docName, w.facilitatorToken);
    expect(textsOf(fresh)).toEqual([]);
  });

  it('drops every edit, facilitator or participant, once the workshop is closed', async () => {
    const room = await breakoutRoom();
    const { port, url } = room.t;
    const workshopId = parseDocName(room.anna.docName)?.workshopId;
    const id = workshopId ?? '';
    const facilitator = await openBoard(cleanup, port, room.anna.docName, room.facilitatorToken);
    const anna = await openBoard(cleanup, port, room.anna.docName, room.anna.token);
    addCard(anna.doc, { sectionId: 'needs', text: 'w trakcie' });
    await converged(facilitator, anna);

    await runCommand(url, id, room.facilitatorToken, { type: 'phase', to: 'closed' });
    addCard(anna.doc, { sectionId: 'needs', text: 'po zamknięciu (uczestnik)' });
    addCard(facilitator.doc, { sectionId: 'needs', text: 'po zamknięciu (prowadzący)' });
    await roundTrip(anna);
    await roundTrip(facilitator);

    const fresh = await openBoard(cleanup, port, room.anna.docName, room.facilitatorToken);
    expect(textsOf(fresh)).toEqual(['needs:w trakcie']);
  });

  it("closes a moved participant's socket on the old board at once (4403) and moves write rights with them", async () => {
    const room = await breakoutRoom();
    const { port, url } = room.t;
    const workshopId = parseDocName(room.anna.docName)?.workshopId;
    const state = await getWorkshop(url, workshopId ?? '', room.facilitatorToken);
    const annaId = state.groups.find((g) => g.docName === room.anna.docName)?.memberIds[0] ?? '';
    const targetId = state.groups.find((g) => g.docName === room.bartek.docName)?.id ?? '';
    const annaOnA = rawSync(cleanup, port, room.anna.docName, room.anna.token);
    await annaOnA.opened;
    await waitFor(() => annaOnA.received.length > 0);
    const bartek = await openBoard(cleanup, port, room.bartek.docName, room.bartek.token);

    await runCommand(url, workshopId ?? '', room.facilitatorToken, {
      type: 'move',
      participantId: annaId,
      groupId: targetId,
    });
    // Her open socket on the old board is closed as soon as the move is stored …
    expect(await closeCodeOf(annaOnA, 1_000)).toBe(CloseCode.Forbidden);
    // … a new socket there is refused …
    expect(await closeCodeOf(rawSync(cleanup, port, room.anna.docName, room.anna.token))).toBe(CloseCode.Forbidden);
    const oldBoard = await openBoard(cleanup, port, room.anna.docName, room.facilitatorToken);
    expect(textsOf(oldBoard)).toEqual([]);
    // … and her new group's board takes her edits.
    const annaOnB = await openBoard(cleanup, port, room.bartek.docName, room.anna.token);
    addCard(annaOnB.doc, { sectionId: 'needs', text: 'w nowej grupie' });
    expect(await converged(annaOnB, bartek)).toEqual(['needs:w nowej grupie']);
  });

  it('unloads an idle board after the grace period and serves it again, complete, from the store', async () => {
    const room = await breakoutRoom({ docUnloadGraceMs: 50 });
    const { port, url } = room.t;
    const metric = async (name: string) => {
      const text = await (await fetch(`${url}/metrics`)).text();
      return Number(new RegExp(`^${name} (\\d+)$`, 'm').exec(text)?.[1]);
    };
    const anna = await openBoard(cleanup, port, room.anna.docName, room.anna.token);
    for (let i = 0; i < 5; i++) addCard(anna.doc, { sectionId: 'needs', text: `karta ${i}` });
    const watcher = await openBoard(cleanup, port, room.anna.docName, room.facilitatorToken);
    const cards = await converged(anna, watcher);
    expect(await metric('warsztat_sync_docs_loaded')).toBe(1);
    expect(await metric('warsztat_sync_connections')).toBe(2);

    anna.provider.destroy();
    watcher.provider.destroy();
    await waitFor(async () => (await metric('warsztat_sync_connections')) === 0, 5_000, 'sockets closed');
    await waitFor(async () => (await metric('warsztat_sync_docs_loaded')) === 0, 5_000, 'idle board unloaded');

    const again = await openBoard(cleanup, port, room.anna.docName, room.anna.token);
    expect(textsOf(again)).toEqual(cards);
    expect(await metric('warsztat_sync_docs_loaded')).toBe(1);
  });

  it('refuses a sync upgrade from a foreign Origin and accepts one from its own host', async () => {
    const room = await breakoutRoom();
    const { port } = room.t;
    const foreign = rawSync(cleanup, port, room.anna.docName, room.anna.token, { origin: 'https://evil.example' });
    await expect(foreign.opened).rejects.toThrow();
    expect(foreign.error?.message).toContain('403');

    const own = rawSync(cleanup, port, room.anna.docName, room.anna.token, { origin: `http://localhost:${port}` });
    await own.opened;
    await waitFor(() => own.received.length > 0, 5_000, 'step 1 from the server');
    expect(own.received[0]?.slice(0, 2)).toEqual(Uint8Array.of(0, 0));
  });

  it("shares presence within the group and drops a participant's presence as soon as their socket dies", async () => {
    const room = await breakoutRoom();
    const { port } = room.t;
    const facilitator = await openBoard(cleanup, port, room.anna.docName, room.facilitatorToken);
    const anna = await openBoard(cleanup, port, room.anna.docName, room.anna.token);
    anna.provider.awareness.setLocalStateField('user', { name: 'Anna' });
    await waitFor(
      () => facilitator.provider.awareness.getStates().get(anna.doc.clientID)?.user?.name === 'Anna',
      5_000,
      "Anna's presence reaches the facilitator",
    );

    // No goodbye message: the TCP connection just dies (a closed laptop lid), and she does not retry.
    anna.provider.shouldConnect = false;
    (anna.provider.ws as unknown as WebSocket | null)?.terminate();
    await waitFor(
      () => !facilitator.provider.awareness.getStates().has(anna.doc.clientID),
      5_000,
      "Anna's presence removed by the server",
    );
  });
});
