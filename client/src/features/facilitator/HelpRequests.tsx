import type { WorkshopState } from '@warsztat/shared';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { beep } from '../../app/beep';
import { usePreferences } from '../../stores/preferencesStore';
import type { Run } from './useCommand';

/** Open help requests, newest first, each with its group's name; any facilitator may acknowledge. */
export function HelpRequests({ workshop, run }: { workshop: WorkshopState; run: Run }) {
  const { t } = useTranslation();
  const open = workshop.helpRequests.filter((r) => r.acknowledgedAt === null).reverse();
  const sound = usePreferences((s) => s.sound);
  const seen = useRef(open.length);
  // A new request beeps (when the sound is on); the red outline and count are the silent signal.
  useEffect(() => {
    if (open.length > seen.current && sound) beep();
    seen.current = open.length;
  }, [open.length, sound]);
  const groupName = (id: string | null) => workshop.groups.find((g) => g.id === id)?.name ?? t('room.noGroup');
  const personName = (id: string) => workshop.participants.find((p) => p.id === id)?.name ?? '';
  return (
    <section
      className={`card-panel${open.length > 0 ? ' card-panel--alert' : ''}`}
      aria-labelledby="help-heading"
      data-testid="help-panel"
    >
      <h2 id="help-heading">
        {t('room.helpHeading')} {open.length > 0 && <span className="tag tag--alert">{open.length}</span>}
      </h2>
      {open.length === 0 ? (
        <p className="muted">{t('room.noHelp')}</p>
      ) : (
        <ul className="help-list" aria-live="assertive">
          {open.map((r) => (
            <li key={r.id} data-testid="help-request" data-group-id={r.groupId ?? ''}>
              <strong>{t('room.helpFrom', { group: groupName(r.groupId) })}</strong>
              <span className="muted small">
                {' '}
                · {personName(r.participantId)}
                {r.text && ` · ${r.text}`}
              </span>
              <button
                type="button"
                className="button button--small"
                data-testid="help-ack"
                onClick={() => void run({ type: 'helpAck', requestId: r.id })}
              >
                {t('room.acknowledge')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
