import { Counter, collectDefaultMetrics, Gauge, Registry } from 'prom-client';

export interface SyncStats {
  docs: number;
  connections: number;
  /** Presence counters (issue #18): plain numbers kept by the sync plane, read at scrape time. */
  awareness?: { parsed: number; skipped: number; sent: number; rateLimited: number };
}

const AWARENESS_COUNTERS = [
  [
    'parsed',
    'warsztat_sync_awareness_entries_parsed_total',
    'Awareness entries whose JSON was parsed (a socket’s own states).',
  ],
  [
    'skipped',
    'warsztat_sync_awareness_foreign_dropped_total',
    'Awareness entries for client ids the socket does not own (echoes, stale states), dropped before any JSON was parsed.',
  ],
  ['sent', 'warsztat_sync_awareness_messages_sent_total', 'Awareness messages sent to sockets (coalesced per doc).'],
  [
    'rateLimited',
    'warsztat_sync_awareness_rate_limited_total',
    'Awareness messages dropped by the per-socket awareness rate limit.',
  ],
] as const;

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
    for (const [key, name, help] of AWARENESS_COUNTERS) {
      new Counter({
        name,
        help,
        registers: [this.registry],
        // The sync plane counts in plain numbers (no call per message); the counter mirrors them.
        collect() {
          this.reset();
          this.inc(stats().awareness?.[key] ?? 0);
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
