import type { Command, GroupView, WorkshopState } from '@warsztat/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Board } from '../board/Board';

interface Props {
  workshop: WorkshopState;
  token: string;
  run: (command: Command) => Promise<boolean>;
}

/** Groups side by side with their members and rapporteur; any group's board opens inline, editable. */
export function GroupColumns({ workshop, token, run }: Props) {
  const { t } = useTranslation();
  const [openGroupId, setOpenGroupId] = useState<string | null>(null);
  const openGroup = workshop.groups.find((g) => g.id === openGroupId);
  return (
    <section className="card-panel" aria-labelledby="groups-heading">
      <h2 id="groups-heading">{t('facilitator.groups')}</h2>
      <div className="group-columns">
        {workshop.groups.map((group) => (
          <GroupColumn
            key={group.id}
            group={group}
            workshop={workshop}
            open={group.id === openGroupId}
            onToggle={() => setOpenGroupId((id) => (id === group.id ? null : group.id))}
            run={run}
          />
        ))}
      </div>
      {openGroup && (
        <div className="inline-board">
          <h3>{openGroup.name}</h3>
          <Board
            key={openGroup.docName}
            docName={openGroup.docName}
            token={token}
            sections={workshop.sections}
            title={openGroup.name}
            settings={openGroup.board}
            prompt={openGroup.prompt}
            userName={t('boardSettings.facilitatorName')}
            canEditSummary
            headingLevel={4}
          />
        </div>
      )}
    </section>
  );
}

interface ColumnProps {
  group: GroupView;
  workshop: WorkshopState;
  open: boolean;
  onToggle: () => void;
  run: (command: Command) => Promise<boolean>;
}

function GroupColumn({ group, workshop, open, onToggle, run }: ColumnProps) {
  const { t } = useTranslation();
  const byId = new Map(workshop.participants.map((p) => [p.id, p]));
  const members = group.memberIds.flatMap((id) => {
    const p = byId.get(id);
    return p ? [p] : [];
  });
  const selectId = `rapporteur-${group.id}`;
  return (
    <article className="group-column" data-testid="group-column" data-group-id={group.id}>
      <h3 className="group-column-title">
        {group.name}
        {group.attendance === 'online' && <span className="tag">{t('attendance.online')}</span>}
      </h3>
      <p className="muted small">{t('facilitator.members', { count: members.length })}</p>
      {members.length === 0 ? (
        <p className="muted small">{t('facilitator.noMembers')}</p>
      ) : (
        <ul className="member-list">
          {members.map((m) => (
            <li key={m.id} data-testid="member-name">
              {m.name}
            </li>
          ))}
        </ul>
      )}
      <label htmlFor={selectId} className="small">
        {t('facilitator.rapporteur')}
      </label>
      <select
        id={selectId}
        data-testid="rapporteur-select"
        aria-label={t('facilitator.rapporteurLabel', { name: group.name })}
        value={group.rapporteurId ?? ''}
        disabled={members.length === 0}
        onChange={(e) => void run({ type: 'rapporteur', groupId: group.id, participantId: e.target.value || null })}
      >
        <option value="">{t('app.none')}</option>
        {members.map((m) => (
          <option key={m.id} value={m.id}>
            {m.name}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="button button--small"
        data-testid="open-board"
        aria-expanded={open}
        onClick={onToggle}
      >
        {open ? t('facilitator.hideBoard') : t('facilitator.openBoard')}
      </button>
    </article>
  );
}
