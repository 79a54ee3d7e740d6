import { ErrorCode, type ParticipantCommand } from '@warsztat/shared';
import type { WorkshopRecord } from '../../domain/workshop.js';
import { newId } from '../../ids.js';
import { assertNever, fail, ok, type Result } from '../result.js';
import { applyGalleryVote } from './galleryVote.js';
import { moveParticipant } from './groups.js';
import { applyVote } from './plenary.js';
import { eraseParticipant } from './privacy.js';
import { rapporteurTurnsPage } from './projector.js';

/** Help requests kept in state; the oldest acknowledged ones drop off first. */
export const MAX_HELP_REQUESTS = 100;

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
    case 'projectorPage':
      return rapporteurTurnsPage(w, participantId, command.step);
    case 'galleryVote':
      return applyGalleryVote(w, participantId, command);
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
