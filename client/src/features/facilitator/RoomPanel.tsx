import type { WorkshopState } from '@warsztat/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Run } from './useCommand';

/** Words that make a message about the timer (ticks "Dotyczy czasu" until set by hand). */
const TIMER_WORDS = /\bmin|minut|czas|time\b|\d+\s*:\s*\d+/i;

/** Talking to the room: a broadcast to all groups or one (the recall is RecallControl, beside the timer). */
export function RoomPanel({ workshop, run }: { workshop: WorkshopState; run: Run }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [target, setTarget] = useState('');
  // "Zostało 10 minut" must go when the timer changes: ticked by itself when the text speaks of
  // minutes or time, until the facilitator sets it by hand.
  const [aboutTimer, setAboutTimer] = useState<boolean | null>(null);
  const timerText = aboutTimer ?? TIMER_WORDS.test(text);

  const send = async () => {
    if (!text.trim()) return;
    if (await run({ type: 'broadcast', text: text.trim(), groupId: target || null, aboutTimer: timerText })) {
      setText('');
      setAboutTimer(null);
    }
  };

  return (
    <section className="card-panel" aria-labelledby="room-heading">
      <h2 id="room-heading">{t('room.broadcastHeading')}</h2>
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          void send();
        }}
      >
        <label htmlFor="broadcast-text">{t('room.broadcastText')}</label>
        <textarea
          id="broadcast-text"
          data-testid="broadcast-text"
          rows={2}
          maxLength={500}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <div className="control-row">
          <label htmlFor="broadcast-target">{t('room.broadcastTarget')}</label>
          <select
            id="broadcast-target"
            data-testid="broadcast-target"
            value={target}
            onChange={(e) => setTarget(e.target.value)}
          >
            <option value="">{t('room.allGroups')}</option>
            {workshop.groups.map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}
              </option>
            ))}
          </select>
          <button type="submit" className="button button--primary" data-testid="broadcast-send" disabled={!text.trim()}>
            {t('room.send')}
          </button>
        </div>
        <label className="checkbox-row small">
          <input
            type="checkbox"
            data-testid="broadcast-about-timer"
            checked={timerText}
            onChange={(e) => setAboutTimer(e.target.checked)}
          />
          {t('room.aboutTimer')}
        </label>
      </form>
      <ActiveBroadcasts workshop={workshop} run={run} />
    </section>
  );
}

/** The messages on the room's screens now, each with "Usuń" (issue #20 point 2). */
function ActiveBroadcasts({ workshop, run }: { workshop: WorkshopState; run: Run }) {
  const { t } = useTranslation();
  if (workshop.broadcasts.length === 0) {
    return (
      <p className="muted small" data-testid="broadcast-none">
        {t('room.noActiveBroadcasts')}
      </p>
    );
  }
  return (
    <>
      <h3>{t('room.activeBroadcasts')}</h3>
      <ul className="stack active-broadcasts">
        {[...workshop.broadcasts].reverse().map((m) => {
          const group = workshop.groups.find((g) => g.id === m.groupId)?.name ?? t('room.allGroups');
          return (
            <li key={m.id} className="active-broadcast" data-testid="broadcast-active">
              <span className="active-broadcast-text">
                {m.text}
                <span className="muted small">
                  {' '}
                  · {group}
                  {m.aboutTimer && ` · ${t('room.aboutTimerTag')}`}
                </span>
              </span>
              <button
                type="button"
                className="button button--small"
                data-testid="broadcast-remove"
                onClick={() => void run({ type: 'broadcastRemove', messageId: m.id })}
              >
                {t('room.removeBroadcast')}
                <span className="visually-hidden">: {m.text}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </>
  );
}
