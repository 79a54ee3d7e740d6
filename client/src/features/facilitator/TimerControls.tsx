import type { WorkshopState } from '@warsztat/shared';
import { useTranslation } from 'react-i18next';
import { hasTimer, SoundToggle, Timer } from '../../app/Timer';
import type { Run } from './useCommand';

interface Props {
  workshop: WorkshopState;
  run: Run;
}

export function TimerControls({ workshop, run }: Props) {
  const { t } = useTranslation();
  const timer = workshop.timer;
  const active = hasTimer(timer);
  const running = timer.endsAt !== null;
  return (
    <section className="card-panel" aria-labelledby="timer-heading">
      <div className="panel-header">
        <h2 id="timer-heading">{t('facilitator.timerControls')}</h2>
        <Timer timer={timer} />
      </div>
      {!active && <p className="muted">{t('facilitator.noTimer')}</p>}
      <SoundToggle />
      <div className="control-row">
        {running ? (
          <button
            type="button"
            className="button"
            data-testid="timer-pause"
            onClick={() => void run({ type: 'timer', action: 'pause' })}
          >
            {t('facilitator.pause')}
          </button>
        ) : (
          <button
            type="button"
            className="button"
            data-testid="timer-resume"
            disabled={!active}
            onClick={() => void run({ type: 'timer', action: 'resume' })}
          >
            {t('facilitator.resume')}
          </button>
        )}
        <button
          type="button"
          className="button"
          data-testid="timer-plus1"
          disabled={!active}
          onClick={() => void run({ type: 'timer', action: 'extend', minutes: 1 })}
        >
          {t('facilitator.plus1')}
        </button>
        <button
          type="button"
          className="button"
          data-testid="timer-plus5"
          disabled={!active}
          onClick={() => void run({ type: 'timer', action: 'extend', minutes: 5 })}
        >
          {t('facilitator.plus5')}
        </button>
        <button
          type="button"
          className="button"
          data-testid="timer-end"
          disabled={!active}
          onClick={() => void run({ type: 'timer', action: 'end' })}
        >
          {t('facilitator.endTimer')}
        </button>
      </div>
    </section>
  );
}
