import { addCard, CloseCode, SYNC_MESSAGE_READ_ONLY, type WorkshopState } from '@warsztat/shared';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Cleanup } from '../helpers/cleanup.js';
import { waitFor } from '../helpers/poll.js';
import { openBoard, roundTrip, textsOf } from '../helpers/provider.js';
import { api, breakoutWorkshop, getWorkshop, runCommand, startTestServer } from '../helpers/server.js';
import { closeCodeOf, encodeUpdate, rawSync } from '../helpers/wire.js';

/**
 * Issue #17, rights per doc and per round, enforced by the sync plane from the live workshop and
 * re-checked on every change: an earlier round's board is read-only for participants (a socket left
 * on it is downgraded, not closed), facilitators still write it, the gallery lets everyone read the
 * current round's boards and nobody else's write them, and names no builder makes are no document.
 */
const cleanup = new Cleanup();
afterEach(() => cleanup.run());

function cardUpdate(text: string): Uint8Array {
  const doc = new Y.Doc();
  addCard(doc, { sectionId: 'needs', text });
  return Y.encodeStateAsUpdate(doc);
}

function groupOf(state: WorkshopState, participantId: string) {
  const group = state.groups.find((g) => g.memberIds.includes(participantId));
  if (!group) throw new Error(`${participantId} is in no group`);
  return group;
}

