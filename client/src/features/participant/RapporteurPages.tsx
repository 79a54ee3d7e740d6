import type { GroupView, Me, WorkshopState } from '@warsztat/shared';
import { useTranslation } from 'react-i18next';
import { PageTurner } from '../../app/PageTurner';
import { sendParticipantCommand } from '../../stores/controlSocket';

/** While their group presents, the rapporteur turns the room screen's pages from the phone. */
export function RapporteurPages({ workshop, me, group }: { workshop: WorkshopState; me: Me; group: GroupView }) {
  const { t } = useTranslation();
  const presentingMine = workshop.phase === 'presenting' && workshop.spotlightGroupId === group.id;
  if (!presentingMine || group.rapporteurId === null || group.rapporteurId !== me.participantId) return null;
  return (
    <section className="card-panel" data-testid="rapporteur-pages">
      <p>{t('projector.rapporteurPages')}</p>
      <PageTurner
        page={workshop.projector.page}
        turn={(step) => void sendParticipantCommand({ type: 'projectorPage', step })}
      />
    </section>
  );
}
