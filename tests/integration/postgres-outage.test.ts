import { addCard } from '@warsztat/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { Cleanup } from '../helpers/cleanup.js';
import { connectControl, sendCommand, stateOf } from '../helpers/control.js';
import { waitFor } from '../helpers/poll.js';
import { sharedPostgres } from '../helpers/postgres.js';
import { type Board, converged, openBoard, textsOf } from '../helpers/provider.js';
import {
  api,
  docOfParticipant,
  runCommand,
  setupWorkshop,
  startTestServer,
  type TestServer,
} from '../helpers/server.js';
import { TcpRelay } from '../helpers/tcpRelay.js';

/**
 * PostgreSQL goes away mid-session (issue #9). Nothing may be acknowledged and then lost: control
 * writes are refused with `unavailable` (503) and not applied in memory, board edits are never
 * broadcast (the doc is dropped with 1011), and once the database is back the same server serves
 * again — the pool reconnects and providers resync what they kept locally.
 */
const postgres = sharedPostgres();
const cleanup = new Cleanup();
afterEach(() => cleanup.run());

async function breakoutOnPostgres() {
  const t = await startTestServer(cleanup, {}, { databaseUrl: await postgres.server.createDatabase() });
  const { workshop: w, participants } = await setupWorkshop(t.url, ['Anna', 'Bartek']);
  const anna = participants[0];
  if (!anna) throw new Error('Anna expected');
  await runCommand(t.url, w.id, w.facilitatorToken, { type: 'assign', mode: 'auto' });
  const state = await runCommand(t.url, w.id, w.facilitatorToken, { type: 'phase', to: 'breakout', minutes: 30 });
  return { t, w, anna: { ...anna, docName: docOfParticipant(state, anna.participantId) } };
}

/** Close codes a provider's socket received, in order. */
function closeCodes(board: Board): number[] {
  const codes: number[] = [];
  board.provider.on('connection-close', (event: CloseEvent | null) => {
    if (event) codes.push(event.code);
  });
  return codes;
}

async function health(t: TestServer) {
  return api<{ ok: boolean; store: string }>(t.url, 'GET', '/healthz');
}

