import { addCard, setCardText } from '@warsztat/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { Cleanup } from '../helpers/cleanup.js';
import { converged, openBoard, textsOf } from '../helpers/provider.js';
import { breakoutRoom } from '../helpers/room.js';

/**
 * Newcomers share one encoded copy of the board (issue #8: join storms), so the copy must never
 * be stale: each edit, from a peer or replayed on load, makes the next newcomer's copy anew.
 */
const cleanup = new Cleanup();
afterEach(() => cleanup.run());

describe('full state shared by newcomers', () => {
  it('gives every newcomer the board as it is when it joins, after each edit', async () => {
    const room = await breakoutRoom(cleanup);
    const { port } = room.t;
    const doc = room.anna.docName;
    const writer = await openBoard(cleanup, port, doc, room.facilitatorToken);
    const card = addCard(writer.doc, { sectionId: 'needs', text: 'pierwsza' });

    const first = await openBoard(cleanup, port, doc, room.facilitatorToken);
    await converged(writer, first);
    const second = await openBoard(cleanup, port, doc, room.facilitatorToken);
    expect(textsOf(second)).toEqual(['needs:pierwsza']);

    setCardText(writer.doc, card, 'druga wersja');
    addCard(writer.doc, { sectionId: 'gaps', text: 'Brak kadr' });
    await converged(writer, first);
    const third = await openBoard(cleanup, port, doc, room.facilitatorToken);
    expect(textsOf(third)).toEqual(['gaps:Brak kadr', 'needs:druga wersja']);

    // An edit by a newcomer itself is in the copy the next one gets.
    addCard(third.doc, { sectionId: 'resources', text: 'Klub seniora' });
    await converged(writer, third);
    const fourth = await openBoard(cleanup, port, doc, room.anna.token);
    expect(textsOf(fourth)).toEqual(['gaps:Brak kadr', 'needs:druga wersja', 'resources:Klub seniora']);
  });
});
