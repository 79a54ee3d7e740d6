import { type ApiError, addCard, CloseCode } from '@warsztat/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { Cleanup } from '../helpers/cleanup.js';
import { breakoutOnTwoNodes } from '../helpers/cluster.js';
import { connectControl } from '../helpers/control.js';
import { waitFor } from '../helpers/poll.js';
import { sharedPostgres } from '../helpers/postgres.js';
import { openBoard, textsOf } from '../helpers/provider.js';
import { api, getWorkshop, runCommand } from '../helpers/server.js';
import { closeCodeOf, rawSync } from '../helpers/wire.js';

/**
 * Rotation on several nodes (issue #14): the facilitator rotates the projector link on node A while
 * the projector is connected to node B. B hears of the change on the workshop bus, reloads the
 * workshop and hangs up the old link's sockets (control: unauthorized, sync: 4401) — the same path
 * that closes an erased participant's sockets there. The new link works on B at once, even before
 * B would otherwise have reloaded, and a participant on B keeps editing.
 */
const cleanup = new Cleanup();
afterEach(() => cleanup.run());
const postgres = sharedPostgres();

describe('rotating a link across nodes', () => {
  it('hangs up the old projector link on the other node, and the new one works there', async () => {
    const { a, b, workshop, anna, docName } = await breakoutOnTwoNodes(cleanup, await postgres.server.createDatabase());
    const projector = await connectControl(cleanup, b.url, workshop.projectorToken);
    const problems: ApiError[] = [];
    projector.socket.on('problem', (p) => problems.push(p));
    const sync = rawSync(cleanup, b.port, docName, workshop.projectorToken);
    await sync.opened;
    const annaOnB = await openBoard(cleanup, b.port, docName, anna.token);

    const state = await runCommand(a.url, workshop.id, workshop.facilitatorToken, {
      type: 'rotate',
      target: 'projector',
    });
    const fresh = state.links?.projector?.split('/').pop() ?? '';
    expect(fresh).not.toBe(workshop.projectorToken);

    expect(await closeCodeOf(sync, 5_000)).toBe(CloseCode.Unauthorized);
    await waitFor(() => !projector.socket.connected, 5_000, 'old projector control socket on B hung up');
    expect(problems[0]?.code).toBe('unauthorized');
    for (const node of [a, b]) {
      const old = await api(node.url, 'GET', `/api/workshops/${workshop.id}`, { token: workshop.projectorToken });
      expect(old.status).toBe(401);
      expect((await getWorkshop(node.url, workshop.id, fresh)).id).toBe(workshop.id);
    }
    expect((await connectControl(cleanup, b.url, fresh)).me?.role).toBe('projector');
    const board = await openBoard(cleanup, b.port, docName, fresh);

    // The room keeps working: Anna's edit on B reaches the new projector link and node A.
    addCard(annaOnB.doc, { sectionId: 'needs', text: 'po zmianie linku' });
    const onA = await openBoard(cleanup, a.port, docName, workshop.facilitatorToken);
    await waitFor(() => textsOf(board).includes('needs:po zmianie linku'), 5_000, 'edit reaches the new projector');
    await waitFor(() => textsOf(onA).includes('needs:po zmianie linku'), 5_000, 'edit reaches node A');
  }, 90_000);

  it('refuses the old join code on both nodes once either rotates it', async () => {
    const { a, b, workshop } = await breakoutOnTwoNodes(cleanup, await postgres.server.createDatabase());
    const state = await runCommand(b.url, workshop.id, workshop.facilitatorToken, {
      type: 'rotate',
      target: 'joinCode',
    });
    for (const node of [a, b]) {
      const old = await api(node.url, 'POST', '/api/join', { body: { joinCode: workshop.joinCode, name: 'Ewa' } });
      expect(old.status).toBe(404);
    }
    const joined = await api(a.url, 'POST', '/api/join', { body: { joinCode: state.joinCode, name: 'Ewa' } });
    expect(joined.status).toBe(201);
  }, 90_000);
});
