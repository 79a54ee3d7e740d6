import { type Command, ErrorCode } from '@warsztat/shared';
import type { WorkshopRecord } from '../../domain/workshop.js';
import { newId } from '../../ids.js';
import { autoAssign } from '../assign.js';
import { assertNever, fail, ok, type Result } from '../result.js';
import { applyAgenda } from './agenda.js';
import { applyBoardSettings } from './boardSettings.js';
import { applyBroadcast, applyBroadcastRemove } from './broadcasts.js';
import { applyGroup, moveParticipant } from './groups.js';
import { applyPhase, applyRecall, applyTimer } from './phase.js';
import { applyPlenary } from './plenary.js';
import { applyPrivacy, eraseParticipant } from './privacy.js';
import { applyProjector, withProjectorRound } from './projector.js';
import { applyGallery, applyRound, applySections } from './rounds.js';

export { applyParticipantCommand, MAX_HELP_REQUESTS } from './participant.js';

/**
 * Pure command handlers: current state + command → next state or a refusal. No I/O here, so every
 * rule is testable without a server and the REST and socket doors share one implementation.
 * `makeId` is injectable so tests get stable ids. A new facilitator command: its schema in shared
 * protocol/commands.ts, a case here (its own module when it is more than a few lines), its rights
 * in rights.ts; the exhaustive `assertNever` refuses to compile until the case exists.
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
      const spotlit: WorkshopRecord = { ...w, spotlightGroupId: command.groupId };
      return command.roundId === undefined ? ok(spotlit) : withProjectorRound(spotlit, command.roundId);
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
    case 'rotate':
      // Not a pure change: it mints a token from the caller's own link and a join code checked
      // against the store, so CommandService runs it (rotate.ts) before ever calling this.
      throw new Error('rotate is run by CommandService, not applyCommand');
    case 'sections':
      return applySections(w, command);
    case 'round':
      return applyRound(w, command, now);
    case 'gallery':
      return applyGallery(w, command);
    default:
      return assertNever(command);
  }
}
