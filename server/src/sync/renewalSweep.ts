/**
 * The one process-wide timer that forwards held presence renewals (AwarenessHub, issue #18):
 * one timer instead of one per doc or socket, stopped while no doc holds a renewal.
 */

/** How often the shared sweep forwards held renewals. */
export const RENEWAL_SWEEP_MS = 5_000;

/** A doc's presence, as the sweep sees it: `sweep` forwards what is due, false once nothing is held. */
export interface RenewalHolder {
  sweep(now: number): boolean;
}

const hubsWithRenewals = new Set<RenewalHolder>();
let sweepTimer: NodeJS.Timeout | null = null;

/** Has the sweep visit `hub` until it holds no renewal. */
export function watchRenewals(hub: RenewalHolder): void {
  hubsWithRenewals.add(hub);
  if (sweepTimer) return;
  sweepTimer = setInterval(() => {
    const now = Date.now();
    for (const h of hubsWithRenewals) if (!h.sweep(now)) hubsWithRenewals.delete(h);
    if (hubsWithRenewals.size === 0 && sweepTimer) {
      clearInterval(sweepTimer);
      sweepTimer = null;
    }
  }, RENEWAL_SWEEP_MS);
  sweepTimer.unref();
}

/** A doc closed: the sweep forgets it. */
export function forgetRenewals(hub: RenewalHolder): void {
  hubsWithRenewals.delete(hub);
}
