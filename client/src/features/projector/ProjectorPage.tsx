import type { WorkshopState } from '@warsztat/shared';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { absoluteUrl } from '../../api/workshops';
import { ConnectionStatus } from '../../app/ConnectionStatus';
import { ControlGate } from '../../app/ControlGate';
import { LanguageSwitcher } from '../../app/LanguageSwitcher';
import { PhaseBadge } from '../../app/PhaseBadge';
import { CurrentAgendaItem, RoomNotices } from '../../app/RoomNotices';
import { Timer } from '../../app/Timer';
import { Board } from '../board/Board';
import { JoinQr } from './JoinQr';

/** `/p/:token`: the read-only plenary screen — large type, high contrast. */
export function ProjectorPage() {
  const { token } = useParams();
  return (
    <ControlGate token={token}>{(workshop) => <ProjectorView workshop={workshop} token={token ?? ''} />}</ControlGate>
  );
}

function ProjectorView({ workshop, token }: { workshop: WorkshopState; token: string }) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${workshop.title} · ${t('app.name')}`;
    document.body.classList.add('projector-body');
    return () => document.body.classList.remove('projector-body');
  }, [workshop.title, t]);

  const spotlight =
    workshop.spotlightGroupId !== null ? workshop.groups.find((g) => g.id === workshop.spotlightGroupId) : undefined;
  const showSpotlight =
    spotlight !== undefined && (workshop.phase === 'presenting' || workshop.spotlightGroupId !== null);
  const joinPath = workshop.links?.join ?? (workshop.joinCode ? `/j/${workshop.joinCode}` : null);
  const joinUrl = joinPath ? absoluteUrl(joinPath) : null;

  return (
    <div className="projector" data-testid="projector" data-phase={workshop.phase}>
      <header className="projector-header">
        <div className="projector-heading">
          <h1>{workshop.title}</h1>
          <div className="projector-meta">
            <PhaseBadge phase={workshop.phase} />
            <Timer timer={workshop.timer} large />
          </div>
          <CurrentAgendaItem workshop={workshop} />
          <RoomNotices workshop={workshop} large />
        </div>
        {workshop.phase !== 'closed' && (workshop.joinCode || joinUrl) && (
          <aside className="projector-join" aria-label={t('projector.joinAt')}>
            {joinUrl && <JoinQr url={joinUrl} />}
            <div>
              {joinUrl && (
                <p className="projector-join-url">
                  {t('projector.joinAt')} <strong>{joinUrl.replace(/^https?:\/\//, '')}</strong>
                </p>
              )}
              {workshop.joinCode && (
                <p className="projector-code">
                  {t('projector.code')}: <strong data-testid="join-code-display">{workshop.joinCode}</strong>
                </p>
              )}
            </div>
          </aside>
        )}
      </header>
      <main className="projector-main">
        {showSpotlight && spotlight ? (
          <section aria-labelledby="projector-group-name">
            <h2 id="projector-group-name" className="projector-group-name" data-testid="projector-group-name">
              {spotlight.name}
            </h2>
            <Rapporteur workshop={workshop} rapporteurId={spotlight.rapporteurId} />
            <Board
              key={spotlight.docName}
              docName={spotlight.docName}
              token={token}
              sections={workshop.sections}
              readOnly
              large
              title={spotlight.name}
              settings={spotlight.board}
              prompt={spotlight.prompt}
              headingLevel={3}
            />
          </section>
        ) : (
          <PhaseContent workshop={workshop} />
        )}
      </main>
      <footer className="projector-footer">
        <ConnectionStatus />
        <LanguageSwitcher />
      </footer>
    </div>
  );
}

function PhaseContent({ workshop }: { workshop: WorkshopState }) {
  const { t } = useTranslation();
  switch (workshop.phase) {
    case 'breakout':
    case 'plenary':
    case 'discussion':
      return (
        <ul className="projector-groups">
          {workshop.groups.map((g) => (
            <li key={g.id} className="projector-group" data-testid="projector-group">
              <span className="projector-group-title">{g.name}</span>
              <span className="projector-group-count">{t('projector.members', { count: g.memberIds.length })}</span>
              <Rapporteur workshop={workshop} rapporteurId={g.rapporteurId} />
            </li>
          ))}
        </ul>
      );
    case 'presenting':
      return <p className="projector-lead">{t('projector.waitingSpotlight')}</p>;
    case 'closed':
      return <p className="projector-lead">{t('projector.thanks')}</p>;
    case 'draft':
    case 'lobby':
      return (
        <section aria-labelledby="projector-joined">
          <h2 id="projector-joined">{t('projector.joined', { count: workshop.participants.length })}</h2>
          <ul className="projector-names">
            {workshop.participants.map((p) => (
              <li key={p.id} data-testid="participant-name">
                {p.name}
              </li>
            ))}
          </ul>
        </section>
      );
    default:
      return assertNever(workshop.phase);
  }
}

function Rapporteur({ workshop, rapporteurId }: { workshop: WorkshopState; rapporteurId: string | null }) {
  const { t } = useTranslation();
  const name = workshop.participants.find((p) => p.id === rapporteurId)?.name;
  if (!name) return null;
  return (
    <span className="projector-rapporteur" data-testid="projector-rapporteur">
      {t('assignment.rapporteurIs', { name })}
    </span>
  );
}

function assertNever(value: never): never {
  throw new Error(`Unhandled phase: ${String(value)}`);
}
