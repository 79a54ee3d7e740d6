import type { WorkshopState } from '@warsztat/shared';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import '../../styles/rounds.css';
import { CommandCheckbox } from '../../app/CommandCheckbox';
import { roundName } from '../rounds/roundName';
import { currentRound, roundsOf } from '../rounds/roundState';
import { NewRoundDialog } from './NewRoundDialog';
import type { Run } from './useCommand';

/**
 * Run view (issue #17): which breakout round is on, starting the next one, and the gallery walk
 * (with its dot votes, off unless turned on). The server re-checks every board's rights on each.
 */
export function RoundControls({ workshop, run }: { workshop: WorkshopState; run: Run }) {
  const { t } = useTranslation();
  const id = useId();
  const rounds = roundsOf(workshop);
  const round = currentRound(workshop);
  const gallery = workshop.gallery;
  return (
    <section className="card-panel" aria-labelledby={`${id}-heading`} data-testid="round-controls">
      <div className="round-bar">
        <h2 id={`${id}-heading`} className="round-bar-title" data-testid="round-current" data-round-id={round?.id}>
          {round ? roundName(t, round.n, round.title, rounds.length) : t('rounds.none')}
        </h2>
        <NewRoundDialog workshop={workshop} />
      </div>
      <label className="checkbox-row small">
        <CommandCheckbox
          data-testid="gallery-toggle"
          checked={gallery.open}
          send={(open) => run({ type: 'gallery', open })}
        />{' '}
        {t('gallery.toggle')}
      </label>
      <label className="checkbox-row small">
        <CommandCheckbox
          data-testid="gallery-votes"
          checked={gallery.votingOpen}
          send={(votes) => run({ type: 'gallery', open: gallery.open, votes })}
        />{' '}
        {t('gallery.votes')}
      </label>
    </section>
  );
}
