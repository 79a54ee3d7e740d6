import { addCard, CloseCode, listCards, SUMMARY_KEY } from '@warsztat/shared';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Cleanup } from '../helpers/cleanup.js';
import { expectFriendEditsSurvive, type HostileRoom, hostileRoom, sendUpdate } from '../helpers/hostile.js';
import { waitFor } from '../helpers/poll.js';
import { type Board, openBoard, roundTrip } from '../helpers/provider.js';
import { getWorkshop, runCommand } from '../helpers/server.js';

/**
 * Issue #20 point 9: "The rapporteur's summary is writable by anyone while no one has claimed it."
 * Once a rapporteur is chosen, the server refuses (4423) any update that inserts into or deletes
 * from the group's `summary` fragment unless it comes from the rapporteur or the staff; the same
 * participant's card edits, in other messages, still go through. Stock y-websocket clients against
 * the real server, run as its own process.
 */
const cleanup = new Cleanup();
afterEach(() => cleanup.run());

function writeSummary(doc: Y.Doc, text: string): void {
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  doc.getXmlFragment(SUMMARY_KEY).push([paragraph]);
}

const summaryOf = (doc: Y.Doc) => doc.getXmlFragment(SUMMARY_KEY).toString();

/** The close code the server sends this stock provider next (its reconnects are stopped). */
function nextClose(board: Board, timeoutMs = 10_000): Promise<number | 'still open'> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve('still open'), timeoutMs);
    board.provider.once('connection-close', (event: CloseEvent | null) => {
      clearTimeout(timer);
      board.provider.shouldConnect = false;
      resolve(event?.code ?? 0);
    });
  });
}

async function chooseRapporteur(room: HostileRoom, participantId: string): Promise<void> {
  const state = await getWorkshop(room.server.url, room.workshopId, room.facilitatorToken);
  const group = state.groups.find((g) => g.docName === room.docName);
  if (!group) throw new Error('no shared group');
  await runCommand(room.server.url, room.workshopId, room.facilitatorToken, {
    type: 'rapporteur',
    groupId: group.id,
    participantId,
  });
}

describe('who writes the group summary', () => {
  it('lets every member write the summary while no rapporteur is chosen', async () => {
    const room = await hostileRoom(cleanup);
    const member = await openBoard(cleanup, room.server.port, room.docName, room.attacker);
    const facilitator = await openBoard(cleanup, room.server.port, room.docName, room.facilitatorToken);
    writeSummary(member.doc, 'Wnioski całej grupy');
    await waitFor(() => summaryOf(facilitator.doc).includes('Wnioski całej grupy'), 10_000, 'summary reaches staff');
  }, 120_000);

  it("refuses another member's summary write once a rapporteur is chosen, and keeps the rest", async () => {
    const room = await hostileRoom(cleanup);
    const rapporteur = await openBoard(cleanup, room.server.port, room.docName, room.friend);
    writeSummary(rapporteur.doc, 'Przed wyborem');
    await roundTrip(rapporteur);
    await chooseRapporteur(room, room.friendId);

    // The rapporteur writes on.
    writeSummary(rapporteur.doc, 'Pisze sprawozdawczyni');
    const facilitator = await openBoard(cleanup, room.server.port, room.docName, room.facilitatorToken);
    await waitFor(() => summaryOf(facilitator.doc).includes('Pisze sprawozdawczyni'), 10_000, "rapporteur's text");

    // Another member's insertion is refused with its own code and never reaches anyone.
    const other = await openBoard(cleanup, room.server.port, room.docName, room.attacker);
    const closed = nextClose(other);
    writeSummary(other.doc, 'Nie moje podsumowanie');
    expect(await closed).toBe(CloseCode.SummaryLocked);
    other.provider.destroy();

    // Deleting the rapporteur's paragraph is refused too (a raw update: the deletion alone).
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(facilitator.doc));
    const before = Y.encodeStateVector(copy);
    copy.getXmlFragment(SUMMARY_KEY).delete(0, 1);
    expect(await sendUpdate(cleanup, room, Y.encodeStateAsUpdate(copy, before))).toBe(CloseCode.SummaryLocked);

    // The same participant's card edits on a new socket are accepted, as is its sync step 2, which
    // carries the whole delete set (here a paragraph the rapporteur wrote and struck out).
    writeSummary(rapporteur.doc, 'Skreślone');
    rapporteur.doc.getXmlFragment(SUMMARY_KEY).delete(2, 1);
    await roundTrip(rapporteur);
    const again = await openBoard(cleanup, room.server.port, room.docName, room.attacker);
    addCard(again.doc, { sectionId: 'needs', text: 'Karta od uczestnika' });
    await waitFor(
      () => listCards(facilitator.doc).some((c) => c.text === 'Karta od uczestnika'),
      10_000,
      "the non-rapporteur's card reaches staff",
    );
    await roundTrip(facilitator);
    expect(summaryOf(facilitator.doc)).not.toContain('Nie moje podsumowanie');
    expect(summaryOf(facilitator.doc)).toContain('Przed wyborem');
    for (const board of [rapporteur, facilitator, again]) board.provider.destroy();

    // Stored: after a kill -9 the rapporteur's text and the card are there, the refused text is not.
    await expectFriendEditsSurvive(cleanup, room, 'po odmowie podsumowania');
    const reloaded = await openBoard(cleanup, room.server.port, room.docName, room.facilitatorToken);
    expect(summaryOf(reloaded.doc)).toContain('Pisze sprawozdawczyni');
    expect(summaryOf(reloaded.doc)).not.toContain('Nie moje podsumowanie');
    expect(listCards(reloaded.doc).some((c) => c.text === 'Karta od uczestnika')).toBe(true);
  }, 120_000);

  it('lets the staff write and delete in the summary of a group with a rapporteur', async () => {
    const room = await hostileRoom(cleanup);
    await chooseRapporteur(room, room.friendId);
    const facilitator = await openBoard(cleanup, room.server.port, room.docName, room.facilitatorToken);
    writeSummary(facilitator.doc, 'Poprawka prowadzącej');
    writeSummary(facilitator.doc, 'Do usunięcia');
    facilitator.doc.getXmlFragment(SUMMARY_KEY).delete(1, 1);
    const rapporteur = await openBoard(cleanup, room.server.port, room.docName, room.friend);
    await waitFor(() => summaryOf(rapporteur.doc).includes('Poprawka prowadzącej'), 10_000, "staff's text");
    await roundTrip(facilitator);
    expect(summaryOf(rapporteur.doc)).not.toContain('Do usunięcia');
  }, 120_000);
});
