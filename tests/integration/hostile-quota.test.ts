import { CloseCode } from '@warsztat/shared';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Cleanup } from '../helpers/cleanup.js';
import { duringAttack, expectFriendEditsSurvive, hostileRoom, sendUpdate } from '../helpers/hostile.js';
import { waitFor } from '../helpers/poll.js';
import { openBoard } from '../helpers/provider.js';

/**
 * Issue #14, "no board quota": one socket wrote 32 MB in 4 s with nothing to stop it. Each board
 * now has a storage quota (BOARD_QUOTA_BYTES, default 16 MiB; 300 kB here): past it, updates are
 * refused with 4409 before they are applied, the board keeps what it has, and other boards go on.
 */
const cleanup = new Cleanup();
afterEach(() => cleanup.run());

function filler(i: number): Uint8Array {
  const doc = new Y.Doc();
  doc.getText(`filler${i}`).insert(0, `${i}`.padEnd(100_000, 'x'));
  return Y.encodeStateAsUpdate(doc);
}

describe('a hostile participant filling a board', () => {
  it('refuses writes past the board quota (4409); the board stays readable and others keep saving', async () => {
    const room = await hostileRoom(cleanup, { BOARD_QUOTA_BYTES: '300000' });
    const { result, slowestMs } = await duringAttack(room.server.url, async () => {
      const outcomes: Array<'applied' | number> = [];
      for (let i = 0; i < 10 && outcomes.at(-1) !== CloseCode.BoardFull; i++) {
        outcomes.push(await sendUpdate(cleanup, room, filler(i)));
      }
      return outcomes;
    });
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
