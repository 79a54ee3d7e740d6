import type { WorkshopState } from '@warsztat/shared';
import '../styles/control.css';
import { useTranslation } from 'react-i18next';
import { formatRemaining, useServerNow } from './Timer';

/** Broadcasts shown on participant screens and the projector: the newest few, newest first. */
const SHOWN_BROADCASTS = 3;

/**
 * What the facilitator says to the room: the recall countdown and broadcast messages. The server
 * already filtered the messages to what this viewer may see.
 */
export function RoomNotices({
  workshop,
  large = false,
  frozen = false,
}: {
  workshop: WorkshopState;
  large?: boolean;
  /** The projector's freeze: the recall countdown stops moving too. */
  frozen?: boolean;
}) {
  const { t } = useTranslation();
  const recallEndsAt = workshop.recallEndsAt;
  const now = useServerNow(recallEndsAt !== null && !frozen);
  const messages = workshop.broadcasts.slice(-SHOWN_BROADCASTS).reverse();
  return (
    <div className={`room-notices${large ? ' room-notices--large' : ''}`}>
      {recallEndsAt !== null && (
        <p className="notice notice--recall" role="alert" data-testid="recall-countdown">
          {t('room.recallIn', { time: formatRemaining(recallEndsAt - now) })}
        </p>
      )}
      {messages.length > 0 && (
        <ul className="broadcasts" aria-label={t('room.messageFrom')} aria-live="polite">
          {messages.map((m) => (
            <li key={m.id} className="notice notice--broadcast" data-testid="broadcast-message">
              <span className="visually-hidden">{t('room.messageFrom')}: </span>
              {m.text}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The agenda item running now, shown on every screen. */
export function CurrentAgendaItem({ workshop }: { workshop: WorkshopState }) {
  const { t } = useTranslation();
  const item = workshop.agenda.find((i) => i.id === workshop.currentAgendaItemId);
  if (!item) return null;
  return (
    <p className="current-agenda" data-testid="current-agenda-item">
      <span className="muted">{t('agenda.nowLabel')}: </span>
      <strong>{item.title}</strong> <span className="muted">({item.startsAt})</span>
    </p>
  );
}
