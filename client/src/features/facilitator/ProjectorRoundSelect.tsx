import type { WorkshopState } from '@warsztat/shared';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { roundName } from '../rounds/roundName';
import { roundsOf } from '../rounds/roundState';
import type { Run } from './useCommand';

/** The select's value for "follow the current round" (round ids are base64url: no clash). */
const CURRENT = '~current';

/**
 * Which round the projector's overview and spotlight show (issue #17): the current one unless the
 * facilitator picks an earlier one, e.g. to put the morning's diagnosis back on the wall.
 */
export function ProjectorRoundSelect({ workshop, run }: { workshop: WorkshopState; run: Run }) {
  const { t } = useTranslation();
  const id = useId();
  const rounds = roundsOf(workshop);
  if (rounds.length < 2) return null;
  return (
    <div className="field card-panel" data-testid="projector-round-select">
      <label htmlFor={`${id}-round`}>{t('rounds.projectorRound')}</label>
      <select
        id={`${id}-round`}
        data-testid="projector-round"
        value={workshop.projector.roundId ?? CURRENT}
        onChange={(e) =>
          void run({
            type: 'projector',
            action: 'round',
            roundId: e.target.value === CURRENT ? null : e.target.value,
          })
        }
      >
        <option value={CURRENT}>{t('rounds.projectorRoundCurrent')}</option>
        {rounds.map((r) => (
          <option key={r.id} value={r.id}>
            {roundName(t, r.n, r.title)}
          </option>
        ))}
      </select>
    </div>
  );
}
