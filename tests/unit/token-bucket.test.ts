import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TokenBucket } from '../../server/src/sync/TokenBucket.js';

/** The per-socket message bucket on fake time: a burst of four seconds' worth, then the rate. */
describe('TokenBucket', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(0);
  });
  afterEach(() => vi.useRealTimers());

  const takeAll = (bucket: TokenBucket) => {
    let taken = 0;
    while (bucket.take()) taken++;
    return taken;
  };

  it("starts full: a newcomer's burst of four seconds' worth passes, the next message does not", () => {
    const bucket = new TokenBucket(5);
    expect(takeAll(bucket)).toBe(20);
    expect(bucket.take()).toBe(false);
  });

  it('refills at its rate, and never beyond the burst however long it rests', () => {
    const bucket = new TokenBucket(5);
    takeAll(bucket);
    vi.advanceTimersByTime(199);
    expect(bucket.take()).toBe(false);
    vi.advanceTimersByTime(1);
    // 0.2 s at 5 per second since the refused try: one message, and no more.
    expect(bucket.take()).toBe(true);
    expect(bucket.take()).toBe(false);
    vi.advanceTimersByTime(60_000);
    expect(takeAll(bucket)).toBe(20);
  });
});
