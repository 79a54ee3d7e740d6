import { Counter, collectDefaultMetrics, Gauge, Registry } from 'prom-client';

export interface SyncStats {
  docs: number;
  connections: number;
}

/**
 * Prometheus metrics (GET /metrics). Gauges are read at scrape time; updates and bytes are
 * counters, so "per second" is `rate(warsztat_sync_updates_total[1m])` in Prometheus.
 */
export class Metrics {
  readonly registry = new Registry();
  private readonly updates: Counter;
  private readonly updateBytes: Counter;
  private readonly closes: Counter<'code'>;

  /** `redisUp`: multi-node mode only (null on a single node, which has no Redis metric). */
  constructor(stats: () => SyncStats, redisUp: (() => boolean) | null = null) {
    collectDefaultMetrics({ register: this.registry, prefix: 'warsztat_' });
    new Gauge({
      name: 'warsztat_sync_docs_loaded',
      help: 'Board documents held in memory.',
      registers: [this.registry],
      collect() {
        this.set(stats().docs);
      },
    });
    new Gauge({
      name: 'warsztat_sync_connections',
      help: 'Open sync WebSocket connections.',
      registers: [this.registry],
      collect() {
        this.set(stats().connections);
      },
    });
    if (redisUp) {
      new Gauge({
        name: 'warsztat_redis_up',
        help: 'Whether this node reaches Redis (1) or serves degraded without it (0).',
        registers: [this.registry],
        collect() {
          this.set(redisUp() ? 1 : 0);
        },
      });
    }
    this.updates = new Counter({
      name: 'warsztat_sync_updates_total',
      help: 'Yjs updates accepted and stored.',
      registers: [this.registry],
    });
    this.updateBytes = new Counter({
      name: 'warsztat_sync_update_bytes_total',
      help: 'Bytes of Yjs updates accepted and stored.',
      registers: [this.registry],
    });
    this.closes = new Counter({
      name: 'warsztat_sync_closes_total',
      help: 'Sync sockets closed by the server, by close code (4400 malformed, 4413 too large, 1013 slow consumer, …).',
      labelNames: ['code'],
      registers: [this.registry],
    });
  }

  recordClose(code: number): void {
    this.closes.inc({ code: String(code) });
  }

  recordPersisted(updates: number, bytes: number): void {
    this.updates.inc(updates);
    this.updateBytes.inc(bytes);
  }
}
