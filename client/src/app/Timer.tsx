import type { TimerState } from '@warsztat/shared';
import { useTranslation } from 'react-i18next';
import { useControlStore } from '../stores/controlStore';
import { useNow } from './useNow';

/** Ticks a little faster than once a second so the display never skips a second. */
const TICK_MS = 250;

export function formatRemaining(ms: number): string {
  const totalSeconds = Math.max(0, Math.ceil(ms / 1000));
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = totalSeconds % 60;
  return `${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}`;
}

export function hasTimer(timer: TimerState): boolean {
  return timer.endsAt !== null || timer.pausedRemainingMs !== null;
}

/**
 * Countdown rendered from the server's `endsAt` and the measured clock offset, so every screen
 * shows the same second whatever its own clock says.
 */
export function Timer({ timer, large = false }: { timer: TimerState; large?: boolean }) {
  const { t } = useTranslation();
  const offsetMs = useControlStore((s) => s.offsetMs);
  const running = timer.endsAt !== null;
  const now = useNow(TICK_MS, running);
  if (!hasTimer(timer)) return null;
  const paused = !running;
  const remaining = running ? (timer.endsAt ?? 0) - (now + offsetMs) : (timer.pausedRemainingMs ?? 0);
  const expired = running && remaining <= 0;
  return (
    <span
      className={`timer${large ? ' timer--large' : ''}${paused ? ' timer--paused' : ''}${expired ? ' timer--expired' : ''}`}
      data-testid="timer"
      data-paused={paused}
      role="timer"
      aria-label={t('timer.label')}
    >
      <span className="timer-digits">{formatRemaining(remaining)}</span>
      {paused && <span className="timer-paused"> ({t('timer.paused')})</span>}
    </span>
  );
}