describe('rights per round and in the gallery', () => {
  it('keeps an old round’s socket open read-only, lets staff write it, and opens boards for the gallery', async () => {
    const t = await startTestServer(cleanup);
    const { workshop: w, participants, state } = await breakoutWorkshop(t.url, ['Anna', 'Bartek'], 30);
    const [anna, bartek] = participants;
    if (!anna || !bartek) throw new Error('no participants');
    const groupA = groupOf(state, anna.participantId);
    const groupB = groupOf(state, bartek.participantId);
    expect(groupA.id).not.toBe(groupB.id);
    const r1 = groupA.docName;
    expect(r1).toBe(`${w.id}.${groupA.id}`);

    // Round 1: Anna writes on her board through a live socket that will outlive the round.
    const annaOld = await openBoard(cleanup, t.port, r1, anna.token);
    const annaRaw = rawSync(cleanup, t.port, r1, anna.token, { saved: true });
    await annaRaw.opened;
    const watcher = await openBoard(cleanup, t.port, r1, w.facilitatorToken);
    addCard(annaOld.doc, { sectionId: 'needs', text: 'runda 1: Anna', authorId: anna.participantId });
    await waitFor(() => textsOf(watcher).length === 1, 5_000, 'Anna’s round-1 card reaches the facilitator');

    const next = await runCommand(t.url, w.id, w.facilitatorToken, {
      type: 'round',
      action: 'new',
      title: 'Rekomendacje',
      regroup: 'keep',
    });
    const r2 = next.groups.find((g) => g.id === groupA.id)?.docName ?? '';
    expect(r2).toBe(`${w.id}.${groupA.id}.r2`);

    // Anna's old socket stays open but her edits are dropped (and the app's socket is told so).
    addCard(annaOld.doc, { sectionId: 'needs', text: 'runda 1: po czasie' });
    annaRaw.ws.send(encodeUpdate(cardUpdate('runda 1: przez surowy socket')));
    await waitFor(
      () => annaRaw.received.some((m) => m.length === 1 && m[0] === SYNC_MESSAGE_READ_ONLY),
      5_000,
      'read-only notice on the old board',
    );
    await roundTrip(annaOld);
    await roundTrip(watcher);
    expect(textsOf(watcher)).toEqual(['needs:runda 1: Anna']);
    expect(annaOld.provider.wsconnected).toBe(true);
    expect(annaRaw.ws.readyState).toBe(annaRaw.ws.OPEN);

    // She can still open it to read; Bartek, never in that group, cannot; the facilitator still writes it.
    const annaReads = await openBoard(cleanup, t.port, r1, anna.token);
    expect(textsOf(annaReads)).toEqual(['needs:runda 1: Anna']);
    expect(await closeCodeOf(rawSync(cleanup, t.port, r1, bartek.token))).toBe(CloseCode.Forbidden);
    addCard(watcher.doc, { sectionId: 'gaps', text: 'runda 1: dopisek moderatora' });
    await waitFor(() => textsOf(annaOld).length === 2, 5_000, 'the facilitator’s edit reaches Anna’s old socket');
    const projector = await openBoard(cleanup, t.port, r1, w.projectorToken);
    expect(textsOf(projector)).toHaveLength(2);

    // Round 2: Anna writes her fresh board; Bartek may not even read it while the gallery is shut.
    const annaNew = await openBoard(cleanup, t.port, r2, anna.token);
    expect(textsOf(annaNew)).toEqual([]);
    addCard(annaNew.doc, { sectionId: 'needs', text: 'runda 2: Anna', authorId: anna.participantId });
    const watcher2 = await openBoard(cleanup, t.port, r2, w.facilitatorToken);
    await waitFor(() => textsOf(watcher2).length === 1, 5_000, 'Anna’s round-2 card');
    expect(await closeCodeOf(rawSync(cleanup, t.port, r2, bartek.token))).toBe(CloseCode.Forbidden);

    // The gallery opens the current round's boards for reading, never for writing, and not round 1's.
    await runCommand(t.url, w.id, w.facilitatorToken, { type: 'gallery', open: true });
    const visitor = await openBoard(cleanup, t.port, r2, bartek.token);
    expect(textsOf(visitor)).toEqual(['needs:runda 2: Anna']);
    addCard(visitor.doc, { sectionId: 'needs', text: 'Bartek w galerii' });
    await roundTrip(visitor);
    await roundTrip(watcher2);
    expect(textsOf(watcher2)).toEqual(['needs:runda 2: Anna']);
    expect(await closeCodeOf(rawSync(cleanup, t.port, r1, bartek.token))).toBe(CloseCode.Forbidden);

    // Closing the gallery takes the read right away at once.
    const visitorRaw = rawSync(cleanup, t.port, r2, bartek.token);
    await visitorRaw.opened;
    await runCommand(t.url, w.id, w.facilitatorToken, { type: 'gallery', open: false });
    expect(await closeCodeOf(visitorRaw, 2_000)).toBe(CloseCode.Forbidden);
    // Anna, on her own board, is untouched.
    addCard(annaNew.doc, { sectionId: 'needs', text: 'runda 2: po galerii' });
    await waitFor(() => textsOf(watcher2).length === 2, 5_000, 'Anna still writes round 2');

    // Her data export (Art. 15) lists what she wrote in every round.
    const data = await api<{ cards: Array<{ text: string }> }>(t.url, 'GET', '/api/participants/me/data', {
      token: anna.token,
    });
    expect(data.body.cards.map((c) => c.text).sort()).toEqual(['runda 1: Anna', 'runda 2: Anna']);
  });

  it('lets a reshuffled participant read the boards of the group it was in, and refuses names no builder makes', async () => {
    const t = await startTestServer(cleanup);
    const { workshop: w, participants, state } = await breakoutWorkshop(t.url, ['Anna', 'Bartek'], 30);
    const [anna, bartek] = participants;
    if (!anna || !bartek) throw new Error('no participants');
    const groupA = groupOf(state, anna.participantId);
    await runCommand(t.url, w.id, w.facilitatorToken, {
      type: 'round',
      action: 'new',
      title: 'Druga',
      regroup: 'empty',
    });
    const empty = await getWorkshop(t.url, w.id, w.facilitatorToken);
    expect(empty.participants.every((p) => p.groupId === null)).toBe(true);
    // Unassigned, Anna still reads the round-1 board of the group she was in, and writes nothing.
    const old = await openBoard(cleanup, t.port, groupA.docName, anna.token);
    addCard(old.doc, { sectionId: 'needs', text: 'nie powinno dojść' });
    const watcher = await openBoard(cleanup, t.port, groupA.docName, w.facilitatorToken);
    await roundTrip(old);
    await roundTrip(watcher);
    expect(textsOf(watcher)).toEqual([]);
    // Bartek, moved into that group now, reads its earlier board too.
    await runCommand(t.url, w.id, w.facilitatorToken, {
      type: 'move',
      participantId: bartek.participantId,
      groupId: groupA.id,
    });
    await openBoard(cleanup, t.port, groupA.docName, bartek.token);

    for (const name of [`${w.id}.${groupA.id}.r1`, `${w.id}.${groupA.id}.r9`, `${w.id}.nieMa.r2`]) {
      expect(await closeCodeOf(rawSync(cleanup, t.port, name, w.facilitatorToken)), name).toBe(CloseCode.Forbidden);
    }
  });
});
