import { Worker } from 'node:worker_threads';
import type { ClientSpec } from './clients.js';
import type { Collected, Command, ConnectReport } from './worker.js';

export interface PoolResult {
  latencies: Float64Array;
  edits: number;
  samplesByGroup: Record<number, number>;
  editsByGroup: Record<number, number>;
  report: ConnectReport;
}

/** The main thread's handle on the load-generator threads; clients are dealt out round-robin. */
export class Pool {
  private readonly workers: Worker[];
  /** Resolves once every thread has loaded its modules, so timed work never includes start-up. */
  private readonly ready: Promise<unknown>;

  constructor(threads: number) {
    this.workers = Array.from({ length: threads }, () => new Worker(new URL('./worker-entry.mjs', import.meta.url)));
    for (const w of this.workers) w.on('error', (error) => console.error('bench worker failed', error));
    this.ready = Promise.all(this.workers.map((w) => new Promise((resolve) => w.once('message', resolve))));
  }

  /** A pool whose threads are loaded. */
  static async start(threads: number): Promise<Pool> {
    const pool = new Pool(threads);
    await pool.ready;
    return pool;
  }

  private ask<T>(worker: Worker, command: Command): Promise<T> {
    return new Promise((resolve) => {
      worker.once('message', (message: T) => resolve(message));
      worker.postMessage(command);
    });
  }

  private all<T>(command: Command): Promise<T[]> {
    return Promise.all(this.workers.map((w) => this.ask<T>(w, command)));
  }

  /** Starts connecting `clients`, spread evenly over `spreadMs` from `startAt` (epoch ms). */
  async connect(clients: ClientSpec[], startAt: number, spreadMs: number): Promise<void> {
    const shares: ClientSpec[][] = this.workers.map(() => []);
    clients.forEach((c, i) => {
      shares[i % shares.length]?.push(c);
    });
    await Promise.all(
      this.workers.map((w, i) => this.ask(w, { type: 'connect', clients: shares[i] ?? [], startAt, spreadMs })),
    );
  }

  createCards = () => this.all({ type: 'createCards' });
  setRate = (editsPerSecondPerEditor: number) => this.all({ type: 'rate', editsPerSecondPerEditor });
  setWindow = (from: number, to: number) => this.all({ type: 'window', from, to });

  async collect(): Promise<PoolResult> {
    const parts = await this.all<{ collected: Collected; report: ConnectReport }>({ type: 'collect' });
    const result: PoolResult = {
      latencies: new Float64Array(parts.reduce((n, p) => n + p.collected.latencies.length, 0)),
      edits: 0,
      samplesByGroup: {},
      editsByGroup: {},
      report: { opened: {}, synced: {}, closed: {} },
    };
    let offset = 0;
    for (const { collected, report } of parts) {
      result.latencies.set(collected.latencies, offset);
      offset += collected.latencies.length;
      result.edits += collected.edits;
      for (const [g, n] of Object.entries(collected.samplesByGroup))
        result.samplesByGroup[Number(g)] = (result.samplesByGroup[Number(g)] ?? 0) + n;
      for (const [g, n] of Object.entries(collected.editsByGroup))
        result.editsByGroup[Number(g)] = (result.editsByGroup[Number(g)] ?? 0) + n;
      Object.assign(result.report.opened, report.opened);
      Object.assign(result.report.synced, report.synced);
      Object.assign(result.report.closed, report.closed);
    }
    return result;
  }

  /** Closes every client; the threads stay for the next workload. */
  async closeClients(): Promise<void> {
    await this.all({ type: 'close' });
  }

  async close(): Promise<void> {
    await this.closeClients();
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
