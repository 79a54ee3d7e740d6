/**
 * Eventual state is polled, never slept for: a test waits exactly as long as the server needs and
 * fails with a description instead of a bare timeout.
 */
export const POLL_INTERVAL_MS = 10;
export const DEFAULT_WAIT_MS = 5_000;

export async function waitFor(
  predicate: () => boolean | Promise<boolean>,
  timeoutMs = DEFAULT_WAIT_MS,
  what = 'condition',
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await predicate()) return;
    if (Date.now() > deadline) throw new Error(`waitFor: ${what} not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
  }
}
