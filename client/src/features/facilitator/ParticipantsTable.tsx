import type { WorkshopState } from '@warsztat/shared';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Run } from './useCommand';

interface Props {
  workshop: WorkshopState;
  run: Run;
  /** Extra controls under the header (assignment preview, self-select). */
  children?: ReactNode;
}

/** Everyone who joined, with a group select per person (the keyboard way to move people). */
export function ParticipantsTable({ workshop, run, children }: Props) {
  const { t } = useTranslation();
  const participants = workshop.participants;
  return (
    <section className="card-panel" aria-labelledby="participants-heading">
      <div className="panel-header">
        <h2 id="participants-heading">{t('facilitator.participants', { count: participants.length })}</h2>
        <button
          type="button"
          className="button button--primary"
          data-testid="auto-assign"
          disabled={participants.length === 0}
          onClick={() => void run({ type: 'assign', mode: 'auto' })}
        >
          {t('facilitator.autoAssign')}
        </button>
      </div>
      {children}
      {participants.length === 0 ? (
        <p className="muted">{t('facilitator.noParticipants')}</p>
      ) : (
        <div className="table-scroll">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('facilitator.colName')}</th>
                <th scope="col">{t('facilitator.colOrg')}</th>
                <th scope="col">{t('facilitator.colOrgType')}</th>
                <th scope="col">{t('facilitator.colAttendance')}</th>
                <th scope="col">{t('facilitator.colGroup')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('facilitator.colActions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {participants.map((p) => (
                <tr key={p.id} data-testid="participant-row" data-participant-id={p.id}>
                  <th scope="row">
                    <span
                      className={`presence presence--${p.online ? 'on' : 'off'}`}
                      title={p.online ? t('facilitator.online') : t('facilitator.offline')}
                    >
                      <span className="visually-hidden">
                        {p.online ? t('facilitator.online') : t('facilitator.offline')}
                      </span>
                    </span>
                    {p.name}
                  </th>
                  <td>{p.organisation || t('app.none')}</td>
                  <td>{p.orgType ? t(`orgType.${p.orgType}`) : t('app.none')}</td>
                  <td>{p.attendance ? t(`attendance.${p.attendance}`) : t('app.none')}</td>
                  <td>
                    <select
                      data-testid="move-select"
                      aria-label={t('facilitator.moveLabel', { name: p.name })}
                      value={p.groupId ?? ''}
                      onChange={(e) => void run({ type: 'move', participantId: p.id, groupId: e.target.value || null })}
                    >
                      <option value="">{t('facilitator.unassigned')}</option>
                      {workshop.groups.map((g) => (
                        <option key={g.id} value={g.id}>
                          {g.name}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <button
                      type="button"
                      className="button button--small"
                      data-testid="remove-participant"
                      aria-label={t('facilitator.removeLabel', { name: p.name })}
                      onClick={() => {
                        // Removing revokes the person's link for good; a confirm keeps a slip from costing them their seat.
                        if (window.confirm(t('facilitator.removeConfirm', { name: p.name }))) {
                          void run({ type: 'removeParticipant', participantId: p.id });
                        }
                      }}
                    >
                      {t('facilitator.remove')}
                    </button>{' '}
                    <button
                      type="button"
                      className="button button--small button--danger"
                      data-testid="erase-participant"
                      aria-label={t('privacy.eraseParticipant', { name: p.name })}
                      onClick={() => {
                        // Art. 17 asked in person (issue #19): name, organisation and consent go for good.
                        if (window.confirm(t('privacy.eraseParticipantConfirm', { name: p.name }))) {
                          void run({ type: 'removeParticipant', participantId: p.id, erase: true });
                        }
                      }}
                    >
                      {t('privacy.eraseShort')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
