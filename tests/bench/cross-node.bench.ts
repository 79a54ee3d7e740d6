// Cross-node fan-out vs single node (issue #9), in one run: `pnpm bench:cluster` (~1 min).
// Stock y-websocket providers in this process write probes into one board at a fixed rate; every
// other provider records how long each probe took to reach it (one clock: the same process).
// Setups, each with a fresh PostgreSQL database and the same load:
//   single node     — one node, no Redis: writers and readers on it
//   cluster, local  — two nodes with Redis; writers and readers on node A (the relay's overhead alone)
//   cross-node      — two nodes with Redis; writers on node A, readers on node B
// Options: `--writers=4 --readers=8 --rate=10 --seconds=10` (rate: probes per writer per second).
// Numbers are printed, never asserted (tests/README: speed is measured in benchmarks).
import { cpus, loadavg } from 'node:os';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { ChildServer } from '../helpers/childServer.js';
import { Cleanup } from '../helpers/cleanup.js';
import { RedisServer } from '../helpers/redis.js';
import { TestPostgres } from '../helpers/testPostgres.js';

const arg = (name: string, fallback: number) =>
  Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const WRITERS = arg('writers', 4);
const READERS = arg('readers', 8);
const RATE = arg('rate', 10);
const SECONDS = arg('seconds', 10);
/** Ms after the last probe before anything still missing counts as lost. */
const DRAIN_MS = 3_000;

interface Result {
  setup: string;
  samples: number[];
  expected: number;
}

function provider(cleanup: Cleanup, port: number, docName: string, token: string): WebsocketProvider {
  const doc = new Y.Doc();
  const p = new WebsocketProvider(`ws://localhost:${port}/sync`, docName, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params: { token },
    disableBc: true,
  });
  cleanup.add(p, (x) => {
    x.destroy();
    doc.destroy();
  });
  return p;
}

async function until(predicate: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`${what} not reached within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Writers on `writeNode`, readers on `readNode`; returns every probe's latency to every reader. */
async function measure(setup: string, writeNode: ChildServer, readNode: ChildServer): Promise<Result> {
  const cleanup = new Cleanup();
  try {
    // tests/helpers/server.ts imports vitest, which refuses to load outside the runner: plain fetch.
    const created = await fetch(`${writeNode.url}/api/workshops`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Benchmark' }),
    });
    const workshop = (await created.json()) as { id: string; facilitatorToken: string };
    const state = (await (
      await fetch(`${writeNode.url}/api/workshops/${workshop.id}`, {
        headers: { authorization: `Bearer ${workshop.facilitatorToken}` },
      })
    ).json()) as { groups: Array<{ docName: string }> };
    const docName = state.groups[0]?.docName;
    if (!docName) throw new Error('no group');
    const token = workshop.facilitatorToken;
    const writers = Array.from({ length: WRITERS }, () => provider(cleanup, writeNode.port, docName, token));
    const readers = Array.from({ length: READERS }, () => provider(cleanup, readNode.port, docName, token));
    await until(() => [...writers, ...readers].every((p) => p.synced), 'providers synced');

    const samples: number[] = [];
    for (const reader of readers) {
      reader.doc.getMap<number>('bench').observe((event) => {
        const now = performance.now();
        for (const key of event.keysChanged) {
          const sent = event.target.get(key);
          if (typeof sent === 'number' && sent >= 0) samples.push(now - sent); // warm-up probes are -1
        }
      });
    }
    // Warm-up: one probe per writer, not counted.
    for (const [w, writer] of writers.entries()) writer.doc.getMap('bench').set(`warm-${w}`, -1);
    await until(() => readers.every((r) => r.doc.getMap('bench').size >= WRITERS), 'warm-up');

    const total = RATE * SECONDS;
    const intervalMs = 1_000 / RATE;
    for (let n = 0; n < total; n++) {
      const tick = performance.now();
      for (const [w, writer] of writers.entries()) writer.doc.getMap('bench').set(`${w}-${n}`, performance.now());
      const wait = intervalMs - (performance.now() - tick);
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    }
    const expected = total * WRITERS * READERS;
    const deadline = Date.now() + DRAIN_MS;
    while (samples.length < expected && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    return { setup, samples, expected };
  } finally {
    await cleanup.run();
  }
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
}

async function main(): Promise<void> {
  const cleanup = new Cleanup();
  const postgres = await TestPostgres.start();
  cleanup.add(postgres, (p) => p.destroy());
  const results: Result[] = [];
  try {
    const single = await ChildServer.start(cleanup, { databaseUrl: await postgres.createDatabase() });
    results.push(await measure('single node', single, single));
    await single.kill('SIGTERM');

    const redis = await RedisServer.start(cleanup);
    const databaseUrl = await postgres.createDatabase();
    const env = { REDIS_URL: redis.url };
    const a = await ChildServer.start(cleanup, { databaseUrl, env });
    const b = await ChildServer.start(cleanup, { databaseUrl, env });
    results.push(await measure('cluster, same node', a, a));
    results.push(await measure('cross-node (A → B)', a, b));
  } finally {
    await cleanup.run();
  }

  const ms = (x: number) => x.toFixed(1);
  console.log(
    `\nFan-out latency: ${WRITERS} writers × ${RATE} probes/s for ${SECONDS} s, ${READERS} readers, one board, ` +
      `PostgreSQL store, stock y-websocket providers (${cpus().length} × ${cpus()[0]?.model ?? '?'}, ` +
      `load ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')})\n`,
  );
  console.log('| setup | p50 ms | p95 ms | p99 ms | max ms | delivered |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  for (const r of results) {
    const sorted = [...r.samples].sort((x, y) => x - y);
    console.log(
      `| ${r.setup} | ${ms(quantile(sorted, 0.5))} | ${ms(quantile(sorted, 0.95))} | ${ms(quantile(sorted, 0.99))} | ` +
        `${ms(sorted.at(-1) ?? Number.NaN)} | ${r.samples.length}/${r.expected} |`,
    );
  }
}

await main();
process.exit(0);
