import type { WorkshopState } from '@warsztat/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatRemaining, useServerNow } from '../../app/Timer';
import type { Run } from './useCommand';

/** Default recall countdown, seconds. */
const DEFAULT_RECALL_SECONDS = 60;

/**
 * The recall countdown back to plenary, or the running one with "cancel". Its own panel, placed
 * next to the timer: in the Run view it must be on the first screen at 768 px height (issue #16),
 * which it was not while it sat under the broadcast form.
 */
export function RecallControl({ workshop, run }: { workshop: WorkshopState; run: Run }) {
  const { t } = useTranslation();
  const [seconds, setSeconds] = useState(String(DEFAULT_RECALL_SECONDS));
  const recallEndsAt = workshop.recallEndsAt;
  const now = useServerNow(recallEndsAt !== null);
  const canRecall = ['breakout', 'presenting', 'discussion'].includes(workshop.phase);
  const recall = () => {
    const n = Math.round(Number(seconds));
    void run({ type: 'recall', seconds: n >= 5 && n <= 600 ? n : DEFAULT_RECALL_SECONDS });
  };
  return (
    <section className="card-panel recall-panel" aria-labelledby="recall-heading" data-testid="recall-panel">
      <h2 id="recall-heading">{t('room.recallHeading')}</h2>
      {recallEndsAt !== null ? (
        <div className="control-row">
          <output className="notice notice--recall" data-testid="recall-countdown">
            {t('room.recallIn', { time: formatRemaining(recallEndsAt - now) })}
          </output>
          <button
            type="button"
            className="button"
            data-testid="recall-cancel"
            onClick={() => void run({ type: 'recall', seconds: null })}
          >
            {t('room.cancelRecall')}
          </button>
        </div>
      ) : (
        <div className="control-row">
          <label htmlFor="recall-seconds">{t('room.recallSeconds')}</label>
          <input
            id="recall-seconds"
            data-testid="recall-seconds"
            className="minutes-input"
            type="number"
            min={5}
            max={600}
            value={seconds}
            onChange={(e) => setSeconds(e.target.value)}
          />
          <button type="button" className="button" data-testid="recall" disabled={!canRecall} onClick={recall}>
            {t('room.recall')}
          </button>
        </div>
      )}
    </section>
  );
}
