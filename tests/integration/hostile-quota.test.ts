import { CloseCode } from '@warsztat/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { Cleanup } from '../helpers/cleanup.js';
import {
  duringAttack,
  expectFriendEditsSurvive,
  fillBoard,
  filler,
  hostileRoom,
  sendUpdate,
} from '../helpers/hostile.js';
import { waitFor } from '../helpers/poll.js';
import { openBoard } from '../helpers/provider.js';

/**
 * Issue #14, "no board quota": one socket wrote 32 MB in 4 s with nothing to stop it. Each board
 * now has a storage quota (BOARD_QUOTA_BYTES, default 16 MiB; 300 kB here): past it, updates are
 * refused with 4409 before they are applied, the board keeps what it has, and other boards go on.
 */
const cleanup = new Cleanup();
afterEach(() => cleanup.run());

describe('a hostile participant filling a board', () => {
  it('refuses writes past the board quota (4409); the board stays readable and others keep saving', async () => {
    const room = await hostileRoom(cleanup, { BOARD_QUOTA_BYTES: '300000' });
    const { result, slowestMs } = await duringAttack(room.server.url, () => fillBoard(cleanup, room));
    expect(result).toEqual(['applied', 'applied', CloseCode.BoardFull]);
    expect(slowestMs).toBeLessThan(1_000);

    // What was accepted is kept and served; the friend's next write on that board is refused too.
    const reader = await openBoard(cleanup, room.server.port, room.docName, room.facilitatorToken);
    await waitFor(() => reader.doc.getText('filler1').length === 100_000);
    reader.provider.destroy();
    expect(await sendUpdate(cleanup, room, filler(50), room.friend)).toBe(CloseCode.BoardFull);

    // The quota holds across a restart (measured from the store at load).
    await room.server.restart('SIGTERM');
    expect(await sendUpdate(cleanup, room, filler(51))).toBe(CloseCode.BoardFull);
    await expectFriendEditsSurvive(cleanup, room, 'na sąsiedniej tablicy', room.neighbour);
  }, 120_000);
});
