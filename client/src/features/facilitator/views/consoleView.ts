import type { Phase } from '@warsztat/shared';
import { useCallback, useEffect, useRef } from 'react';
import { useSearchParams } from 'react-router';

/**
 * The console's four views (issue #16), in the order of a workshop's flow. The view lives in the
 * URL (`/f/<token>?view=run`), so a reload keeps it; `/f/<token>` alone shows the phase's view.
 */
export const CONSOLE_VIEWS = ['prepare', 'run', 'plenary', 'report'] as const;
export type ConsoleView = (typeof CONSOLE_VIEWS)[number];

export function viewForPhase(phase: Phase): ConsoleView {
  switch (phase) {
    case 'breakout':
      return 'run';
    case 'plenary':
    case 'presenting':
    case 'discussion':
      return 'plenary';
    case 'closed':
      return 'report';
    default:
      return 'prepare';
  }
}

function isView(value: string | null): value is ConsoleView {
  return value !== null && (CONSOLE_VIEWS as readonly string[]).includes(value);
}

/**
 * The view shown, and a way to pick one. It follows the phase: when the phase changes (here or
 * from another console) the phase's view replaces the current one; a view picked by hand stays
 * until then, across reloads.
 */
export function useConsoleView(phase: Phase): [ConsoleView, (view: ConsoleView) => void] {
  const [params, setParams] = useSearchParams();
  const asked = params.get('view');
  const lastPhase = useRef(phase);
  // Decided in render, not after the effect: the old view must not draw (and open docs) for a frame.
  const view = lastPhase.current === phase && isView(asked) ? asked : viewForPhase(phase);
  useEffect(() => {
    if (lastPhase.current === phase) return;
    lastPhase.current = phase;
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        next.delete('view');
        return next;
      },
      { replace: true },
    );
  }, [phase, setParams]);
  const choose = useCallback(
    (next: ConsoleView) =>
      setParams((p) => {
        const out = new URLSearchParams(p);
        out.set('view', next);
        return out;
      }),
    [setParams],
  );
  return [view, choose];
}
