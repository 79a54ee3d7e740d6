import { type Command, ErrorCode } from '@warsztat/shared';
import type { WorkshopRecord } from '../../domain/workshop.js';
import { fail, ok, type Result } from '../result.js';
import { moveParticipant } from './groups.js';

/**
 * Personal data commands (issue #19). Unlike every other command they still run after the workshop
 * closed: the data is kept for the retention period after closing, and the right to erasure and
 * the organiser's duty to keep the clause right last exactly as long.
 */

/** Sets the information clause's controller and contact and the retention period; omitted fields stay. */
export function applyPrivacy(w: WorkshopRecord, command: Extract<Command, { type: 'privacy' }>): WorkshopRecord {
  const current = w.control.privacy;
  const privacy = {
    dataController: command.dataController === undefined ? current.dataController : command.dataController,
    privacyContact: command.privacyContact === undefined ? current.privacyContact : command.privacyContact,
    retentionDays: command.retentionDays ?? current.retentionDays,
  };
  return { ...w, control: { ...w.control, privacy } };
}

/**
 * Erases one participant (Art. 17): their record (name, organisation, organisation type, join
 * time) and consent go, and the store drops their token with the same save. What is kept names
 * nobody: their attendance and group, so the report's attendance and group sizes still add up,
 * and their plenary votes as counts (the room's ranking does not change after the fact). Their
 * help requests go too, since free text may name them. Cards keep their `authorId`, which no
 * longer resolves to anyone: no view, report or export turns it into a name.
 */
export function eraseParticipant(w: WorkshopRecord, participantId: string): Result<WorkshopRecord> {
  const self = w.participants.find((p) => p.id === participantId);
  if (!self) return fail(ErrorCode.NotFound, 'No such participant');
  const left = moveParticipant(w, participantId, null);
  const control = {
    ...left.control,
    erased: [...left.control.erased, { attendance: self.attendance, groupId: self.groupId }],
    helpRequests: left.control.helpRequests.filter((r) => r.participantId !== participantId),
    namesInReport: left.control.namesInReport.filter((id) => id !== participantId),
  };
  return ok({ ...left, control, participants: left.participants.filter((p) => p.id !== participantId) });
}
