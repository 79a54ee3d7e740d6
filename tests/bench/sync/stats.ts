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
}

/** Samples one process with pidusage (CPU since the previous sample, RSS) every `everyMs`. */
export class Sampler {
  private timer: NodeJS.Timeout | null = null;
  private cpu: number[] = [];
  private peak = 0;
  private last = 0;

  constructor(
    private readonly pid: number,
    private readonly everyMs = 500,
  ) {}

  async start(): Promise<void> {
    this.cpu = [];
    this.peak = 0;
    await this.sample(false);
    this.timer = setInterval(() => void this.sample(true), this.everyMs);
  }

  private async sample(keepCpu: boolean): Promise<void> {
    try {
      const stat = await pidusage(this.pid);
      if (keepCpu) this.cpu.push(stat.cpu);
      this.peak = Math.max(this.peak, stat.memory);
      this.last = stat.memory;
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
    return { cpuPercent, peakRssBytes: this.peak, lastRssBytes: this.last };
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
