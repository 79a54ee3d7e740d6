import { CloseCode } from '@warsztat/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { Cleanup } from '../helpers/cleanup.js';
import { connectControl } from '../helpers/control.js';
import { fillBoard, filler, hostileRoom, sendUpdate } from '../helpers/hostile.js';
import { getWorkshop } from '../helpers/server.js';

/**
 * Issue #14, "the facilitator's console shows which board it is": a board past its quota refuses
 * writes with 4409, and the refusal is recorded in the workshop's control state, so every staff
 * console — also after a reload or a restart — names the full board, and nobody else is told.
 */
const cleanup = new Cleanup();
afterEach(() => cleanup.run());

describe('a full board on the console', () => {
  it('names the full group to facilitators and co-facilitators only, and keeps it across a restart', async () => {
    const room = await hostileRoom(cleanup, { BOARD_QUOTA_BYTES: '300000' });
    const { url } = room.server;
    const initial = await getWorkshop(url, room.workshopId, room.facilitatorToken);
    const group = initial.groups.find((g) => g.docName === room.docName);
    if (!group) throw new Error('the shared board has no group');
    expect(initial.fullBoards).toEqual([]);
    const coToken = initial.coFacilitatorLink?.split('/').pop() ?? '';
    const facilitator = await connectControl(cleanup, url, room.facilitatorToken);
    const co = await connectControl(cleanup, url, coToken);
    const friend = await connectControl(cleanup, url, room.friend);
    const projector = await connectControl(cleanup, url, room.projectorToken);

    expect((await fillBoard(cleanup, room)).at(-1)).toBe(CloseCode.BoardFull);
    // A second refusal on the same board records nothing new.
    expect(await sendUpdate(cleanup, room, filler(50), room.friend)).toBe(CloseCode.BoardFull);

    for (const staff of [facilitator, co]) {
      const seen = await staff.waitForState((s) => s.fullBoards.length > 0, 'staff console names the full board');
      expect(seen.fullBoards).toEqual([group.id]);
    }
    // The participants and the projector get the state pushes, without the notice.
    await friend.waitForState((s) => s.groups.length > 0, 'participant state');
    expect(friend.states.every((s) => s.fullBoards.length === 0)).toBe(true);
    expect(projector.states.every((s) => s.fullBoards.length === 0)).toBe(true);

    await room.server.restart('SIGTERM');
    const reloaded = await getWorkshop(room.server.url, room.workshopId, room.facilitatorToken);
    expect(reloaded.fullBoards).toEqual([group.id]);
    expect((await getWorkshop(room.server.url, room.workshopId, room.projectorToken)).fullBoards).toEqual([]);
  }, 120_000);
});
