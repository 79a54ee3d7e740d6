import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { Job, JobResults } from './jobs.js';

/** The pool's queue is full: the caller answers 503 `unavailable` with Retry-After (http/errors.ts). */
export class PoolBusyError extends Error {
  constructor() {
    super('Too many imports and reports at once');
    this.name = 'PoolBusyError';
  }
}

/**
 * The worker's file. From the sources (tsx, tests) it is a shim beside this module that loads the
 * .ts worker through tsx; the compiled server (build.mjs) has it as dist/decodeWorker.js, beside
 * main.js, while this module may have been bundled into main.js or into dist/chunks/.
 */
function workerFile(): string {
  if (import.meta.url.endsWith('.ts')) return fileURLToPath(new URL('./decodeWorkerFromSource.mjs', import.meta.url));
  for (const relative of ['./decodeWorker.js', '../decodeWorker.js']) {
    const filename = fileURLToPath(new URL(relative, import.meta.url));
    if (existsSync(filename)) return filename;
  }
  throw new Error('decodeWorker.js is missing beside the compiled server (run `pnpm build`)');
}

export interface DecodePoolOptions {
  /** Worker threads at most (started on demand, stopped after a minute idle); config.ts `decodeThreads`. */
  maxThreads: number;
  /** Jobs waiting for a thread at most; past it a job is refused at once (PoolBusyError). */
  maxQueue: number;
}

/**
 * Heavy decoding off the main thread (issue #14, "CPU fairness"): a 17 MB import or the report of
 * a board at its quota costs seconds of JSON parsing, schema checks, Yjs decoding and rendering,
 * during which the event loop would answer no one (`/healthz` stalled for 6 s). A small piscina
 * pool runs them instead, with a bounded queue so a flood is refused rather than held; at rest it
 * holds no thread, so a node that never imports pays nothing (issue #18).
 */
export class DecodePool {
  private readonly pool: Piscina;

  constructor(private readonly options: DecodePoolOptions) {
    this.pool = new Piscina({
      filename: workerFile(),
      minThreads: 0,
      maxThreads: options.maxThreads,
      maxQueue: options.maxQueue,
      idleTimeout: 60_000,
    });
  }

  /** Runs `job` on a worker; throws PoolBusyError when the queue is full. */
  async run<J extends Job>(job: J): Promise<JobResults[J['type']]> {
    if (this.pool.queueSize >= this.options.maxQueue) throw new PoolBusyError();
    try {
      return (await this.pool.run(job)) as JobResults[J['type']];
    } catch (error) {
      if (error instanceof Error && error.message === 'Task queue is at limit') throw new PoolBusyError();
      throw error;
    }
  }

  async close(): Promise<void> {
    await this.pool.destroy();
  }
}
