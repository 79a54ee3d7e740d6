/**
 * A token bucket for one socket's messages: `ratePerSecond` refill, a burst of four seconds' worth,
 * starting full (a newcomer's handshake and first edits are never refused).
 */
export class TokenBucket {
  private tokens: number;
  private lastRefill = Date.now();

  constructor(private readonly ratePerSecond: number) {
    this.tokens = ratePerSecond * 4;
  }

  /** Takes one token; false when the bucket is empty. */
  take(): boolean {
    const now = Date.now();
    const rate = this.ratePerSecond;
    this.tokens = Math.min(rate * 4, this.tokens + ((now - this.lastRefill) / 1000) * rate);
    this.lastRefill = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
