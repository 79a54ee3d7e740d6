import { type Command, ErrorCode, type ParticipantCommand } from '@warsztat/shared';
import type { WorkshopRecord } from '../domain/workshop.js';
import { newId } from '../ids.js';
import { autoAssign } from './assign.js';
import { applyAgenda } from './commands/agenda.js';
import { applyBoardSettings } from './commands/boardSettings.js';
import { applyBroadcast, applyBroadcastRemove } from './commands/broadcasts.js';
import { applyGroup, moveParticipant } from './commands/groups.js';
import { applyPhase, applyRecall, applyTimer } from './commands/phase.js';
import { applyPlenary, applyVote } from './commands/plenary.js';
import { applyPrivacy, eraseParticipant } from './commands/privacy.js';
import { applyProjector } from './commands/projector.js';
import { assertNever, fail, ok, type Result } from './result.js';

/** Help requests kept in state; the oldest acknowledged ones drop off first. */
export const MAX_HELP_REQUESTS = 100;

/**
 * Pure command handlers: current state + command → next state or a refusal. No I/O here, so every
 * rule is testable without a server and the REST and socket doors share one implementation.
 * `makeId` is injectable so tests get stable ids.
 */
export function applyCommand(
  w: WorkshopRecord,
  command: Command,
  now: number,
  makeId: () => string = newId,
): Result<WorkshopRecord> {
  // Personal data outlives the room: the clause and erasure stay editable for the retention period.
  if (command.type === 'privacy') return ok(applyPrivacy(w, command));
  if (command.type === 'removeParticipant' && command.erase) return eraseParticipant(w, command.participantId);
  if (w.phase === 'closed') return fail(ErrorCode.Conflict, 'The workshop is closed');
  switch (command.type) {
    case 'phase':
      return applyPhase(w, command, now);
    case 'spotlight': {
      if (command.groupId !== null && !w.groups.some((g) => g.id === command.groupId)) {
        return fail(ErrorCode.NotFound, 'No such group');
      }
      return ok({ ...w, spotlightGroupId: command.groupId });
    }
    case 'assign': {
      // A preview changes nothing; the service answers it with the proposed assignment.
      if (command.mode === 'preview') return ok(w);
      const assignment = autoAssign(w.groups, w.participants);
      return ok({
        ...w,
        participants: w.participants.map((p) => ({ ...p, groupId: assignment.get(p.id) ?? p.groupId })),
        groups: w.groups.map((g) => ({ ...g, rapporteurId: null })),
      });
    }
    case 'move': {
      if (!w.participants.some((p) => p.id === command.participantId)) {
        return fail(ErrorCode.NotFound, 'No such participant');
      }
      if (command.groupId !== null && !w.groups.some((g) => g.id === command.groupId)) {
        return fail(ErrorCode.NotFound, 'No such group');
      }
      return ok(moveParticipant(w, command.participantId, command.groupId));
    }
    case 'removeParticipant': {
      if (!w.participants.some((p) => p.id === command.participantId)) {
        return fail(ErrorCode.NotFound, 'No such participant');
      }
      const left = moveParticipant(w, command.participantId, null);
      return ok({ ...left, participants: left.participants.filter((p) => p.id !== command.participantId) });
    }
    case 'rapporteur': {
      if (!w.groups.some((g) => g.id === command.groupId)) return fail(ErrorCode.NotFound, 'No such group');
      if (command.participantId !== null) {
        const member = w.participants.find((p) => p.id === command.participantId);
        if (!member) return fail(ErrorCode.NotFound, 'No such participant');
        if (member.groupId !== command.groupId) return fail(ErrorCode.Conflict, 'The rapporteur must be a member');
      }
      return ok({
        ...w,
        groups: w.groups.map((g) => (g.id === command.groupId ? { ...g, rapporteurId: command.participantId } : g)),
      });
    }
    case 'timer':
      return applyTimer(w, command, now);
    case 'agenda':
      return applyAgenda(w, command, now, makeId);
    case 'group':
      return applyGroup(w, command, makeId);
    case 'selfSelect':
      return ok({ ...w, control: { ...w.control, selfSelect: command.enabled } });
    case 'broadcast':
      return applyBroadcast(w, command, now, makeId);
    case 'broadcastRemove':
      return applyBroadcastRemove(w, command);
    case 'helpAck': {
      const request = w.control.helpRequests.find((r) => r.id === command.requestId);
      if (!request) return fail(ErrorCode.NotFound, 'No such help request');
      // Two facilitators acknowledging at once is fine: the first one wins, the second is a no-op.
      if (request.acknowledgedAt !== null) return ok(w);
      return ok({
        ...w,
        control: {
          ...w.control,
          helpRequests: w.control.helpRequests.map((r) => (r.id === request.id ? { ...r, acknowledgedAt: now } : r)),
        },
      });
    }
    case 'boardSettings':
      return applyBoardSettings(w, command);
    case 'recall':
      return applyRecall(w, command, now);
    case 'projector':
      return applyProjector(w, command, now);
    case 'plenary':
      return applyPlenary(w, command);
    default:
      return assertNever(command);
  }
}

