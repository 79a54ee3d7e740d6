import { projectorScreen, type WorkshopState } from '@warsztat/shared';
import { type CSSProperties, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { absoluteUrl } from '../../api/workshops';
import { ControlGate } from '../../app/ControlGate';
import { LanguageSwitcher } from '../../app/LanguageSwitcher';
import { PhaseBadge } from '../../app/PhaseBadge';
import { CurrentAgendaItem, RoomNotices } from '../../app/RoomNotices';
import { Timer, useServerNow } from '../../app/Timer';
import { formatClock, formatDay, workshopTimeZone } from '../../app/time';
import { currentLocale } from '../../i18n';
import { useControlStore } from '../../stores/controlStore';
import { ProjectorConsolidated } from './ProjectorConsolidated';
import { ProjectorLobby } from './ProjectorLobby';
import { ProjectorOverview } from './ProjectorOverview';
import { ProjectorRecommendations } from './ProjectorRecommendations';
import { ProjectorSpotlight } from './ProjectorSpotlight';
import { useFrozen, useHeldBack } from './useFrozen';

/** `/p/:token`: the read-only screen for the room — large type, 7:1 contrast, no scrolling. */
export function ProjectorPage() {
  const { token } = useParams();
  return <ControlGate token={token}>{(workshop) => <ProjectorView live={workshop} token={token ?? ''} />}</ControlGate>;
}

/**
 * Everything below renders from `workshop`, which stands still while the facilitator has frozen
 * the projector (WCAG 2.2.2); only the safe area follows the live state, because the interpreter's
 * corner must stay free whatever is on screen.
 */
function ProjectorView({ live, token }: { live: WorkshopState; token: string }) {
  const { t } = useTranslation();
  const frozen = live.projector.frozen;
  const workshop = useFrozen(live, frozen);
  const held = useHeldBack(live, frozen);
  useEffect(() => {
    document.title = `${workshop.title} · ${t('app.name')}`;
    document.body.classList.add('projector-body');
    return () => document.body.classList.remove('projector-body');
  }, [workshop.title, t]);

  const screen = projectorScreen(workshop.projector.view, workshop.phase, workshop.spotlightGroupId);
  const joinPath = workshop.links?.join ?? (workshop.joinCode ? `/j/${workshop.joinCode}` : null);
  const joinUrl = joinPath ? absoluteUrl(joinPath) : null;
  const safe = live.projector.safeArea;
  const style = { '--safe-w': `${safe.widthPct}vw`, '--safe-h': `${safe.heightPct}vh` } as CSSProperties;

  return (
    <div
      className="projector"
      style={style}
      data-testid="projector"
      data-phase={workshop.phase}
      data-screen={screen}
      data-frozen={frozen}
      data-held={held}
      data-safe-corner={safe.corner}
    >
      <header className="projector-header">
        <div className="projector-heading">
          <h1>{workshop.title}</h1>
          <div className="projector-meta">
            <PhaseBadge phase={workshop.phase} />
            <Timer timer={workshop.timer} large frozen={frozen} />
            <ProjectorClock workshop={workshop} frozen={frozen} />
          </div>
          {/* In the lobby the agenda beside the QR code marks the current item itself. */}
          {screen !== 'lobby' && <CurrentAgendaItem workshop={workshop} />}
          <RoomNotices workshop={workshop} large frozen={frozen} />
        </div>
        {screen !== 'lobby' && screen !== 'closed' && workshop.joinCode && (
          <p className="projector-join-chip">
            {t('projector.code')}: <strong data-testid="join-code-display">{workshop.joinCode}</strong>
          </p>
        )}
        <ProjectorStatus />
      </header>
      <main className="projector-main">
        <Screen screen={screen} workshop={workshop} token={token} frozen={frozen} joinUrl={joinUrl} />
      </main>
      {safe.corner !== 'none' && <div className="projector-safe-area" data-testid="safe-area" aria-hidden="true" />}
    </div>
  );
}

function Screen({
  screen,
  workshop,
  token,
  frozen,
  joinUrl,
}: {
  screen: ReturnType<typeof projectorScreen>;
  workshop: WorkshopState;
  token: string;
  frozen: boolean;
  joinUrl: string | null;
}) {
  const { t } = useTranslation();
  switch (screen) {
    case 'lobby':
      return <ProjectorLobby workshop={workshop} joinUrl={joinUrl} frozen={frozen} />;
    case 'overview':
      return <ProjectorOverview workshop={workshop} token={token} frozen={frozen} />;
    case 'spotlight':
      return <ProjectorSpotlight workshop={workshop} token={token} frozen={frozen} />;
    case 'recommendations':
      return <ProjectorRecommendations workshop={workshop} token={token} frozen={frozen} />;
    case 'consolidated':
      return <ProjectorConsolidated workshop={workshop} token={token} frozen={frozen} />;
    case 'closed':
      return <p className="projector-lead">{t('projector.thanks')}</p>;
    default:
      return assertNever(screen);
  }
}

/** Wall-clock time and the workshop's date, in the workshop's time zone (Intl). */
function ProjectorClock({ workshop, frozen }: { workshop: WorkshopState; frozen: boolean }) {
  const { t } = useTranslation();
  const now = useServerNow(!frozen);
  const locale = currentLocale();
  const zone = workshopTimeZone(workshop);
  const endsAt = workshop.timer.endsAt;
  return (
    <p className="projector-clock" data-testid="projector-clock">
      <span className="visually-hidden">{t('projector.clock')}: </span>
      <time data-testid="projector-time">{formatClock(now, locale, zone)}</time>
      {endsAt !== null && endsAt > now && (
        <span className="projector-muted"> · {t('projector.endsAt', { time: formatClock(endsAt, locale, zone) })}</span>
      )}
      {workshop.date && (
        <span className="projector-muted"> · {formatDay(workshop.date, locale, { weekday: true })}</span>
      )}
    </p>
  );
}

/**
 * Nothing about the connection while it works (the room does not need it); a clear line when it
 * does not. The language switch is for whoever sets the projector up: visible on keyboard focus.
 */
function ProjectorStatus() {
  const { t } = useTranslation();
  const status = useControlStore((s) => s.status);
  return (
    <div className="projector-status">
      {status !== 'connected' && (
        <output className="projector-offline" data-testid="connection-status" data-status={status}>
          {t(`connection.${status}`)}
        </output>
      )}
      <div className="projector-tools">
        <LanguageSwitcher />
      </div>
    </div>
  );
}

function assertNever(value: never): never {
  throw new Error(`Unhandled screen: ${String(value)}`);
}
