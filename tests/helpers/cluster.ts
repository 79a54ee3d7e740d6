import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ChildServer } from './childServer.js';
import type { Cleanup } from './cleanup.js';
import { waitFor } from './poll.js';
import { RedisServer } from './redis.js';
import { breakoutWorkshop, docOfParticipant } from './server.js';

/** A multi-node deployment for tests: real Redis, one shared store, nodes as child processes. */
export interface TestCluster {
  redis: RedisServer;
  databaseUrl: string;
  nodes: ChildServer[];
}

/** The shared store: `databaseUrl` when given (PostgreSQL), else one SQLite file all nodes open. */
export async function startCluster(
  cleanup: Cleanup,
  nodeCount = 2,
  options: { databaseUrl?: string } = {},
): Promise<TestCluster> {
  const redis = await RedisServer.start(cleanup);
  let databaseUrl = options.databaseUrl;
  if (!databaseUrl) {
    const dir = cleanup.add(mkdtempSync(join(tmpdir(), 'warsztat-cluster-')), (d) =>
      rmSync(d, { recursive: true, force: true }),
    );
    databaseUrl = `sqlite:${join(dir, 'warsztat.db')}`;
  }
  const nodes: ChildServer[] = [];
  for (let i = 0; i < nodeCount; i++) {
    nodes.push(await ChildServer.start(cleanup, { databaseUrl, env: { REDIS_URL: redis.url } }));
  }
  return { redis, databaseUrl, nodes };
}

/**
 * Two nodes on one store, a workshop made on A with Anna and Bartek auto-assigned and in breakout:
 * the starting point of the cross-node board tests.
 */
export async function breakoutOnTwoNodes(cleanup: Cleanup, databaseUrl: string) {
  const cluster = await startCluster(cleanup, 2, { databaseUrl });
  const [a, b] = cluster.nodes;
  if (!a || !b) throw new Error('two nodes expected');
  const { workshop, participants, state } = await breakoutWorkshop(a.url, ['Anna', 'Bartek']);
  const anna = participants[0];
  if (!anna) throw new Error('no participant');
  return { cluster, a, b, workshop, anna, docName: docOfParticipant(state, anna.participantId) };
}

export interface Health {
  ok: boolean;
  redis?: 'up' | 'down';
  store?: string;
}

export async function healthOf(node: ChildServer): Promise<Health> {
  return (await (await fetch(`${node.url}/healthz`)).json()) as Health;
}

/** Waits until every running node reports Redis as `state`. */
export async function waitForRedis(nodes: ChildServer[], state: 'up' | 'down', timeoutMs = 10_000): Promise<void> {
  await waitFor(
    async () => (await Promise.all(nodes.map(healthOf))).every((h) => h.redis === state),
    timeoutMs,
    `every node reports redis ${state}`,
  );
}
