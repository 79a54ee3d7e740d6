import { useRef } from 'react';

/**
 * WCAG 2.2.2 (pause, stop, hide): while `frozen`, keeps returning the value from the last render
 * before the freeze, so nothing on the projector changes while the room reads; the live value
 * comes back the moment the facilitator unfreezes.
 */
export function useFrozen<T>(live: T, frozen: boolean): T {
  const kept = useRef(live);
  if (!frozen) kept.current = live;
  return kept.current;
}

/**
 * True while frozen once a newer live value than the one at the freeze has arrived: the projector
 * is holding something back. Shown as `data-held` on the projector, so a test (or a look at the
 * DOM) can tell "frozen and a change arrived" from "frozen and nothing happened yet".
 */
export function useHeldBack<T>(live: T, frozen: boolean): boolean {
  const atFreeze = useRef<{ value: T } | null>(null);
  if (!frozen) atFreeze.current = null;
  else if (atFreeze.current === null) atFreeze.current = { value: live };
  return frozen && atFreeze.current?.value !== live;
}
