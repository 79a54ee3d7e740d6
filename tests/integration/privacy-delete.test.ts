import { type ApiError, addCard, CloseCode, type WorkshopState } from '@warsztat/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { Cleanup } from '../helpers/cleanup.js';
import { connectControl, controlSocket } from '../helpers/control.js';
import { rowsContaining } from '../helpers/databaseRows.js';
import { waitFor } from '../helpers/poll.js';
import { openBoard, textsOf } from '../helpers/provider.js';
import {
  api,
  breakoutWorkshop,
  docOfParticipant,
  getWorkshop,
  joinWorkshop,
  startTestServer,
} from '../helpers/server.js';
import { storeKinds } from '../helpers/stores.js';
import { closeCodeOf, rawSync } from '../helpers/wire.js';

/**
 * Deleting a workshop (issue #19, "How do we delete a workshop and everything in it?"): the
 * facilitator's DELETE stops every token at once, hangs up every socket, frees the join code, and
 * leaves no row, board update, snapshot or event of it in the database — read straight from the
 * database, every table, on SQLite and PostgreSQL alike.
 */
const kinds = storeKinds();
const cleanup = new Cleanup();
afterEach(() => cleanup.run());

describe.each(kinds)('deleting a workshop on $name', (kind) => {
  it('stops every token and socket at once and leaves nothing of it in any table', async () => {
    const databaseUrl = await kind.newDatabase(cleanup);
    const t = await startTestServer(cleanup, {}, { databaseUrl });
    const { workshop, participants, state } = await breakoutWorkshop(t.url, ['Halina Wiśniewska', 'Bartek Kowal']);
    const [halina] = participants;
    if (!halina) throw new Error('no participant');
    // Another workshop on the same store must come through untouched.
    const other = await breakoutWorkshop(t.url, ['Zofia Inna']);

    const docName = docOfParticipant(state, halina.participantId);
    const board = await openBoard(cleanup, t.port, docName, halina.token);
    addCard(board.doc, { sectionId: 'needs', text: 'Transport do ośrodka' });
    const facilitatorBoard = await openBoard(cleanup, t.port, docName, workshop.facilitatorToken);
    await waitFor(() => textsOf(facilitatorBoard).length === 1, 5_000, 'card stored');
    const sync = rawSync(cleanup, t.port, docName, halina.token);
    await sync.opened;
    const control = await connectControl(cleanup, t.url, halina.token);
    const problems: ApiError[] = [];
    control.socket.on('problem', (p) => problems.push(p));
    const console_ = await connectControl(cleanup, t.url, workshop.facilitatorToken);
    const coToken = (await getWorkshop(t.url, workshop.id, workshop.facilitatorToken)).coFacilitatorLink?.slice(3);
    if (!coToken) throw new Error('no co-facilitator link');

    // Only the facilitator may delete: the co-facilitator is refused and nothing changes.
    const byCo = await api(t.url, 'DELETE', `/api/workshops/${workshop.id}`, { token: coToken });
    expect(byCo.status).toBe(403);
    expect((await getWorkshop(t.url, workshop.id, workshop.facilitatorToken)).id).toBe(workshop.id);

    // The check below can see what it looks for: the card's text inside a stored update, the name in a row.
    const before = await rowsContaining(databaseUrl, ['Transport do ośrodka', 'Halina']);
    expect(new Set(before.map((r) => r.table))).toEqual(new Set(['doc_updates', 'participants']));

    const deleted = await api(t.url, 'DELETE', `/api/workshops/${workshop.id}`, { token: workshop.facilitatorToken });
    expect(deleted.status).toBe(204);

    // Open sockets close at once: sync with 4401, control after saying why.
    expect(await closeCodeOf(sync, 2_000)).toBe(CloseCode.Unauthorized);
    await waitFor(() => !control.socket.connected && !console_.socket.connected, 2_000, 'control sockets closed');
    expect(problems[0]?.code).toBe('unauthorized');

    // Every token is dead on every plane, and the join code opens nothing.
    for (const token of [workshop.facilitatorToken, workshop.projectorToken, coToken]) {
      expect((await api(t.url, 'GET', `/api/workshops/${workshop.id}`, { token })).status).toBe(401);
    }
    expect((await api(t.url, 'GET', '/api/participants/me/data', { token: halina.token })).status).toBe(401);
    expect(
      (await api(t.url, 'DELETE', `/api/workshops/${workshop.id}`, { token: workshop.facilitatorToken })).status,
    ).toBe(401);
    expect(await closeCodeOf(rawSync(cleanup, t.port, docName, halina.token))).toBe(CloseCode.Unauthorized);
    const again = controlSocket(cleanup, t.url, halina.token);
    expect(await new Promise<string>((resolve) => again.once('connect_error', (e) => resolve(e.message)))).toBe(
      'unauthorized',
    );
    const join = await api(t.url, 'POST', '/api/join', { body: { joinCode: workshop.joinCode, name: 'Nowa' } });
    expect(join.status).toBe(404);
    expect((await api(t.url, 'GET', `/api/join/${workshop.joinCode}/privacy`)).status).toBe(404);

    // Nothing of it in any table: ids, names, organisations, card text, tokens' workshop id.
    const found = await rowsContaining(databaseUrl, [workshop.id, 'Halina', 'Bartek', 'Transport do ośrodka']);
    expect(found).toEqual([]);
    // … while the other workshop is whole.
    const kept: WorkshopState = await getWorkshop(t.url, other.workshop.id, other.workshop.facilitatorToken);
    expect(kept.participants.map((p) => p.name)).toEqual(['Zofia Inna']);
    expect((await rowsContaining(databaseUrl, [other.workshop.id])).length).toBeGreaterThan(0);
    await joinWorkshop(t.url, other.workshop.joinCode, 'Ktoś Nowy');
  });

  it('answers 404 for a workshop that is not there and 401 without a token', async () => {
    const t = await startTestServer(cleanup, {}, { databaseUrl: await kind.newDatabase(cleanup) });
    expect((await api(t.url, 'DELETE', '/api/workshops/nope')).status).toBe(401);
    const { workshop } = await breakoutWorkshop(t.url, []);
    expect((await api(t.url, 'DELETE', '/api/workshops/nope', { token: workshop.facilitatorToken })).status).toBe(404);
  });
});
