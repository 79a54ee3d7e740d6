import { type Command, ErrorCode } from '@warsztat/shared';
import type { GroupRecord, WorkshopRecord } from '../../domain/workshop.js';
import { assertNever, fail, ok, type Result } from '../result.js';

/** Most groups a workshop may have; more is a typo, not a workshop. */
export const MAX_GROUPS = 40;

export function applyGroup(
  w: WorkshopRecord,
  command: Extract<Command, { type: 'group' }>,
  makeId: () => string,
): Result<WorkshopRecord> {
  switch (command.action) {
    case 'add': {
      if (w.groups.length >= MAX_GROUPS) return fail(ErrorCode.Conflict, `At most ${MAX_GROUPS} groups`);
      const group: GroupRecord = {
        id: makeId(),
        name: command.name,
        attendance: command.attendance,
        position: Math.max(-1, ...w.groups.map((g) => g.position)) + 1,
        rapporteurId: null,
        capacity: command.capacity,
        prompt: command.prompt,
      };
      const callUrls = command.callUrl ? { ...w.control.callUrls, [group.id]: command.callUrl } : w.control.callUrls;
      return ok({ ...w, groups: [...w.groups, group], control: { ...w.control, callUrls } });
    }
    case 'update': {
      if (!w.groups.some((g) => g.id === command.groupId)) return fail(ErrorCode.NotFound, 'No such group');
      const update = (g: GroupRecord): GroupRecord => ({
        ...g,
        name: command.name ?? g.name,
        attendance: command.attendance ?? g.attendance,
        capacity: command.capacity === undefined ? g.capacity : command.capacity,
        prompt: command.prompt ?? g.prompt,
      });
      const groups = w.groups.map((g) => (g.id === command.groupId ? update(g) : g));
      if (command.callUrl === undefined) return ok({ ...w, groups });
      return ok({
        ...w,
        groups,
        control: { ...w.control, callUrls: withCallUrl(w, command.groupId, command.callUrl) },
      });
    }
    case 'remove': {
      if (!w.groups.some((g) => g.id === command.groupId)) return fail(ErrorCode.NotFound, 'No such group');
      if (w.groups.length === 1) return fail(ErrorCode.Conflict, 'A workshop keeps at least one group');
      if (w.phase === 'presenting' && w.spotlightGroupId === command.groupId) {
        return fail(ErrorCode.Conflict, 'This group is presenting');
      }
      return ok({
        ...w,
        groups: w.groups.filter((g) => g.id !== command.groupId).map((g, position) => ({ ...g, position })),
        // Its members go back to "unassigned"; the board doc stays in the store for the report.
        participants: w.participants.map((p) => (p.groupId === command.groupId ? { ...p, groupId: null } : p)),
        spotlightGroupId: w.spotlightGroupId === command.groupId ? null : w.spotlightGroupId,
        control: {
          ...w.control,
          broadcasts: w.control.broadcasts.filter((b) => b.groupId !== command.groupId),
          callUrls: withCallUrl(w, command.groupId, null),
        },
      });
    }
    default:
      return assertNever(command);
  }
}

/** Moves one participant; a rapporteur who leaves the group stops being its rapporteur. */
export function moveParticipant(w: WorkshopRecord, participantId: string, groupId: string | null): WorkshopRecord {
  return {
    ...w,
    participants: w.participants.map((p) => (p.id === participantId ? { ...p, groupId } : p)),
    groups: w.groups.map((g) =>
      g.rapporteurId === participantId && g.id !== groupId ? { ...g, rapporteurId: null } : g,
    ),
  };
}

/** The call links with one group's set (a link) or removed (null). */
function withCallUrl(w: WorkshopRecord, groupId: string, callUrl: string | null): Record<string, string> {
  const { [groupId]: _old, ...others } = w.control.callUrls;
  return callUrl === null ? others : { ...others, [groupId]: callUrl };
}
