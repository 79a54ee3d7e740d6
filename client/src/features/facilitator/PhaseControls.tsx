import type { Phase, WorkshopState } from '@warsztat/shared';
import { canTransition } from '@warsztat/shared';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PhaseBadge } from '../../app/PhaseBadge';
import type { Run } from './useCommand';

/** Default length of a breakout round, minutes. */
const DEFAULT_BREAKOUT_MINUTES = 30;
const MAX_MINUTES = 600;

interface Props {
  workshop: WorkshopState;
  run: Run;
  /** A co-facilitator may do everything but close the workshop. */
  canClose?: boolean;
  /** The console shows the phase once, in its header; the badge here is for pages without one. */
  showBadge?: boolean;
}

export function PhaseControls({ workshop, run, canClose = true, showBadge = true }: Props) {
  const { t } = useTranslation();
  const [minutes, setMinutes] = useState(String(DEFAULT_BREAKOUT_MINUTES));
  const [spotlight, setSpotlight] = useState(workshop.spotlightGroupId ?? workshop.groups[0]?.id ?? '');
  const phase = workshop.phase;
  // Follow the screen when the spotlight changes elsewhere (another facilitator, the REST mirror).
  useEffect(() => {
    if (workshop.spotlightGroupId) setSpotlight(workshop.spotlightGroupId);
  }, [workshop.spotlightGroupId]);
  const can = (to: Phase) => canTransition(phase, to);

  const startBreakout = () => {
    const n = Math.round(Number(minutes));
    const valid = Number.isFinite(n) && n >= 1 && n <= MAX_MINUTES;
    void run(valid ? { type: 'phase', to: 'breakout', minutes: n } : { type: 'phase', to: 'breakout' });
  };

  const present = () => {
    if (!spotlight) return;
    void run(
      phase === 'presenting'
        ? { type: 'spotlight', groupId: spotlight }
        : { type: 'phase', to: 'presenting', groupId: spotlight },
    );
  };

  const close = () => {
    if (window.confirm(t('facilitator.confirmClose'))) void run({ type: 'phase', to: 'closed' });
  };

  const canPresent = spotlight !== '' && (phase === 'presenting' || canTransition(phase, 'presenting'));

  return (
    <section className="card-panel" aria-labelledby="phase-heading">
      <div className="panel-header">
        <h2 id="phase-heading">{t('facilitator.phaseControls')}</h2>
        {showBadge && <PhaseBadge phase={phase} />}
      </div>
      <div className="control-row">
        <label htmlFor="breakout-minutes">{t('facilitator.minutes')}</label>
        <input
          id="breakout-minutes"
          data-testid="breakout-minutes"
          type="number"
          inputMode="numeric"
          min={1}
          max={MAX_MINUTES}
          value={minutes}
          onChange={(e) => setMinutes(e.target.value)}
          className="minutes-input"
        />
        <button
          type="button"
          className="button button--primary"
          data-testid="start-breakout"
          disabled={!can('breakout')}
          onClick={startBreakout}
        >
          {t('facilitator.startBreakout')}
        </button>
      </div>
      <div className="control-row">
        <button
          type="button"
          className="button"
          data-testid="back-to-plenary"
          disabled={!can('plenary')}
          onClick={() => void run({ type: 'phase', to: 'plenary' })}
        >
          {t('facilitator.backToPlenary')}
        </button>
        <button
          type="button"
          className="button"
          data-testid="discussion"
          disabled={!can('discussion')}
          onClick={() => void run({ type: 'phase', to: 'discussion' })}
        >
          {t('facilitator.discussion')}
        </button>
      </div>
      <div className="control-row">
        <label htmlFor="spotlight-select">{t('facilitator.spotlight')}</label>
        <select
          id="spotlight-select"
          data-testid="spotlight-select"
          value={spotlight}
          onChange={(e) => setSpotlight(e.target.value)}
        >
          {workshop.groups.map((g) => (
            <option key={g.id} value={g.id}>
              {g.name}
            </option>
          ))}
        </select>
        <button type="button" className="button" data-testid="present-group" disabled={!canPresent} onClick={present}>
          {t('facilitator.present')}
        </button>
      </div>
      {canClose && (
        <div className="control-row">
          <button
            type="button"
            className="button button--danger"
            data-testid="close-workshop"
            disabled={!can('closed')}
            onClick={close}
          >
            {t('facilitator.close')}
          </button>
        </div>
      )}
    </section>
  );
}