describe('PostgreSQL outage', () => {
  it('refuses writes with a clear status while the database is down, loses nothing, and recovers', async () => {
    const { t, w, anna } = await breakoutOnPostgres();
    const facilitator = await connectControl(cleanup, t.url, w.facilitatorToken);
    const annaBoard = await openBoard(cleanup, t.port, anna.docName, anna.token);
    const watcher = await openBoard(cleanup, t.port, anna.docName, w.facilitatorToken);
    addCard(annaBoard.doc, { sectionId: 'needs', text: 'przed awarią' });
    await converged(annaBoard, watcher);
    const before = t.server.service.peek(w.id);
    const annaCloses = closeCodes(annaBoard);
    const watcherCloses = closeCodes(watcher);

    await postgres.server.stop();

    expect(await health(t)).toMatchObject({ status: 503, body: { ok: false, store: 'down' } });
    // REST: 503 with the code and a Retry-After, nothing applied.
    const rest = await api(t.url, 'POST', `/api/workshops/${w.id}/commands`, {
      token: w.facilitatorToken,
      body: { type: 'broadcast', text: 'nie dotrze', groupId: null },
    });
    expect(rest.status).toBe(503);
    expect(rest.body).toMatchObject({ error: { code: 'unavailable' } });
    expect(rest.headers.get('retry-after')).toBe('5');
    // socket.io: the ack says so; the socket stays usable.
    const ack = await sendCommand(facilitator.socket, { type: 'timer', action: 'extend', minutes: 10 });
    expect(ack).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(facilitator.socket.connected).toBe(true);
    const join = await api(t.url, 'POST', '/api/join', { body: { joinCode: w.joinCode, name: 'Celina' } });
    expect(join.status).toBe(503);
    const create = await api(t.url, 'POST', '/api/workshops', { body: { title: 'Nowy' } });
    expect(create.status).toBe(503);
    expect(t.server.service.peek(w.id)).toBe(before);

    // A board edit cannot be stored: the doc is dropped (1011) and nobody is sent the edit.
    addCard(annaBoard.doc, { sectionId: 'gaps', text: 'w czasie awarii' });
    await waitFor(() => annaCloses.includes(1011) && watcherCloses.includes(1011), 5_000, 'board dropped with 1011');
    expect(textsOf(watcher)).toEqual(['needs:przed awarią']);

    await postgres.server.restart();
    await waitFor(async () => (await health(t)).status === 200, 10_000, 'healthz back to 200');
    expect((await health(t)).body).toMatchObject({ ok: true, store: 'up' });

    // Providers reconnect by themselves; Anna's edit, kept locally, reaches the server and the watcher.
    await waitFor(() => textsOf(watcher).includes('gaps:w czasie awarii'), 15_000, 'the offline edit arrives');
    expect(await converged(annaBoard, watcher)).toEqual(['gaps:w czasie awarii', 'needs:przed awarią']);
    // Commands work again, and the refused ones were never applied.
    const after = stateOf(
      await sendCommand(facilitator.socket, { type: 'broadcast', text: 'już działa', groupId: null }),
    );
    expect(after.broadcasts.map((b) => b.text)).toEqual(['już działa']);
    expect(after.timer).toEqual(before?.timer);

    // And it is all in the database: a restarted server serves both cards.
    const t2 = await t.restart();
    const fresh = await openBoard(cleanup, t2.port, anna.docName, w.facilitatorToken);
    expect(textsOf(fresh)).toEqual(['gaps:w czasie awarii', 'needs:przed awarią']);
  });

  it('keeps every edit typed across a database crash once it is back', async () => {
    const { t, w, anna } = await breakoutOnPostgres();
    const annaBoard = await openBoard(cleanup, t.port, anna.docName, anna.token);
    const watcher = await openBoard(cleanup, t.port, anna.docName, w.facilitatorToken);
    let typed = 0;
    const typing = setInterval(() => addCard(annaBoard.doc, { sectionId: 'needs', text: `karta ${typed++}` }), 5);
    cleanup.add(typing, clearInterval);
    await waitFor(() => typed >= 20, 5_000, 'typing started');
    await postgres.server.kill();
    await waitFor(() => typed >= 60, 5_000, 'typing while the database is down');
    await postgres.server.restart();
    await waitFor(() => typed >= 100, 5_000, 'typing after it is back');
    clearInterval(typing);

    await waitFor(() => textsOf(watcher).length === typed, 20_000, `all ${typed} cards reach the watcher`);
    const t2 = await t.restart();
    const fresh = await openBoard(cleanup, t2.port, anna.docName, w.facilitatorToken);
    expect(textsOf(fresh)).toHaveLength(typed);
  });

  it('starts once a database that is still down at boot comes up, and fails fast on a wrong database name', async () => {
    const databaseUrl = await postgres.server.createDatabase();
    await postgres.server.stop();
    // Through a relay that counts connections, so the test knows when the server has really
    // found the database down (instead of sleeping and hoping it has tried by then).
    const relay = cleanup.add(await new TcpRelay(postgres.server.port).listen(), (r) => r.close());
    const starting = startTestServer(cleanup, {}, { databaseUrl: relay.url(databaseUrl) });
    await waitFor(() => relay.refused >= 1, 10_000, 'a connection attempt while the database is down');
    await postgres.server.restart();
    const t = await starting;
    expect((await health(t)).body).toMatchObject({ ok: true, store: 'up' });

    const wrong = databaseUrl.replace(/\/[^/]+$/, '/no_such_database');
    await expect(startTestServer(cleanup, {}, { databaseUrl: wrong })).rejects.toThrow(/does not exist/);
  });
});
