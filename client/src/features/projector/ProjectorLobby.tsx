import type { WorkshopState } from '@warsztat/shared';
import { useTranslation } from 'react-i18next';
import { AutoFit } from './AutoFit';
import { JoinQr } from './JoinQr';

/** Newest names shown in the lobby; the count says the rest. */
const SHOWN_NAMES = 12;

/** Before the start: a big QR code and join code on one side, the day's agenda on the other. */
export function ProjectorLobby({
  workshop,
  joinUrl,
  frozen,
}: {
  workshop: WorkshopState;
  joinUrl: string | null;
  frozen: boolean;
}) {
  const { t } = useTranslation();
  // Names only when the facilitator allowed them (issue #16); the server sends none otherwise.
  const names = workshop.projectorNames ? workshop.participants.slice(-SHOWN_NAMES).map((p) => p.name) : [];
  return (
    <div className="projector-lobby" data-testid="projector-lobby">
      <section className="lobby-join" aria-labelledby="lobby-join-heading">
        <h2 id="lobby-join-heading">{t('projector.joinHeading')}</h2>
        {joinUrl && <JoinQr url={joinUrl} size={420} />}
        {joinUrl && (
          <p className="lobby-url">
            {t('projector.joinAt')} <strong>{joinUrl.replace(/^https?:\/\//, '')}</strong>
          </p>
        )}
        {workshop.joinCode && (
          <p className="lobby-code">
            {t('projector.code')}: <strong data-testid="join-code-display">{workshop.joinCode}</strong>
          </p>
        )}
      </section>
      <div className="lobby-side">
        <section className="lobby-agenda" aria-labelledby="lobby-agenda-heading">
          <h2 id="lobby-agenda-heading">{t('agenda.heading')}</h2>
          <AgendaList workshop={workshop} frozen={frozen} />
        </section>
        <section className="lobby-joined" aria-labelledby="projector-joined">
          <h2 id="projector-joined">{t('projector.joined', { count: workshop.participants.length })}</h2>
          {names.length > 0 && (
            <p className="lobby-names">
              {names.map((name, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: two people may share a name
                <span key={i} data-testid="participant-name">
                  {name}
                </span>
              ))}
            </p>
          )}
        </section>
      </div>
    </div>
  );
}

/** The agenda of the day that is running (or the first day), the current item marked in words. */
export function AgendaList({ workshop, frozen }: { workshop: WorkshopState; frozen: boolean }) {
  const { t } = useTranslation();
  const current = workshop.agenda.find((i) => i.id === workshop.currentAgendaItemId);
  const day = current?.day ?? workshop.agenda[0]?.day ?? 0;
  const items = workshop.agenda.filter((i) => i.day === day);
  if (items.length === 0) return <p className="projector-muted">{t('projector.noAgenda')}</p>;
  return (
    <AutoFit columns={1} maxFontPx={40} frozen={frozen} contentKey={items.map((i) => i.id).join()}>
      <ol className="projector-agenda" data-testid="projector-agenda">
        {items.map((item) => {
          const now = item.id === workshop.currentAgendaItemId;
          return (
            <li
              key={item.id}
              className={now ? 'projector-agenda-item projector-agenda-item--now' : 'projector-agenda-item'}
              aria-current={now ? 'step' : undefined}
              data-testid={now ? 'current-agenda-item' : undefined}
            >
              <span className="projector-agenda-time">{item.startsAt}</span>
              <span className="projector-agenda-title">
                {now && <strong className="projector-now">{t('agenda.current')}: </strong>}
                {item.title}
              </span>
            </li>
          );
        })}
      </ol>
    </AutoFit>
  );
}
