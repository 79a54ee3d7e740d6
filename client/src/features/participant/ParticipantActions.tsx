import type { GroupView, Me, WorkshopState } from '@warsztat/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FailureCode } from '../../api/http';
import { ErrorAlert } from '../../app/ErrorAlert';
import { sendParticipantCommand } from '../../stores/controlSocket';

function useParticipantCommand() {
  const [error, setError] = useState<FailureCode | null>(null);
  const run = async (command: Parameters<typeof sendParticipantCommand>[0]) => {
    const result = await sendParticipantCommand(command);
    setError(result.ok ? null : result.error.code);
    return result.ok;
  };
  return { run, error };
}

/**
 * One clearly worded help button (issue #20 point 1): the optional message is asked for only after
 * it is tapped, so a free text field never competes with the board's own questions.
 */
export function HelpButton({ workshop }: { workshop: WorkshopState }) {
  const { t } = useTranslation();
  const { run, error } = useParticipantCommand();
  const [asking, setAsking] = useState(false);
  const [helpText, setHelpText] = useState('');
  const mine = workshop.helpRequests.at(-1);
  const open = mine !== undefined && mine.acknowledgedAt === null;
  const closed = workshop.phase === 'closed';
  return (
    <div className="participant-actions">
      {!asking && (
        <div className="control-row">
          <button
            type="button"
            className="button"
            data-testid="help-request-button"
            aria-expanded={false}
            disabled={open || closed}
            onClick={() => setAsking(true)}
          >
            {t('room.askHelp')}
          </button>
          {mine && (
            <output className="small" data-testid="help-status" data-acknowledged={mine.acknowledgedAt !== null}>
              {mine.acknowledgedAt === null ? t('room.helpSent') : t('room.helpAcknowledged')}
            </output>
          )}
        </div>
      )}
      {asking && (
        <form
          className="help-form"
          onSubmit={(event) => {
            event.preventDefault();
            void run({ type: 'help', text: helpText }).then((sent) => {
              if (!sent) return;
              setHelpText('');
              setAsking(false);
            });
          }}
        >
          <label htmlFor="help-text">{t('room.helpTextLabel')}</label>
          <input
            id="help-text"
            data-testid="help-text"
            className="help-text-input"
            value={helpText}
            maxLength={300}
            // biome-ignore lint/a11y/noAutofocus: the field appears because the user just asked for it
            autoFocus
            onChange={(event) => setHelpText(event.target.value)}
          />
          <div className="control-row">
            <button type="submit" className="button button--primary" data-testid="help-send" disabled={closed}>
              {t('room.helpSend')}
            </button>
            <button type="button" className="button" data-testid="help-cancel" onClick={() => setAsking(false)}>
              {t('app.cancel')}
            </button>
          </div>
        </form>
      )}
      <ErrorAlert code={error} testId="participant-error" />
    </div>
  );
}

/** Who writes the group's summary, and the participant's own claim or release (in the board's menu). */
export function RapporteurControl({ workshop, me, group }: { workshop: WorkshopState; me: Me; group: GroupView }) {
  const { t } = useTranslation();
  const { run, error } = useParticipantCommand();
  const rapporteur = workshop.participants.find((p) => p.id === group.rapporteurId);
  const isRapporteur = group.rapporteurId !== null && group.rapporteurId === me.participantId;
  return (
    <div className="rapporteur-control">
      <span className="small" data-testid="rapporteur-name">
        {t('assignment.rapporteurIs', {
          name: isRapporteur ? t('assignment.you') : (rapporteur?.name ?? t('app.none')),
        })}
      </span>
      {(group.rapporteurId === null || isRapporteur) && workshop.phase !== 'closed' && (
        <button
          type="button"
          className="button"
          data-testid="rapporteur-claim"
          onClick={() => void run({ type: 'rapporteur', claim: !isRapporteur })}
        >
          {isRapporteur ? t('assignment.rapporteurRelease') : t('assignment.rapporteurClaim')}
        </button>
      )}
      <ErrorAlert code={error} testId="participant-error" />
    </div>
  );
}

/** Self-select: every group with its seats; full groups cannot be chosen. */
export function GroupChooser({ workshop, me }: { workshop: WorkshopState; me: Me }) {
  const { t } = useTranslation();
  const { run, error } = useParticipantCommand();
  const mine = workshop.participants.find((p) => p.id === me.participantId)?.groupId ?? null;
  return (
    <section className="card-panel" aria-labelledby="choose-heading" data-testid="group-chooser">
      <h2 id="choose-heading">{t('assignment.chooseHeading')}</h2>
      <ul className="choose-list">
        {workshop.groups.map((g) => {
          const full = g.capacity !== null && g.memberIds.length >= g.capacity && mine !== g.id;
          return (
            <li key={g.id}>
              <button
                type="button"
                className={`button${mine === g.id ? ' button--primary' : ''}`}
                data-testid="choose-group"
                data-group-id={g.id}
                aria-pressed={mine === g.id}
                disabled={full}
                onClick={() => void run({ type: 'choose', groupId: g.id })}
              >
                {g.name}
                <span className="small">
                  {' '}
                  (
                  {g.capacity === null
                    ? g.memberIds.length
                    : t('groupEdit.seats', { count: g.memberIds.length, capacity: g.capacity })}
                  {full && ` · ${t('assignment.full')}`})
                </span>
              </button>
              {g.prompt && <p className="muted small">{g.prompt}</p>}
            </li>
          );
        })}
      </ul>
      <ErrorAlert code={error} testId="participant-error" />
    </section>
  );
}
