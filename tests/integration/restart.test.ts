import { addCard, deleteCard, listCards, moveCard, setCardText } from '@warsztat/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { startServer } from '../../server/src/index.js';
import { Cleanup } from '../helpers/cleanup.js';
import { waitFor } from '../helpers/poll.js';
import { converged, openBoard, textsOf } from '../helpers/provider.js';
import {
  docOfParticipant,
  getWorkshop,
  joinWorkshop,
  runCommand,
  setupWorkshop,
  startTestServer,
  type TestServer,
} from '../helpers/server.js';
import { storeKinds } from '../helpers/stores.js';

/**
 * Persistence across a restart (DESIGN §4): everything a client was told is stored, and stock
 * providers ride through a restart on the same port without help — on SQLite and PostgreSQL.
 */
const kinds = storeKinds();
const cleanup = new Cleanup();
afterEach(() => cleanup.run());

/** A workshop in breakout with Anna and Bartek in different groups; returns their doc names. */
async function breakout(t: TestServer) {
  const { workshop, participants } = await setupWorkshop(t.url, ['Anna', 'Bartek']);
  const [anna, bartek] = participants;
  if (!anna || !bartek) throw new Error('two participants expected');
  await runCommand(t.url, workshop.id, workshop.facilitatorToken, { type: 'assign', mode: 'auto' });
  const state = await runCommand(t.url, workshop.id, workshop.facilitatorToken, {
    type: 'phase',
    to: 'breakout',
    minutes: 45,
  });
  return {
    workshop,
    anna: { ...anna, docName: docOfParticipant(state, anna.participantId) },
    bartek: { ...bartek, docName: docOfParticipant(state, bartek.participantId) },
  };
}

