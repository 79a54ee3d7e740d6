import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { planeLog } from '../log.js';

const log = planeLog('cluster');

/** Ms between reconnection attempts while Redis is away (capped backoff). */
export const REDIS_RETRY_MAX_MS = 1_000;
/** Ms a starting node waits for Redis before it serves in degraded mode anyway. */
export const REDIS_STARTUP_WAIT_MS = 5_000;
/** Bytes of the random node id carried in every relayed message (to skip our own). */
export const NODE_ID_BYTES = 8;

type MessageHandler = (message: Buffer) => void;

/**
 * This node's two connections to Redis (DESIGN §5): one for commands and publishing, one
 * subscriber. Redis is a relay, never the truth: while it is down the node
 * keeps serving what it holds, publishing is skipped (never queued without bound), and once both
 * connections are back every `onReconnect` listener catches up from the store.
 */
export class Cluster {
  readonly nodeId = randomBytes(NODE_ID_BYTES);
  readonly pub: Redis;
  readonly sub: Redis;
  private readonly channels = new Map<string, MessageHandler>();
  private readonly reconnectListeners = new Set<() => void>();
  /** True once Redis was lost after having been reachable: the next ready is a reconnect. */
  private lost = false;
  private closed = false;

  private constructor(url: string) {
    const options = {
      retryStrategy: (times: number) => Math.min(times * 100, REDIS_RETRY_MAX_MS),
      // A publish while Redis is away fails at once; the store catch-up replaces it later.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      autoResubscribe: false,
      lazyConnect: true,
    };
    this.pub = new Redis(url, { ...options, connectionName: 'warsztat-pub' });
    this.sub = new Redis(url, { ...options, connectionName: 'warsztat-sub' });
    for (const client of [this.pub, this.sub]) {
      // ioredis reports every failed attempt as an error; the health endpoint tells the story.
      client.on('error', () => {});
    }
    for (const client of [this.pub, this.sub]) {
      client.on('close', () => {
        if (this.closed) return;
        if (!this.lost) log.warn('Redis connection lost; serving local clients until it is back');
        this.lost = true;
      });
      client.on('ready', () => void this.onReady());
    }
    this.sub.on('messageBuffer', (channel: Buffer, message: Buffer) => {
      this.channels.get(channel.toString())?.(message);
    });
  }

  /** Connects, waiting a little for Redis; a node whose Redis is down starts degraded. */
  static async connect(url: string): Promise<Cluster> {
    const cluster = new Cluster(url);
    const ready = Promise.all([cluster.pub.connect(), cluster.sub.connect()]).catch(() => {});
    let timer: NodeJS.Timeout | undefined;
    const waited = new Promise((resolve) => {
      timer = setTimeout(resolve, REDIS_STARTUP_WAIT_MS);
    });
    await Promise.race([ready, waited]);
    clearTimeout(timer);
    return cluster;
  }

  /** True while this node can publish and receive. */
  get healthy(): boolean {
    return this.pub.status === 'ready' && this.sub.status === 'ready';
  }

  private async onReady(): Promise<void> {
    if (!this.healthy) return; // the other connection is not back yet; its ready comes later
    const names = [...this.channels.keys()];
    if (names.length > 0) {
      try {
        await this.sub.subscribe(...names);
      } catch (error) {
        log.error({ err: error }, 'resubscribe failed');
        return;
      }
    }
    if (!this.lost) return;
    this.lost = false;
    log.info('Redis is back; catching up from the store');
    for (const listener of this.reconnectListeners) listener();
  }

  /** Called after Redis came back: what was published meanwhile may be lost. */
  onReconnect(listener: () => void): () => void {
    this.reconnectListeners.add(listener);
    return () => this.reconnectListeners.delete(listener);
  }

  /**
   * Starts receiving `channel`. Resolves once Redis confirmed it, or at once while Redis is away
   * (the channel is subscribed when it returns, followed by a catch-up).
   */
  async subscribe(channel: string, handler: MessageHandler): Promise<void> {
    this.channels.set(channel, handler);
    if (this.sub.status !== 'ready') return;
    try {
      await this.sub.subscribe(channel);
    } catch {
      // Lost meanwhile; the reconnect resubscribes.
    }
  }

  unsubscribe(channel: string): void {
    if (!this.channels.delete(channel)) return;
    if (this.sub.status === 'ready') this.sub.unsubscribe(channel).catch(() => {});
  }

  /** Fire and forget: a message that cannot be sent now is dropped (the catch-up covers it). */
  publish(channel: string, message: Buffer | string): void {
    if (this.pub.status !== 'ready') {
      this.lost = true;
      return;
    }
    this.pub.publish(channel, message).catch(() => {
      this.lost = true;
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    this.channels.clear();
    this.reconnectListeners.clear();
    for (const client of [this.pub, this.sub]) client.disconnect();
  }
}
