import { describe, expect, it } from 'vitest';
import { PROFILES, runClientBench } from '../bench/client/bench.js';
import { waitFor } from '../helpers/poll.js';

/** Timers and sockets that keep a Node process alive (unref'd ones are not listed). */
const aliveResources = () => process.getActiveResourcesInfo().filter((r) => r !== 'PipeWrap' && r !== 'TTYWrap');

/**
 * Keeps `pnpm bench:client` (tests/bench/client, issue #15) from rotting: one cold load of each
 * screen and of its floor, unthrottled, on a small board. It asserts only that every cell came
 * back with numbers — speed is measured by the benchmark, never asserted by a test.
 */
describe('client benchmark harness', () => {
  it('measures every screen and its floor, and leaves nothing running', async () => {
    const before = aliveResources().length;
    const rows = await runClientBench({
      cards: 20,
      runs: 1,
      profiles: [PROFILES.UNTHROTTLED],
      screens: ['join', 'board', 'console', 'projector'],
    });
    expect(rows.map((r) => r.screen)).toEqual(['join', 'board', 'console', 'projector']);
    for (const row of rows) {
      for (const load of [row.app, row.floor]) {
        expect(load.usableMs, row.screen).toBeGreaterThan(0);
        expect(load.bytesUsable, row.screen).toBeGreaterThan(0);
        expect(load.bytesTotal, row.screen).toBeGreaterThanOrEqual(load.bytesUsable * 0.5);
        expect(Number.isFinite(load.longTaskMs), row.screen).toBe(true);
      }
    }
    // Regression: the seeding docs' Awareness intervals outlived the bench, so `pnpm bench:client`
    // printed its table and never exited. Everything it started must be gone once it returns.
    await waitFor(() => aliveResources().length <= before, 5_000, 'the bench released every timer and socket');
  }, 120_000);
});
