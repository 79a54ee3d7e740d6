/**
 * One load-generator thread. The main thread (pool.ts) sends commands; this thread runs its share
 * of the clients, ticks the editors and keeps the measurements of its receivers.
 *
 * Measurement window: the main thread names `[from, to]` in epoch ms. An edit counts if it was
 * typed inside the window; a latency sample counts if its marker's timestamp is inside it.
 * Latency = arrival time − the timestamp typed into the edit (same clock: one machine, and
 * `performance.timeOrigin + performance.now()` is shared by every thread of the process).
 */
import { parentPort } from 'node:worker_threads';
import { type Client, type ClientSpec, now, ProviderClient, RawClient, type Sink } from './clients.js';

export type Command =
  | { type: 'connect'; clients: ClientSpec[]; startAt: number; spreadMs: number }
  | { type: 'createCards' }
  | { type: 'rate'; editsPerSecondPerEditor: number }
  | { type: 'window'; from: number; to: number }
  | { type: 'collect' }
  | { type: 'close' };

export interface Collected {
  latencies: Float64Array;
  edits: number;
  /** Markers received per group, to compare with edits × (receivers − 1). */
  samplesByGroup: Record<number, number>;
  editsByGroup: Record<number, number>;
}

export interface ConnectReport {
  opened: Record<number, number>;
  synced: Record<number, { at: number; bytes: number }>;
  closed: Record<number, number>;
}

const port = parentPort;
if (!port) throw new Error('worker.ts runs as a worker thread');

const clients: Client[] = [];
const editors: { client: Client; nextAt: number }[] = [];
let windowFrom = Number.POSITIVE_INFINITY;
let windowTo = Number.NEGATIVE_INFINITY;
let latencies: number[] = [];
let edits = 0;
let samplesByGroup: Record<number, number> = {};
let editsByGroup: Record<number, number> = {};
let report: ConnectReport = { opened: {}, synced: {}, closed: {} };
let ticker: NodeJS.Timeout | null = null;
/** One timer for every client's presence renewal (each renews 15 s after its last state). */
const renewer = setInterval(() => {
  const t = now();
  for (const c of clients) c.renew(t);
}, 1_000);
renewer.unref();

const sink: Sink = {
  sample(receiver, _editor, sentAt) {
    if (sentAt < windowFrom || sentAt > windowTo) return;
    latencies.push(now() - sentAt);
    samplesByGroup[receiver.group] = (samplesByGroup[receiver.group] ?? 0) + 1;
  },
  opened(client, at) {
    report.opened[client.id] ??= at;
  },
  synced(client, at, bytes) {
    report.synced[client.id] ??= { at, bytes };
  },
  closed(client, code) {
    report.closed[client.id] ??= code;
  },
};

function connect(specs: ClientSpec[], startAt: number, spreadMs: number): void {
  specs.forEach((spec, i) => {
    const delay = Math.max(0, startAt + (spreadMs * i) / Math.max(1, specs.length) - now());
    setTimeout(() => {
      const client = spec.role === 'provider' ? new ProviderClient(spec, sink) : new RawClient(spec, sink);
      clients.push(client);
      if (spec.role === 'editor') editors.push({ client, nextAt: Number.POSITIVE_INFINITY });
    }, delay);
  });
}

/** One timer for all editors of this thread; each editor keeps its own phase. */
function setRate(perEditor: number): void {
  if (ticker) clearInterval(ticker);
  ticker = null;
  if (perEditor <= 0) return;
  const period = 1000 / perEditor;
  const start = now();
  for (const e of editors) e.nextAt = start + Math.random() * period;
  ticker = setInterval(() => {
    const t = now();
    for (const e of editors) {
      // An editor that fell behind skips what it missed: the offered rate is what was sent.
      if (e.nextAt > t) continue;
      e.client.edit();
      if (t >= windowFrom && t <= windowTo) {
        edits++;
        const g = e.client.spec.group;
        editsByGroup[g] = (editsByGroup[g] ?? 0) + 1;
      }
      e.nextAt += period;
      if (e.nextAt < t) e.nextAt = t + period * Math.random();
    }
  }, 2);
}

port.on('message', (command: Command) => {
  switch (command.type) {
    case 'connect':
      connect(command.clients, command.startAt, command.spreadMs);
      port.postMessage({ type: 'ok' });
      return;
    case 'createCards':
      for (const e of editors) e.client.createCard();
      port.postMessage({ type: 'ok' });
      return;
    case 'rate':
      setRate(command.editsPerSecondPerEditor);
      port.postMessage({ type: 'ok' });
      return;
    case 'window':
      windowFrom = command.from;
      windowTo = command.to;
      latencies = [];
      edits = 0;
      samplesByGroup = {};
      editsByGroup = {};
      port.postMessage({ type: 'ok' });
      return;
    case 'collect': {
      const collected: Collected = { latencies: Float64Array.from(latencies), edits, samplesByGroup, editsByGroup };
      port.postMessage({ type: 'collected', collected, report });
      return;
    }
    case 'close':
      setRate(0);
      for (const c of clients) c.close();
      clients.length = 0;
      editors.length = 0;
      report = { opened: {}, synced: {}, closed: {} };
      windowFrom = Number.POSITIVE_INFINITY;
      windowTo = Number.NEGATIVE_INFINITY;
      port.postMessage({ type: 'ok' });
      return;
  }
});

port.postMessage({ type: 'ready' });
