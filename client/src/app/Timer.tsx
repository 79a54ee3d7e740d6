import type { TimerState } from '@warsztat/shared';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useControlStore } from '../stores/controlStore';
import { usePreferences } from '../stores/preferencesStore';
import { beep } from './beep';
import { useNow } from './useNow';

/** Ticks a little faster than once a second so the display never skips a second. */
const TICK_MS = 250;
/** The last minute is highlighted on every screen. */
export const LAST_MINUTE_MS = 60_000;

export function formatRemaining(ms: number): string {
  const totalSeconds = Math.max(0, Math.ceil(ms / 1000));
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = totalSeconds % 60;
  return `${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}`;
}

export function hasTimer(timer: TimerState): boolean {
  return timer.endsAt !== null || timer.pausedRemainingMs !== null;
}

/** Server time now: the client's clock corrected by the measured offset. */
export function useServerNow(active: boolean): number {
  const offsetMs = useControlStore((s) => s.offsetMs);
  return useNow(TICK_MS, active) + offsetMs;
}

/**
 * Countdown rendered from the server's `endsAt` and the measured clock offset, so every screen
 * shows the same second whatever its own clock says. Beeps once at zero when the sound is on.
 */
export function Timer({
  timer,
  large = false,
  frozen = false,
}: {
  timer: TimerState;
  large?: boolean;
  /** The projector's freeze (WCAG 2.2.2): the digits stop where they are. */
  frozen?: boolean;
}) {
  const { t } = useTranslation();
  const running = timer.endsAt !== null;
  const now = useServerNow(running && !frozen);
  const sound = usePreferences((s) => s.sound);
  const remaining = running ? (timer.endsAt ?? 0) - now : (timer.pausedRemainingMs ?? 0);
  const expired = running && remaining <= 0;
  const beeped = useRef<number | null>(null);
  useEffect(() => {
    // Only a transition to zero while watching beeps, not opening a page after the end.
    if (!running) return;
    if (!expired) beeped.current = null;
    else if (beeped.current === null) {
      beeped.current = timer.endsAt;
      if (sound && remaining > -2_000) beep();
    }
  }, [running, expired, sound, remaining, timer.endsAt]);
  if (!hasTimer(timer)) return null;
  const paused = !running;
  const lastMinute = !expired && remaining <= LAST_MINUTE_MS;
  return (
    <span
      className={`timer${large ? ' timer--large' : ''}${paused ? ' timer--paused' : ''}${expired ? ' timer--expired' : ''}${lastMinute ? ' timer--last-minute' : ''}`}
      data-testid="timer"
      data-paused={paused}
      data-last-minute={lastMinute}
      data-remaining-ms={Math.max(0, Math.round(remaining))}
      role="timer"
      aria-label={lastMinute ? `${t('timer.label')} — ${t('sound.lastMinute')}` : t('timer.label')}
    >
      <span className="timer-digits">{formatRemaining(remaining)}</span>
      {paused && <span className="timer-paused"> ({t('timer.paused')})</span>}
    </span>
  );
}

/** The sound on/off switch; its click is also the user gesture browsers require for audio. */
export function SoundToggle() {
  const { t } = useTranslation();
  const sound = usePreferences((s) => s.sound);
  const setSound = usePreferences((s) => s.setSound);
  return (
    <label className="checkbox-row small">
      <input
        type="checkbox"
        data-testid="sound-toggle"
        checked={sound}
        onChange={(e) => {
          setSound(e.target.checked);
          if (e.target.checked) beep();
        }}
      />
      {t('sound.label')}
    </label>
  );
}
