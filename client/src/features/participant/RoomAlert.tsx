import type { WorkshopState } from '@warsztat/shared';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServerNow } from '../../app/Timer';

type Alert = 'recall' | 'timeUp';

/** A short double buzz: enough to be felt in a pocket, not alarming. */
const VIBRATION = [200, 100, 200];

function vibrate(): void {
  // Not every phone (nor any desktop) vibrates; where it cannot, the notice alone must do.
  try {
    navigator.vibrate?.(VIBRATION);
  } catch {
    // Some browsers throw before a user gesture; the notice is still shown.
  }
}

/**
 * A notice that cannot be missed when the room is recalled or the time is up, for the participant
 * who is busy typing a card (issue #20 point 5). It is raised only on the change, never on opening
 * a page where it already happened, and stays until dismissed.
 */
export function RoomAlert({ workshop }: { workshop: WorkshopState }) {
  const { t } = useTranslation();
  const [alert, setAlert] = useState<Alert | null>(null);
  const endsAt = workshop.timer.endsAt;
  const now = useServerNow(endsAt !== null);
  const timeUp = endsAt !== null && now >= endsAt;
  const seen = useRef({ recall: workshop.recallEndsAt, timeUp });

  useEffect(() => {
    const before = seen.current;
    seen.current = { recall: workshop.recallEndsAt, timeUp };
    if (workshop.recallEndsAt !== null && before.recall === null) {
      setAlert('recall');
      vibrate();
    } else if (timeUp && !before.timeUp) {
      setAlert('timeUp');
      vibrate();
    }
  }, [workshop.recallEndsAt, timeUp]);

  if (alert === null) return null;
  return (
    <div className="room-alert" role="alert" data-testid="room-alert" data-alert={alert}>
      <p className="room-alert-text">{alert === 'recall' ? t('room.alertRecall') : t('room.alertTimeUp')}</p>
      <button
        type="button"
        className="button button--primary"
        data-testid="room-alert-dismiss"
        onClick={() => setAlert(null)}
      >
        {t('room.alertDismiss')}
      </button>
    </div>
  );
}
