import type { WorkshopState } from '@warsztat/shared';
import { useHotkeys } from 'react-hotkeys-hook';
import { hasTimer } from '../../../app/Timer';
import type { Run } from '../useCommand';

/**
 * The live run's keys (listed in ShortcutsHelp). react-hotkeys-hook ignores keys typed in form
 * fields and editable text by default, so writing a broadcast never pauses the timer.
 */
export const RUN_SHORTCUTS = [
  ['N', 'next'],
  ['P', 'pause'],
  ['E', 'plus1'],
  ['Shift+E', 'plus5'],
  ['B', 'broadcast'],
  ['R', 'recall'],
  ['G', 'groups'],
] as const;

export function useRunShortcuts(
  workshop: WorkshopState,
  run: Run,
  targets: {
    broadcast: () => void;
    recall: () => void;
    firstTile: () => void;
  },
) {
  const timer = workshop.timer;
  const active = hasTimer(timer);
  const options = { preventDefault: true } as const;
  useHotkeys(
    'p',
    () => {
      if (active) void run({ type: 'timer', action: timer.endsAt !== null ? 'pause' : 'resume' });
    },
    options,
    [active, timer.endsAt, run],
  );
  useHotkeys('e', () => active && void run({ type: 'timer', action: 'extend', minutes: 1 }), options, [active, run]);
  useHotkeys('shift+e', () => active && void run({ type: 'timer', action: 'extend', minutes: 5 }), options, [
    active,
    run,
  ]);
  useHotkeys('b', targets.broadcast, options, [targets.broadcast]);
  useHotkeys('r', targets.recall, options, [targets.recall]);
  useHotkeys('g', targets.firstTile, options, [targets.firstTile]);
}
