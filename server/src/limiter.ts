import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';

/**
 * Counters for the abuse limits of issue #14, built on rate-limiter-flexible rather than by hand.
 * On one node they live in memory (each key expires with its window, so the map holds only keys
 * seen within it); with REDIS_URL they live in Redis, so several nodes share one budget, with a
 * memory limiter as insurance while Redis is away (a Redis outage must not open or close the door).
 */
export class Limiter {
  private constructor(
    private readonly limiter: RateLimiterMemory | RateLimiterRedis,
    private readonly points: number,
  ) {}

  /** `points` per `durationS` seconds per key; `prefix` keeps limiters apart in a shared Redis. */
  static create(prefix: string, points: number, durationS: number, redis: Redis | null): Limiter {
    const options = { keyPrefix: `warsztat:limit:${prefix}`, points, duration: durationS };
    const memory = new RateLimiterMemory(options);
    // Not ready (reconnecting) counts as away: the memory insurance answers at once instead of a
    // join waiting on Redis (tests/integration/cluster-limits.test.ts).
    const limiter = redis
      ? new RateLimiterRedis({ ...options, storeClient: redis, insuranceLimiter: memory, rejectIfRedisNotReady: true })
      : memory;
    return new Limiter(limiter, points);
  }

  /** Takes one point; false once the key's budget for this window is spent. */
  async take(key: string): Promise<boolean> {
    try {
      await this.limiter.consume(key);
      return true;
    } catch (error) {
      if (error instanceof RateLimiterRes) return false;
      throw error;
    }
  }

  /** Counts one point without refusing anything (a failure that will count against later tries). */
  async count(key: string): Promise<void> {
    await this.take(key);
  }

  /** True while the key has spent its budget for this window (nothing is counted by asking). */
  async isSpent(key: string): Promise<boolean> {
    const res = await this.limiter.get(key);
    return res !== null && res.consumedPoints >= this.points;
  }
}
