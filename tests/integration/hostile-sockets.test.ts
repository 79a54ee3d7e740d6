import { CloseCode } from '@warsztat/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { Cleanup } from '../helpers/cleanup.js';
import { duringAttack, expectFriendEditsSurvive, hostileRoom } from '../helpers/hostile.js';
import { openBoard } from '../helpers/provider.js';
import { closeCodeOf, encodeStep1, type RawSocket, rawSync } from '../helpers/wire.js';

/**
 * Issue #14, "one token can take all 1,000 sync sockets of a workshop": everyone else, the
 * facilitator and the projector included, then got 1013. A participant token now holds at most
 * 8 sync sockets (staff tokens 64); past that its sockets get 1013 and nobody else is affected.
 */
const cleanup = new Cleanup();
afterEach(() => cleanup.run());

/** 'open' once the server answers a sync step 1 on it, else its close code. */
async function outcome(socket: RawSocket): Promise<'open' | number> {
  await socket.opened.catch(() => undefined);
  const answered = new Promise<'open'>((resolve) => {
    socket.ws.on('message', (data: Buffer) => {
      if (data[0] === 0 && data[1] === 1) resolve('open');
    });
  });
  if (socket.ws.readyState === socket.ws.OPEN) socket.ws.send(encodeStep1());
  return Promise.race([answered, closeCodeOf(socket, 10_000)]);
}

describe('a hostile participant hoarding sync sockets', () => {
  it('keeps 8 sockets per participant token (1013 past it); others still connect', async () => {
    const room = await hostileRoom(cleanup);
    const { result, slowestMs } = await duringAttack(room.server.url, async () => {
      const sockets = Array.from({ length: 30 }, () => rawSync(cleanup, room.server.port, room.docName, room.attacker));
      return Promise.all(sockets.map(outcome));
    });
    expect(result.filter((o) => o === 'open')).toHaveLength(8);
    expect(result.filter((o) => o === CloseCode.TryAgainLater)).toHaveLength(22);
    expect(slowestMs).toBeLessThan(1_000);

    // The attacker's eight stay open; the facilitator, the projector and the friend get in.
    for (const token of [room.facilitatorToken, room.projectorToken, room.friend]) {
      const board = await openBoard(cleanup, room.server.port, room.docName, token);
      board.provider.destroy();
    }
    await expectFriendEditsSurvive(cleanup, room, 'obok zachłannego tokenu');
  }, 120_000);
});
