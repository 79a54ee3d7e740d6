import { addCard, type WorkshopState } from '@warsztat/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { Cleanup } from '../helpers/cleanup.js';
import { openBoard, textsOf } from '../helpers/provider.js';
import { api, docOfParticipant } from '../helpers/server.js';
import { texts, UI, useBoardFixture } from './boardRoom.js';

/**
 * A large board reaches a browser in its stored parts (issue #14): sync updates one after another,
 * then an empty step 2. The threshold is lowered so a board of a hundred cards counts as large; the
 * app's own client must show every card after a reload and edit on.
 */
describe('a large board in Chromium', () => {
  const board = useBoardFixture({ partedSyncFromBytes: 4_000, compactAfterUpdates: 40 });
  const cleanup = new Cleanup();
  afterEach(() => cleanup.run());

  it('opens from its stored parts after a reload, with every card, and edits on', async () => {
    const room = await board.openRoom();
    const { url, port } = board.server();
    const state = await api<WorkshopState>(url, 'GET', `/api/workshops/${room.workshopId}`, {
      token: room.facilitatorToken,
    });
    const writer = await openBoard(cleanup, port, docOfParticipant(state.body, room.annaId), room.facilitatorToken);
    for (let i = 0; i < 120; i++)
      addCard(writer.doc, { sectionId: i % 2 ? 'needs' : 'gaps', text: `Karta numer ${i}` });
    await expect.poll(async () => (await texts(room.anna)).length, UI).toBe(120);

    await room.piotr.reload();
    await expect.poll(() => room.piotr.getByTestId('sync-status').getAttribute('data-status'), UI).toBe('connected');
    await expect.poll(async () => (await texts(room.piotr)).length, UI).toBe(120);
    expect((await texts(room.piotr)).sort()).toEqual(
      textsOf(writer)
        .map((t) => t.split(':')[1])
        .sort(),
    );

    await board.addCard({ ...room, anna: room.piotr, piotr: room.anna }, 'gaps', 'Po przeładowaniu');
    await expect.poll(() => textsOf(writer), UI).toContain('gaps:Po przeładowaniu');
    expect(board.pageErrors).toEqual([]);
  }, 90_000);
});
