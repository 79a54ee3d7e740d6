import {
  type Announcements,
  type CollisionDetection,
  DndContext,
  type DragEndEvent,
  KeyboardSensor,
  PointerSensor,
  pointerWithin,
  rectIntersection,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import type { WorkshopState } from '@warsztat/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Board } from '../board/Board';
import { knownSectionsOf } from '../rounds/roundState';
import { GroupColumn, UNASSIGNED, UnassignedColumn } from './GroupColumn';
import { PresenceToggle } from './PresenceToggle';
import type { Run } from './useCommand';

/** The column under the pointer wins; keyboard drags (no pointer) fall back to rectangle overlap. */
const collision: CollisionDetection = (args) => {
  const hits = pointerWithin(args);
  return hits.length > 0 ? hits : rectIntersection(args);
};

interface Props {
  workshop: WorkshopState;
  token: string;
  run: Run;
}

/**
 * Groups side by side with their members and rapporteur; people are dragged between columns
 * (pointer or keyboard via dnd-kit), and the participants table's select is the plain alternative.
 * Any group's board opens inline, editable.
 */
export function GroupColumns({ workshop, token, run }: Props) {
  const { t } = useTranslation();
  const [openGroupId, setOpenGroupId] = useState<string | null>(null);
  const openGroup = workshop.groups.find((g) => g.id === openGroupId);
  const sensors = useSensors(
    // A small distance keeps plain clicks on buttons inside a column from starting a drag.
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor),
  );
  const nameOf = (id: string | number) => workshop.participants.find((p) => p.id === id)?.name ?? '';
  const groupOf = (id: string | number | undefined) =>
    id === UNASSIGNED ? t('groupEdit.unassigned') : (workshop.groups.find((g) => g.id === id)?.name ?? '');
  const announcements: Announcements = {
    onDragStart: ({ active }) => t('groupEdit.dragStart', { name: nameOf(active.id) }),
    onDragOver: ({ active, over }) =>
      over ? t('groupEdit.dragOver', { name: nameOf(active.id), group: groupOf(over.id) }) : undefined,
    onDragEnd: ({ active, over }) =>
      over ? t('groupEdit.dragEnd', { name: nameOf(active.id), group: groupOf(over.id) }) : undefined,
    onDragCancel: ({ active }) => t('groupEdit.dragCancel', { name: nameOf(active.id) }),
  };
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over) return;
    const participantId = String(active.id);
    const groupId = over.id === UNASSIGNED ? null : String(over.id);
    const current = workshop.participants.find((p) => p.id === participantId)?.groupId ?? null;
    if (current !== groupId) void run({ type: 'move', participantId, groupId });
  };
  const unassigned = workshop.participants.filter((p) => p.groupId === null);
  return (
    <section className="card-panel" aria-labelledby="groups-heading">
      <h2 id="groups-heading">{t('facilitator.groups')}</h2>
      <p className="muted small">{t('groupEdit.dragHint')}</p>
      <DndContext
        sensors={sensors}
        collisionDetection={collision}
        onDragEnd={onDragEnd}
        accessibility={{ announcements, screenReaderInstructions: { draggable: t('groupEdit.dragHint') } }}
      >
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
          {unassigned.length > 0 && <UnassignedColumn people={unassigned} />}
        </div>
      </DndContext>
      <AddGroup run={run} />
      {openGroup && (
        <div className="inline-board">
          <h3>{openGroup.name}</h3>
          <PresenceToggle />
          <Board
            key={openGroup.docName}
            docName={openGroup.docName}
            token={token}
            sections={openGroup.sections}
            formerSections={knownSectionsOf(workshop)}
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

function AddGroup({ run }: { run: Run }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  return (
    <form
      className="control-row"
      onSubmit={(e) => {
        e.preventDefault();
        if (!name.trim()) return;
        void run({ type: 'group', action: 'add', name: name.trim() }).then((ok) => ok && setName(''));
      }}
    >
      <input
        data-testid="group-new-name"
        aria-label={t('groupEdit.newName')}
        placeholder={t('groupEdit.newName')}
        maxLength={120}
        value={name}
        onChange={(e) => setName(e.target.value)}
      />
      <button type="submit" className="button button--small" data-testid="group-add" disabled={!name.trim()}>
        {t('groupEdit.add')}
      </button>
    </form>
  );
}
