import { addCard, parseDocName } from '@warsztat/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { Cleanup } from '../helpers/cleanup.js';
import { connectControl } from '../helpers/control.js';
import { waitFor } from '../helpers/poll.js';
import { openBoard, textsOf } from '../helpers/provider.js';
import { breakoutRoom } from '../helpers/room.js';
import { createWorkshop, getWorkshop, type TestServer } from '../helpers/server.js';

/**
 * A long-running node keeps only live workshops in memory: one nobody is connected to is dropped
 * after `workshopIdleMs` and reloads, complete, on next use; one with an open socket never is.
 */
const cleanup = new Cleanup();
afterEach(() => cleanup.run());

/**
 * Proves that eviction passed a workshop by, without sleeping: a witness workshop, created (used)
 * after it, with no socket, is waited for until evicted. Each pass checks every workshop against
 * one cutoff, so the pass that drops the witness found the other one idle too.
 */
async function evictionPassedBy(t: TestServer): Promise<void> {
  const witness = await createWorkshop(t.url);
  await waitFor(() => t.server.service.peek(witness.id) === null, 5_000, 'an idle witness workshop evicted');
}

describe('idle workshops', () => {
  it('are dropped from memory when nobody is connected and come back complete from the store', async () => {
    const r = await breakoutRoom(cleanup, { workshopIdleMs: 100, docUnloadGraceMs: 20 });
    const { server } = r.t;
    const workshopId = parseDocName(r.anna.docName)?.workshopId ?? '';
    const board = await openBoard(cleanup, r.t.port, r.anna.docName, r.anna.token);
    addCard(board.doc, { sectionId: 'needs', text: 'przetrwa' });
    await waitFor(() => textsOf(board).length === 1);

    // While Anna's board socket is open the workshop stays, however long it is idle.
    await evictionPassedBy(r.t);
    expect(server.service.peek(workshopId)).not.toBeNull();

    board.provider.destroy();
    await waitFor(() => server.service.cachedWorkshops === 0, 5_000, 'workshop evicted');
    const state = await getWorkshop(r.t.url, workshopId, r.facilitatorToken);
    expect(state.phase).toBe('breakout');
    expect(state.participants).toHaveLength(2);
    const again = await openBoard(cleanup, r.t.port, r.anna.docName, r.anna.token);
    expect(textsOf(again)).toEqual(['needs:przetrwa']);
  });

  it('are kept while a control socket is open', async () => {
    const r = await breakoutRoom(cleanup, { workshopIdleMs: 100 });
    const facilitator = await connectControl(cleanup, r.t.url, r.facilitatorToken);
    await evictionPassedBy(r.t);
    expect(r.t.server.service.cachedWorkshops).toBe(1);
    facilitator.socket.disconnect();
    await waitFor(() => r.t.server.service.cachedWorkshops === 0, 5_000, 'workshop evicted');
  });
});
