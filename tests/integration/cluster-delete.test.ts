import { type ApiError, addCard, CloseCode } from '@warsztat/shared';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChildServer } from '../helpers/childServer.js';
import { Cleanup } from '../helpers/cleanup.js';
import { breakoutOnTwoNodes } from '../helpers/cluster.js';
import { connectControl } from '../helpers/control.js';
import { rowsContaining } from '../helpers/databaseRows.js';
import { waitFor } from '../helpers/poll.js';
import { sharedPostgres } from '../helpers/postgres.js';
import { openBoard, textsOf } from '../helpers/provider.js';
import { api } from '../helpers/server.js';
import { closeCodeOf, rawSync } from '../helpers/wire.js';

/**
 * Deleting a workshop on several nodes (issue #19): the facilitator deletes on node A, and node B —
 * which holds the workshop and its board for a participant connected there — forgets it at once:
 * its sockets close (control: unauthorized, sync: 4401) and its board leaves memory without
 * waiting for the 30 s unload grace, so nothing of it is written back to the store afterwards.
 */
const cleanup = new Cleanup();
afterEach(() => cleanup.run());
const postgres = sharedPostgres();

async function docsLoaded(node: ChildServer): Promise<number> {
  const text = await (await fetch(`${node.url}/metrics`)).text();
  return Number(/^warsztat_sync_docs_loaded (\d+)/m.exec(text)?.[1] ?? Number.NaN);
}

describe('deleting a workshop across nodes', () => {
  it('makes the other node drop it from memory and hang up its sockets', async () => {
    const { a, b, workshop, anna, docName } = await breakoutOnTwoNodes(cleanup, await postgres.server.createDatabase());
    const onB = await openBoard(cleanup, b.port, docName, anna.token);
    addCard(onB.doc, { sectionId: 'needs', text: 'Mieszkania treningowe' });
    const onA = await openBoard(cleanup, a.port, docName, workshop.facilitatorToken);
    await waitFor(() => textsOf(onA).length === 1, 5_000, 'card relayed to A');
    const sync = rawSync(cleanup, b.port, docName, anna.token);
    await sync.opened;
    const control = await connectControl(cleanup, b.url, anna.token);
    const problems: ApiError[] = [];
    control.socket.on('problem', (p) => problems.push(p));
    expect(await docsLoaded(b)).toBe(1);

    const answer = await api(a.url, 'DELETE', `/api/workshops/${workshop.id}`, { token: workshop.facilitatorToken });
    expect(answer.status).toBe(204);

    expect(await closeCodeOf(sync, 3_000)).toBe(CloseCode.Unauthorized);
    await waitFor(() => !control.socket.connected, 3_000, 'control socket on B closed');
    expect(problems[0]?.code).toBe('unauthorized');
    await waitFor(async () => (await docsLoaded(b)) === 0, 3_000, 'board dropped from B');
    onB.provider.destroy();
    for (const node of [a, b]) {
      const get = await api(node.url, 'GET', `/api/workshops/${workshop.id}`, { token: workshop.facilitatorToken });
      expect(get.status).toBe(401);
      const join = await api(node.url, 'POST', '/api/join', { body: { joinCode: workshop.joinCode, name: 'X' } });
      expect(join.status).toBe(404);
    }
    expect(await rowsContaining(b.databaseUrl, [workshop.id, 'Anna', 'Mieszkania treningowe'])).toEqual([]);
    // Two child nodes, Redis and a fresh PostgreSQL database start inside the test, as in the
    // other cluster suites; under a loaded CI machine that alone can pass the default 30 s.
  }, 90_000);
});
