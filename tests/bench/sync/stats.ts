import { readFileSync } from 'node:fs';
import pidusage from 'pidusage';

export function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

export interface Latency {
  samples: number;
  p50: number;
  p99: number;
  max: number;
}

export function summarise(latencies: Float64Array): Latency {
  const sorted = Float64Array.from(latencies).sort();
  return {
    samples: sorted.length,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted.length ? (sorted[sorted.length - 1] ?? Number.NaN) : Number.NaN,
  };
}

export interface Usage {
  /** Mean CPU of the server process over the window, % of one core. */
  cpuPercent: number;
  peakRssBytes: number;
  lastRssBytes: number;
  /**
   * CPU time the server process used over the window (user + system, ms; /proc's 10 ms ticks).
   * Unlike latency, this barely moves with the machine's load: a starved server waits longer but
   * does the same work, so per-delivery CPU compares servers on a shared machine.
   */
  cpuMs: number;
}

/** Samples one process with pidusage (CPU since the previous sample, RSS) every `everyMs`. */
export class Sampler {
  private timer: NodeJS.Timeout | null = null;
  private cpu: number[] = [];
  private peak = 0;
  private last = 0;
  private firstCtime = Number.NaN;
  private lastCtime = Number.NaN;

  constructor(
    private readonly pid: number,
    private readonly everyMs = 500,
  ) {}

  async start(): Promise<void> {
    this.cpu = [];
    this.peak = 0;
    this.firstCtime = Number.NaN;
    await this.sample(false);
    this.firstCtime = this.lastCtime;
    this.timer = setInterval(() => void this.sample(true), this.everyMs);
  }

  private async sample(keepCpu: boolean): Promise<void> {
    try {
      const stat = await pidusage(this.pid);
      if (keepCpu) this.cpu.push(stat.cpu);
      this.peak = Math.max(this.peak, stat.memory);
      this.last = stat.memory;
      this.lastCtime = stat.ctime;
    } catch {
      // The process is gone (a crash shows up in the workload's own checks).
    }
  }

  async rss(): Promise<number> {
    await this.sample(false);
    return this.last;
  }

  async stop(): Promise<Usage> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.sample(true);
    const cpuPercent = this.cpu.length ? this.cpu.reduce((a, b) => a + b, 0) / this.cpu.length : Number.NaN;
    return { cpuPercent, peakRssBytes: this.peak, lastRssBytes: this.last, cpuMs: this.lastCtime - this.firstCtime };
  }
}

/** CPU of this process (the load generator, all its threads), % of one core, between two calls. */
export class SelfCpu {
  private startCpu = process.cpuUsage();
  private startAt = performance.now();

  reset(): void {
    this.startCpu = process.cpuUsage();
    this.startAt = performance.now();
  }

  percent(): number {
    const used = process.cpuUsage(this.startCpu);
    const ms = performance.now() - this.startAt;
    return ((used.user + used.system) / 1000 / ms) * 100;
  }
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Write syscalls (write, writev, pwrite…) a process has made so far, from /proc/<pid>/io (Linux
 * only; NaN elsewhere). A count, not a time: the machine's load cannot move it at all.
 */
export function writeSyscalls(pid: number): number {
  try {
    const match = /^syscw: (\d+)$/m.exec(readFileSync(`/proc/${pid}/io`, 'utf8'));
    return match ? Number(match[1]) : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

/** CPU time a process has used so far (user + system, ms); NaN once it is gone. */
export async function cpuTimeMs(pid: number): Promise<number> {
  try {
    return (await pidusage(pid)).ctime;
  } catch {
    return Number.NaN;
  }
}

/** Server CPU ms per 1,000 deliveries (a delivery: one edit received by one client). */
export const cpuPer1k = (cpuMs: number, deliveries: number) =>
  deliveries > 0 ? (cpuMs / deliveries) * 1_000 : Number.NaN;
