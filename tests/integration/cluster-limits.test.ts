import { ErrorCode } from '@warsztat/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { Cleanup } from '../helpers/cleanup.js';
import { startCluster, waitForRedis } from '../helpers/cluster.js';
import { api, createWorkshop } from '../helpers/server.js';

/**
 * Issue #14, the abuse limits with several nodes: with REDIS_URL the rate-limiter-flexible
 * counters live in Redis (server/src/limiter.ts), so a guesser spreading wrong join codes over the
 * nodes behind a load balancer meets one budget, not one per node. While Redis is away each node
 * falls back to its own in-memory insurance limiter: correct joins go on, and the limits still
 * hold, per node, until Redis returns.
 */
const cleanup = new Cleanup();
afterEach(() => cleanup.run());

const join = (url: string, joinCode: string, name: string) =>
  api(url, 'POST', '/api/join', { body: { joinCode, name } });

describe('abuse limits on several nodes', () => {
  it('counts failed joins from one address across both nodes, and keeps joins working while Redis is down', async () => {
    const { redis, nodes } = await startCluster(cleanup, 2);
    const [a, b] = nodes;
    if (!a || !b) throw new Error('two nodes expected');
    const workshop = await createWorkshop(a.url, { title: 'Dwa węzły' });
    const wrong = workshop.joinCode === 'ZZZZZZ' ? 'YYYYYY' : 'ZZZZZZ';

    // 10 wrong codes on A and 9 on B: 19 of the 20 a minute allows, and a correct join still works.
    for (let i = 0; i < 10; i++) expect((await join(a.url, wrong, 'Zgadywacz')).status).toBe(404);
    for (let i = 0; i < 9; i++) expect((await join(b.url, wrong, 'Zgadywacz')).status).toBe(404);
    expect((await join(a.url, workshop.joinCode, 'Anna')).status).toBe(201);
    expect((await join(b.url, workshop.joinCode, 'Bartek')).status).toBe(201);
    // The 20th failure, on B, spends the shared budget: A refuses the address too, though it saw only 10.
    expect((await join(b.url, wrong, 'Zgadywacz')).status).toBe(404);
    const refused = await join(a.url, wrong, 'Zgadywacz');
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ error: { code: ErrorCode.TooManyRequests } });
    expect((await join(b.url, workshop.joinCode, 'Celina')).status).toBe(429);

    // Redis goes away (and loses its counters: no persistence). Each node counts in memory now.
    await redis.stop();
    await waitForRedis([a, b], 'down');
    const started = Date.now();
    const during = await join(a.url, workshop.joinCode, 'Darek');
    expect(during.status).toBe(201);
    // Answered at once from memory, not after a Redis timeout.
    expect(Date.now() - started).toBeLessThan(1_000);
    expect((await join(b.url, workshop.joinCode, 'Ewa')).status).toBe(201);
    // The limit still holds, per node: 20 failures on A, then A refuses; B, with its own count, does not.
    for (let i = 0; i < 20; i++) expect((await join(a.url, wrong, 'Zgadywacz')).status).toBe(404);
    expect((await join(a.url, wrong, 'Zgadywacz')).status).toBe(429);
    expect((await join(b.url, wrong, 'Zgadywacz')).status).toBe(404);
    expect((await join(b.url, workshop.joinCode, 'Filip')).status).toBe(201);

    // Redis is back: the shared budget starts afresh (a cache-only Redis lost it) and is shared again.
    await redis.start();
    await waitForRedis([a, b], 'up');
    expect((await join(b.url, workshop.joinCode, 'Gosia')).status).toBe(201);
    for (let i = 0; i < 10; i++) expect((await join(a.url, wrong, 'Zgadywacz')).status).toBe(404);
    for (let i = 0; i < 10; i++) expect((await join(b.url, wrong, 'Zgadywacz')).status).toBe(404);
    expect((await join(b.url, wrong, 'Zgadywacz')).status).toBe(429);
  }, 120_000);
});