/** What a participant may do about itself and its own group. */
export function applyParticipantCommand(
  w: WorkshopRecord,
  participantId: string,
  command: ParticipantCommand,
  now: number,
  makeId: () => string = newId,
): Result<WorkshopRecord> {
  const self = w.participants.find((p) => p.id === participantId);
  if (!self) return fail(ErrorCode.NotFound, 'No such participant');
  // The report is written after the room closes, so consent can still be withdrawn (or given) then.
  if (command.type === 'nameInReport') return ok(withNameConsent(w, participantId, command.consent));
  // Erasure is a right for as long as the data is kept, so also after closing.
  if (command.type === 'forgetMe') return eraseParticipant(w, participantId);
  if (w.phase === 'closed') return fail(ErrorCode.Conflict, 'The workshop is closed');
  switch (command.type) {
    case 'help': {
      // One open request per group (or per person without a group): repeated clicks are not news.
      const open = w.control.helpRequests.some(
        (r) =>
          r.acknowledgedAt === null &&
          (self.groupId !== null ? r.groupId === self.groupId : r.participantId === self.id),
      );
      if (open) return ok(w);
      const request = {
        id: makeId(),
        groupId: self.groupId,
        participantId,
        text: command.text,
        at: now,
        acknowledgedAt: null,
      };
      return ok({ ...w, control: { ...w.control, helpRequests: trimHelp([...w.control.helpRequests, request]) } });
    }
    case 'choose': {
      if (!w.control.selfSelect) return fail(ErrorCode.Forbidden, 'Choosing a group is not open');
      const group = w.groups.find((g) => g.id === command.groupId);
      if (!group) return fail(ErrorCode.NotFound, 'No such group');
      if (self.groupId === group.id) return ok(w);
      const size = w.participants.filter((p) => p.groupId === group.id).length;
      if (group.capacity !== null && size >= group.capacity) return fail(ErrorCode.Conflict, 'This group is full');
      return ok(moveParticipant(w, participantId, group.id));
    }
    case 'rapporteur': {
      const group = w.groups.find((g) => g.id === self.groupId);
      if (!group) return fail(ErrorCode.Conflict, 'You are not in a group');
      if (!command.claim) {
        if (group.rapporteurId !== participantId) return ok(w);
        return ok({ ...w, groups: w.groups.map((g) => (g.id === group.id ? { ...g, rapporteurId: null } : g)) });
      }
      if (group.rapporteurId === participantId) return ok(w);
      if (group.rapporteurId !== null) return fail(ErrorCode.Conflict, 'The group already has a rapporteur');
      return ok({ ...w, groups: w.groups.map((g) => (g.id === group.id ? { ...g, rapporteurId: participantId } : g)) });
    }
    case 'vote':
      return applyVote(w, participantId, command);
    default:
      return assertNever(command);
  }
}

function withNameConsent(w: WorkshopRecord, participantId: string, consent: boolean): WorkshopRecord {
  const current = w.control.namesInReport;
  if (current.includes(participantId) === consent) return w;
  const namesInReport = consent ? [...current, participantId] : current.filter((id) => id !== participantId);
  return { ...w, control: { ...w.control, namesInReport } };
}

function trimHelp(requests: WorkshopRecord['control']['helpRequests']): WorkshopRecord['control']['helpRequests'] {
  const list = [...requests];
  while (list.length > MAX_HELP_REQUESTS) {
    const i = list.findIndex((r) => r.acknowledgedAt !== null);
    list.splice(i === -1 ? 0 : i, 1);
  }
  return list;
}
