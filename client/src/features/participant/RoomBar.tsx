import type { WorkshopState } from '@warsztat/shared';
import { useTranslation } from 'react-i18next';
import { PhaseBadge } from '../../app/PhaseBadge';
import { formatRemaining, Timer, useServerNow } from '../../app/Timer';

/** Phases in which the room looks at the projector rather than at the phone. */
const LOOK_AT_SCREEN = new Set(['plenary', 'presenting', 'discussion']);

/**
 * The slim bar that stays on top of a participant's screen while they scroll and type (issue #20
 * point 5): phase, timer, the recall countdown, the newest message and, once the room is back in
 * plenary, where to look. Everything else of the room lives lower on the page.
 */
export function RoomBar({ workshop, groupName }: { workshop: WorkshopState; groupName: string | null }) {
  const { t } = useTranslation();
  const recallEndsAt = workshop.recallEndsAt;
  const now = useServerNow(recallEndsAt !== null);
  const newest = workshop.broadcasts.at(-1);
  return (
    <div className="room-bar" data-testid="room-bar">
      <div className="room-bar-row">
        {groupName && (
          <strong className="room-bar-group">
            <span className="visually-hidden">{t('participant.group')}: </span>
            <span data-testid="group-name">{groupName}</span>
          </strong>
        )}
        <PhaseBadge phase={workshop.phase} />
        <Timer timer={workshop.timer} />
      </div>
      {recallEndsAt !== null && (
        <p className="room-bar-line room-bar-line--recall" role="alert" data-testid="recall-countdown">
          {t('room.recallIn', { time: formatRemaining(recallEndsAt - now) })}
        </p>
      )}
      {recallEndsAt === null && LOOK_AT_SCREEN.has(workshop.phase) && (
        <p className="room-bar-line room-bar-line--screen" data-testid="look-at-screen">
          {t('room.lookAtScreen')}
        </p>
      )}
      {newest && (
        <p className="room-bar-line room-bar-line--message" aria-live="polite" data-testid="broadcast-message">
          <span className="visually-hidden">{t('room.messageFrom')}: </span>
          {newest.text}
        </p>
      )}
    </div>
  );
}
