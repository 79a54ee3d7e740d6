import type { WorkshopState } from '@warsztat/shared';
import { useTranslation } from 'react-i18next';
import { roundName } from '../rounds/roundName';
import { projectorRound, roundsOf } from '../rounds/roundState';

/** Which round the room is looking at, said only once there is more than one (issue #17). */
export function ProjectorRoundLine({ workshop }: { workshop: WorkshopState }) {
  const { t } = useTranslation();
  const rounds = roundsOf(workshop);
  const round = projectorRound(workshop);
  if (rounds.length < 2 || !round) return null;
  return (
    <p className="projector-muted" data-testid="projector-round" data-round-id={round.id}>
      {roundName(t, round.n, round.title, rounds.length)}
    </p>
  );
}
