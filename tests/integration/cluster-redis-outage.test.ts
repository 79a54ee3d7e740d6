import { addCard, listCards, setCardText } from '@warsztat/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { Cleanup } from '../helpers/cleanup.js';
import { breakoutOnTwoNodes, healthOf, waitForRedis } from '../helpers/cluster.js';
import { connectControl, sendCommand, stateOf } from '../helpers/control.js';
import { waitFor } from '../helpers/poll.js';
import { sharedPostgres } from '../helpers/postgres.js';
import { converged, openBoard, textsOf } from '../helpers/provider.js';

/**
 * Redis is a relay, not the truth (DESIGN §5). With Redis stopped for 30 s, each node keeps serving
 * the boards it holds to its own clients and reports itself degraded; when Redis returns, the nodes
 * read back from the store what they missed, and every client converges without reconnecting.
 */
const OUTAGE_MS = 30_000;

const cleanup = new Cleanup();
afterEach(() => cleanup.run());
const postgres = sharedPostgres();

describe('Redis outage', () => {
  it('keeps every node serving for 30 s without Redis, reports degraded, and catches up when it returns', async () => {
    const { cluster, a, b, workshop, anna, docName } = await breakoutOnTwoNodes(
      cleanup,
      await postgres.server.createDatabase(),
    );

    // Two clients of the same board on each node, and a participant's control socket on B.
    const a1 = await openBoard(cleanup, a.port, docName, anna.token);
    const a2 = await openBoard(cleanup, a.port, docName, workshop.facilitatorToken);
    const b1 = await openBoard(cleanup, b.port, docName, workshop.facilitatorToken);
    const b2 = await openBoard(cleanup, b.port, docName, workshop.facilitatorToken);
    const annaOnB = await connectControl(cleanup, b.url, anna.token);
    const facilitator = await connectControl(cleanup, a.url, workshop.facilitatorToken);
    addCard(a1.doc, { sectionId: 'needs', text: 'przed awarią', authorId: 'anna' });
    await converged(a1, a2, b1, b2);
    expect(await healthOf(a)).toMatchObject({ ok: true, redis: 'up' });

    await cluster.redis.stop();
    const outageStarted = Date.now();
    await waitForRedis([a, b], 'down');
    const degraded = await fetch(`${a.url}/healthz`);
    expect(degraded.status).toBe(200); // still serving: a load balancer keeps it
    expect(await degraded.json()).toMatchObject({ ok: false, store: 'up', redis: 'down' });
    expect(await (await fetch(`${a.url}/metrics`)).text()).toMatch(/^warsztat_redis_up 0$/m);

    // Each node goes on serving its own clients.
    const onA = addCard(a1.doc, { sectionId: 'gaps', text: 'na A', authorId: 'anna' });
    const onB = addCard(b1.doc, { sectionId: 'resources', text: 'na B', authorId: 'f' });
    await converged(a1, a2);
    await converged(b1, b2);
    expect(textsOf(a2)).not.toContain('resources:na B');
    // The control plane too: a command on A is stored and answered.
    stateOf(await sendCommand(facilitator.socket, { type: 'broadcast', text: 'Podczas awarii', groupId: null }));
    let typed = 0;
    while (Date.now() - outageStarted < OUTAGE_MS) {
      setCardText(a1.doc, onA, `na A ${typed}`);
      setCardText(b1.doc, onB, `na B ${typed}`);
      typed++;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    await converged(a1, a2);
    await converged(b1, b2);
    expect((await healthOf(b)).redis).toBe('down');

    await cluster.redis.start();
    await waitForRedis([a, b], 'up', 15_000);
    // No client reconnected: the nodes resynced from the store and sent the difference.
    const texts = await converged(a1, a2, b1, b2);
    expect(texts).toEqual([`gaps:na A ${typed - 1}`, 'needs:przed awarią', `resources:na B ${typed - 1}`]);
    await annaOnB.waitForState((s) => s.broadcasts.some((m) => m.text === 'Podczas awarii'), 'broadcast after outage');

    // And the relay works again for new edits.
    setCardText(b2.doc, onB, 'po awarii');
    await waitFor(() => listCards(a1.doc).some((c) => c.text === 'po awarii'), 5_000, 'edit on B reaches A');
    expect(await healthOf(a)).toMatchObject({ ok: true, redis: 'up' });
    expect(await (await fetch(`${a.url}/metrics`)).text()).toMatch(/^warsztat_redis_up 1$/m);
  }, 90_000);
});
