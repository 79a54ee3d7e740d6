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
