import { type ApiError, addCard, CloseCode, parseDocName } from '@warsztat/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { Cleanup } from '../helpers/cleanup.js';
import { connectControl, controlSocket } from '../helpers/control.js';
import { waitFor } from '../helpers/poll.js';
import { openBoard, textsOf } from '../helpers/provider.js';
import { breakoutRoom } from '../helpers/room.js';
import { getWorkshop, runCommand } from '../helpers/server.js';
import { closeCodeOf, rawSync } from '../helpers/wire.js';

/**
 * Revoking a participant (issue #4: "a facilitator revoking a participant … closes live
 * connections within a second"): the link dies, both planes hang up at once, the board keeps
 * everything they wrote before.
 */
const cleanup = new Cleanup();
afterEach(() => cleanup.run());

describe('revoking a participant', () => {
  it('closes their sync socket (4403) and control socket at once, and their link stops working', async () => {
    const r = await breakoutRoom(cleanup);
    const { port, url } = r.t;
    const workshopId = parseDocName(r.anna.docName)?.workshopId ?? '';
    const annaId = (await getWorkshop(url, workshopId, r.facilitatorToken)).groups.find(
      (g) => g.docName === r.anna.docName,
    )?.memberIds[0];
    if (!annaId) throw new Error('Anna has no group');

    const board = await openBoard(cleanup, port, r.anna.docName, r.anna.token);
    addCard(board.doc, { sectionId: 'needs', text: 'napisane przed usunięciem' });
    const sync = rawSync(cleanup, port, r.anna.docName, r.anna.token);
    await sync.opened;
    const control = await connectControl(cleanup, url, r.anna.token);
    const problems: ApiError[] = [];
    control.socket.on('problem', (p) => problems.push(p));
    const facilitatorView = await openBoard(cleanup, port, r.anna.docName, r.facilitatorToken);
    await waitFor(() => textsOf(facilitatorView).length === 1);

    const state = await runCommand(url, workshopId, r.facilitatorToken, {
      type: 'removeParticipant',
      participantId: annaId,
    });
    expect(state.participants.some((p) => p.id === annaId)).toBe(false);
    expect(await closeCodeOf(sync, 1_000)).toBe(CloseCode.Forbidden);
    await waitFor(() => !control.socket.connected, 1_000, 'control socket closed');
    expect(problems[0]?.code).toBe('unauthorized');

    // The link is dead on both planes …
    expect(await closeCodeOf(rawSync(cleanup, port, r.anna.docName, r.anna.token))).toBe(CloseCode.Unauthorized);
    const again = controlSocket(cleanup, url, r.anna.token);
    const refusal = await new Promise<string>((resolve) => again.once('connect_error', (e) => resolve(e.message)));
    expect(refusal).toBe('unauthorized');
    // … and what she wrote stays on the board.
    const fresh = await openBoard(cleanup, port, r.anna.docName, r.facilitatorToken);
    expect(textsOf(fresh)).toEqual(['needs:napisane przed usunięciem']);
  });

  it('refuses to remove someone who is not in the workshop (404) and changes nothing', async () => {
    const r = await breakoutRoom(cleanup);
    const workshopId = parseDocName(r.anna.docName)?.workshopId ?? '';
    const before = await getWorkshop(r.t.url, workshopId, r.facilitatorToken);
    await expect(
      runCommand(r.t.url, workshopId, r.facilitatorToken, { type: 'removeParticipant', participantId: 'nobody' }),
    ).rejects.toThrow(/404/);
    const after = await getWorkshop(r.t.url, workshopId, r.facilitatorToken);
    expect(after.participants).toEqual(before.participants);
  });
});
