import { addCard, SYNC_MESSAGE_READ_ONLY } from '@warsztat/shared';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Cleanup } from '../helpers/cleanup.js';
import { waitFor } from '../helpers/poll.js';
import { openBoard, roundTrip, textsOf } from '../helpers/provider.js';
import { breakoutWorkshop, docOfParticipant, runCommand, startTestServer } from '../helpers/server.js';
import { encodeStep1, encodeUpdate, rawSync } from '../helpers/wire.js';

/**
 * Issue #17: a socket that may only read (a lock here; a new round or the gallery alike) is kept
 * open and its edits dropped. A client that opted in (`?saved=1`, as the app does) is told each
 * time, so its board can say so; stock providers and readers that send nothing are not.
 */
const cleanup = new Cleanup();
afterEach(() => cleanup.run());

function cardUpdate(text: string): Uint8Array {
  const doc = new Y.Doc();
  addCard(doc, { sectionId: 'needs', text });
  return Y.encodeStateAsUpdate(doc);
}

const readOnlyMessages = (received: Uint8Array[]) =>
  received.filter((m) => m.length === 1 && m[0] === SYNC_MESSAGE_READ_ONLY).length;

describe('a read-only socket is told its edit was dropped', () => {
  it('answers a dropped edit with the read-only message, keeps the socket and the board', async () => {
    const t = await startTestServer(cleanup);
    const { workshop: w, participants, state } = await breakoutWorkshop(t.url, ['Anna', 'Bartek'], 30);
    const anna = participants[0];
    if (!anna) throw new Error('no participant');
    const docName = docOfParticipant(state, anna.participantId);
    const groupId = state.groups.find((g) => g.docName === docName)?.id ?? '';
    const watcher = await openBoard(cleanup, t.port, docName, w.facilitatorToken);
    await runCommand(t.url, w.id, w.facilitatorToken, { type: 'boardSettings', groupId, locked: true });

    const app = rawSync(cleanup, t.port, docName, anna.token, { saved: true });
    const stock = rawSync(cleanup, t.port, docName, anna.token);
    await app.opened;
    await stock.opened;
    // A reader's empty step 2 is no edit: nothing to tell.
    app.ws.send(encodeUpdate(Y.encodeStateAsUpdate(new Y.Doc())));
    app.ws.send(encodeUpdate(cardUpdate('po zamknięciu')));
    stock.ws.send(encodeUpdate(cardUpdate('stary klient')));
    await waitFor(() => readOnlyMessages(app.received) === 1, 5_000, 'read-only message');
    // Both answered in order after the drop (a step 2 to a step 1): the stock one got nothing.
    const before = stock.received.length;
    stock.ws.send(encodeStep1());
    await waitFor(() => stock.received.length > before, 5_000, 'stock socket answered');
    expect(readOnlyMessages(stock.received)).toBe(0);
    expect(app.ws.readyState).toBe(app.ws.OPEN);
    expect(stock.ws.readyState).toBe(stock.ws.OPEN);
    await roundTrip(watcher);
    expect(textsOf(watcher)).toEqual([]);

    // Unlocked, the same socket writes again and hears nothing more about it.
    await runCommand(t.url, w.id, w.facilitatorToken, { type: 'boardSettings', groupId, locked: false });
    app.ws.send(encodeUpdate(cardUpdate('po odblokowaniu')));
    await waitFor(() => textsOf(watcher).length === 1, 5_000, 'edit applied after unlock');
    expect(readOnlyMessages(app.received)).toBe(1);
  });
});