describe.each(kinds)('server restart ($name)', (kind) => {
  const start = async () => startTestServer(cleanup, {}, { databaseUrl: await kind.newDatabase(cleanup) });

  it('keeps the workshop, participants, assignment, phase, timer and every card on the same database', async () => {
    const t = await start();
    const { workshop: w, anna, bartek } = await breakout(t);
    // Late joiners during a breakout are placed into groups at once; their places must survive too.
    await Promise.all(Array.from({ length: 30 }, (_, i) => joinWorkshop(t.url, w.joinCode, `Spóźniony ${i}`)));
    const before = await getWorkshop(t.url, w.id, w.facilitatorToken);
    expect(before.participants).toHaveLength(32);

    const facilitatorBoard = await openBoard(cleanup, t.port, anna.docName, w.facilitatorToken);
    const annaBoard = await openBoard(cleanup, t.port, anna.docName, anna.token);
    const bartekBoard = await openBoard(cleanup, t.port, bartek.docName, bartek.token);
    const respite = addCard(annaBoard.doc, { sectionId: 'needs', text: 'Opieka wytchnieniowa', authorId: 'a' });
    const staff = addCard(annaBoard.doc, { sectionId: 'gaps', text: 'Brak kadr' });
    const doomed = addCard(facilitatorBoard.doc, { sectionId: 'resources', text: 'do usunięcia' });
    addCard(facilitatorBoard.doc, { sectionId: 'recommendations', text: 'Centrum usług społecznych' });
    await converged(facilitatorBoard, annaBoard);
    setCardText(annaBoard.doc, respite, 'Opieka wytchnieniowa w gminie');
    moveCard(facilitatorBoard.doc, staff, 'recommendations', null);
    deleteCard(facilitatorBoard.doc, doomed);
    addCard(bartekBoard.doc, { sectionId: 'needs', text: 'Rodziny zastępcze' });
    await converged(facilitatorBoard, annaBoard);
    // Another client has everything, so the server has stored it (it persists before it broadcasts).
    const bartekWatcher = await openBoard(cleanup, t.port, bartek.docName, w.facilitatorToken);
    await converged(bartekBoard, bartekWatcher);
    const annaCards = listCards(annaBoard.doc);
    const bartekCards = listCards(bartekBoard.doc);
    expect(annaCards.map((c) => c.text)).toEqual([
      'Opieka wytchnieniowa w gminie',
      'Centrum usług społecznych',
      'Brak kadr',
    ]);
    for (const board of [facilitatorBoard, annaBoard, bartekBoard, bartekWatcher]) board.provider.destroy();

    const t2 = await t.restart();
    expect(t2.port).not.toBe(0);

    const after = await getWorkshop(t2.url, w.id, w.facilitatorToken);
    expect(after).toEqual(before);
    expect(after.phase).toBe('breakout');
    expect(after.timer.endsAt).toBe(before.timer.endsAt);
    expect(after.groups.find((g) => g.docName === anna.docName)?.memberIds).toContain(anna.participantId);

    // Every card, with its id, rank, author and time, from a fresh client — and the old tokens still work.
    const annaAgain = await openBoard(cleanup, t2.port, anna.docName, anna.token);
    const bartekAgain = await openBoard(cleanup, t2.port, bartek.docName, w.facilitatorToken);
    expect(listCards(annaAgain.doc)).toEqual(annaCards);
    expect(listCards(bartekAgain.doc)).toEqual(bartekCards);

    // And the restarted server keeps taking edits on the restored board.
    const watcher = await openBoard(cleanup, t2.port, anna.docName, w.facilitatorToken);
    addCard(annaAgain.doc, { sectionId: 'needs', text: 'po restarcie' });
    expect(await converged(annaAgain, watcher)).toContain('needs:po restarcie');
  });

  it('keeps every card another client has seen even when the server never drains (as after kill -9)', async () => {
    const t = await start();
    const { workshop: w, anna } = await breakout(t);
    const facilitatorBoard = await openBoard(cleanup, t.port, anna.docName, w.facilitatorToken);
    const annaBoard = await openBoard(cleanup, t.port, anna.docName, anna.token);
    for (let i = 0; i < 20; i++) addCard(annaBoard.doc, { sectionId: 'needs', text: `karta ${i}` });
    await converged(facilitatorBoard, annaBoard);

    // A second server on the same database while the first is still running: it reads only what the
    // first has committed, exactly what a crash would leave — no drain, no compaction on unload.
    const second = cleanup.add(await startServer({ port: 0, databaseUrl: t.databaseUrl }), (s) => s.close());
    const reader = await openBoard(cleanup, second.port, anna.docName, w.facilitatorToken);
    expect(listCards(reader.doc)).toEqual(listCards(facilitatorBoard.doc));
    expect((await getWorkshop(second.url, w.id, w.facilitatorToken)).phase).toBe('breakout');
  });

  it('a provider connected before a restart on the same port reconnects by itself and keeps syncing', async () => {
    const t = await start();
    const { workshop: w, anna } = await breakout(t);
    const facilitatorBoard = await openBoard(cleanup, t.port, anna.docName, w.facilitatorToken);
    const annaBoard = await openBoard(cleanup, t.port, anna.docName, anna.token);
    const first = addCard(annaBoard.doc, { sectionId: 'needs', text: 'przed restartem' });
    await converged(facilitatorBoard, annaBoard);

    const t2 = await t.restart({
      port: t.port,
      whileDown: async () => {
        await waitFor(() => !annaBoard.provider.wsconnected, 5_000, 'provider notices the restart');
        // Edits made while the server is down are kept locally and sent on reconnect.
        addCard(annaBoard.doc, { sectionId: 'gaps', text: 'napisane offline' });
        setCardText(annaBoard.doc, first, 'przed restartem (poprawione)');
      },
    });
    expect(t2.port).toBe(t.port);

    await waitFor(
      () => annaBoard.provider.synced && facilitatorBoard.provider.synced,
      15_000,
      'both providers resynced with the restarted server',
    );
    expect(await converged(facilitatorBoard, annaBoard)).toEqual([
      'gaps:napisane offline',
      'needs:przed restartem (poprawione)',
    ]);

    addCard(facilitatorBoard.doc, { sectionId: 'recommendations', text: 'po restarcie' });
    expect(await converged(facilitatorBoard, annaBoard)).toContain('recommendations:po restarcie');
    const fresh = await openBoard(cleanup, t2.port, anna.docName, w.facilitatorToken);
    expect(textsOf(fresh)).toEqual(textsOf(annaBoard));
  });
});
