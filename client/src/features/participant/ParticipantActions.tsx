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

/** Help button and rapporteur self-pick for a participant in a group. */
export function ParticipantActions({ workshop, me, group }: { workshop: WorkshopState; me: Me; group: GroupView }) {
  const { t } = useTranslation();
  const { run, error } = useParticipantCommand();
  const [helpText, setHelpText] = useState('');
  const mine = workshop.helpRequests.at(-1);
  const open = mine !== undefined && mine.acknowledgedAt === null;
  const rapporteur = workshop.participants.find((p) => p.id === group.rapporteurId);
  const isRapporteur = group.rapporteurId !== null && group.rapporteurId === me.participantId;
  return (
    <div className="participant-actions">
      <form
        className="control-row"
        onSubmit={(event) => {
          event.preventDefault();
          void run({ type: 'help', text: helpText }).then((sent) => sent && setHelpText(''));
        }}
      >
        <label className="visually-hidden" htmlFor="help-text">
          {t('room.helpTextLabel')}
        </label>
        <input
          id="help-text"
          data-testid="help-text"
          className="help-text-input"
          value={helpText}
          maxLength={300}
          placeholder={t('room.helpTextPlaceholder')}
          disabled={open || workshop.phase === 'closed'}
          onChange={(event) => setHelpText(event.target.value)}
        />
        <button
          type="submit"
          className="button"
          data-testid="help-request-button"
          disabled={open || workshop.phase === 'closed'}
        >
          {t('room.askHelp')}
        </button>
        {mine && (
          <output className="small" data-testid="help-status" data-acknowledged={mine.acknowledgedAt !== null}>
            {mine.acknowledgedAt === null ? t('room.helpSent') : t('room.helpAcknowledged')}
          </output>
        )}
      </form>
      <div className="control-row">
        <span className="small" data-testid="rapporteur-name">
          {t('assignment.rapporteurIs', {
            name: isRapporteur ? t('assignment.you') : (rapporteur?.name ?? t('app.none')),
          })}
        </span>
        {(group.rapporteurId === null || isRapporteur) && workshop.phase !== 'closed' && (
          <button
            type="button"
            className="button button--small"
            data-testid="rapporteur-claim"
            onClick={() => void run({ type: 'rapporteur', claim: !isRapporteur })}
          >
            {isRapporteur ? t('assignment.rapporteurRelease') : t('assignment.rapporteurClaim')}
          </button>
        )}
      </div>
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
