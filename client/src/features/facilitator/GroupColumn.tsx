import { useDraggable, useDroppable } from '@dnd-kit/core';
import type { GroupView, ParticipantView, WorkshopState } from '@warsztat/shared';
import { useTranslation } from 'react-i18next';
import { GroupEditor } from './GroupEditor';
import type { Run } from './useCommand';

/** Drop target id of the "unassigned" column (group ids are base64url, so no clash). */
export const UNASSIGNED = '~unassigned';

interface ColumnProps {
  group: GroupView;
  workshop: WorkshopState;
  open: boolean;
  onToggle: () => void;
  run: Run;
}

export function GroupColumn({ group, workshop, open, onToggle, run }: ColumnProps) {
  const { t } = useTranslation();
  const { setNodeRef, isOver } = useDroppable({ id: group.id });
  const byId = new Map(workshop.participants.map((p) => [p.id, p]));
  const members = group.memberIds.flatMap((id) => {
    const p = byId.get(id);
    return p ? [p] : [];
  });
  const selectId = `rapporteur-${group.id}`;
  const full = group.capacity !== null && members.length >= group.capacity;
  return (
    <article
      ref={setNodeRef}
      className={`group-column${isOver ? ' group-column--over' : ''}`}
      data-testid="group-column"
      data-group-id={group.id}
    >
      <h3 className="group-column-title">
        {group.name}
        {group.attendance === 'online' && <span className="tag">{t('attendance.online')}</span>}
      </h3>
      <p className="muted small">
        {t('facilitator.members', { count: members.length })}
        {group.capacity !== null && (
          <span data-testid="group-capacity">
            {' '}
            · {t('groupEdit.seats', { count: members.length, capacity: group.capacity })}
            {full && ` (${t('groupEdit.full')})`}
          </span>
        )}
      </p>
      {group.prompt && (
        <p className="group-prompt small" data-testid="group-prompt">
          {group.prompt}
        </p>
      )}
      {members.length === 0 ? (
        <p className="muted small">{t('facilitator.noMembers')}</p>
      ) : (
        <div className="member-list">
          {members.map((m) => (
            <Member key={m.id} person={m} rapporteur={m.id === group.rapporteurId} />
          ))}
        </div>
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
      <GroupEditor group={group} run={run} />
    </article>
  );
}

export function UnassignedColumn({ people }: { people: ParticipantView[] }) {
  const { t } = useTranslation();
  const { setNodeRef, isOver } = useDroppable({ id: UNASSIGNED });
  return (
    <article
      ref={setNodeRef}
      className={`group-column group-column--unassigned${isOver ? ' group-column--over' : ''}`}
      data-testid="unassigned-column"
    >
      <h3 className="group-column-title">{t('groupEdit.unassigned')}</h3>
      <div className="member-list">
        {people.map((p) => (
          <Member key={p.id} person={p} rapporteur={false} testId="unassigned-name" />
        ))}
      </div>
    </article>
  );
}

function Member({
  person,
  rapporteur,
  testId = 'member-name',
}: {
  person: ParticipantView;
  rapporteur: boolean;
  testId?: string;
}) {
  const { t } = useTranslation();
  const { attributes, listeners, setNodeRef, transform, isDragging } = useDraggable({ id: person.id });
  const style = transform ? { transform: `translate3d(${transform.x}px, ${transform.y}px, 0)` } : undefined;
  // Each person is the draggable button itself (no list around them: a list item may not be a
  // button), named by its own visible text after a hidden "Move:", so speech input and axe agree.
  return (
    <div
      ref={setNodeRef}
      style={style}
      className={`member${isDragging ? ' member--dragging' : ''}`}
      data-participant-id={person.id}
      {...attributes}
      {...listeners}
    >
      <span className="visually-hidden">{t('groupEdit.dragPrefix')} </span>
      <span data-testid={testId}>{person.name}</span>
      {rapporteur && <span className="tag">{t('facilitator.rapporteur')}</span>}
    </div>
  );
}
