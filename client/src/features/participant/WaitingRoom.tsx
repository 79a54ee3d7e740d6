import type { Me, WorkshopState } from '@warsztat/shared';
import { useTranslation } from 'react-i18next';

export function WaitingRoom({ workshop, me }: { workshop: WorkshopState; me: Me }) {
  const { t } = useTranslation();
  return (
    <section className="card-panel waiting-room" data-testid="waiting-room" aria-labelledby="waiting-heading">
      <h2 id="waiting-heading">{t('participant.waitingHeading')}</h2>
      <p className="lead">{t('participant.waitingText')}</p>
      <h3>{t('participant.joined', { count: workshop.participants.length })}</h3>
      <ul className="name-list" aria-live="polite">
        {workshop.participants.map((p) => (
          <li key={p.id}>
            <span data-testid="participant-name">{p.name}</span>
            {p.id === me.participantId && <span className="muted"> {t('participant.you')}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
