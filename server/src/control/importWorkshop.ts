import { ErrorCode } from '@warsztat/shared';
import { parseControl } from '../domain/control.js';
import type { WorkshopRecord } from '../domain/workshop.js';
import type { DecodedBackup } from '../offthread/decodeBackup.js';
import { fail, ok, type Result } from './result.js';
import { newWorkshopHeader } from './workshopHeader.js';

/**
 * A JSON export (shared protocol/report.ts `Backup`) turned into a new workshop: the content is
 * copied — title, header fields, time zone, agenda, groups, participants, board settings, the
 * organisers' report text and name consents, every board and the plenary doc — under a new
 * workshop id (so new doc names), with new tokens and a new join code made by the caller.
 * Group and participant ids are kept: boards refer to them (votes, authors, the plenary's source
 * groups), and they are only unique within a workshop anyway. Imported participants get no
 * token, so nobody can act as them; they are names in the record. What only made sense at the
 * moment of export is reset: the running timer, a pending recall, the spotlight, open help
 * requests. The file arrives parsed, validated and with its docs decoded by a worker
 * (offthread/decodeBackup.ts); what is left here is cheap.
 */
export interface ImportedWorkshop {
  workshop: WorkshopRecord;
  /** Each board and the plenary doc as one update, re-encoded from a doc it was applied to. */
  docs: Array<{ groupId: string | null; update: Uint8Array }>;
}

export function importedWorkshop(
  backup: DecodedBackup,
  made: { id: string; joinCode: string; now: number },
): Result<ImportedWorkshop> {
  const src = backup.workshop;
  const groupIds = new Set(src.groups.map((g) => g.id));
  if (groupIds.size !== src.groups.length) return fail(ErrorCode.BadRequest, 'workshop.groups: duplicate group id');
  const participantIds = new Set(src.participants.map((p) => p.id));
  if (participantIds.size !== src.participants.length) {
    return fail(ErrorCode.BadRequest, 'workshop.participants: duplicate participant id');
  }
  const agendaIds = new Set(src.agenda.map((i) => i.id));
  const participants = src.participants.map((p) => ({
    ...p,
    // A member of a group the file does not have is unassigned rather than refused.
    groupId: p.groupId !== null && groupIds.has(p.groupId) ? p.groupId : null,
  }));
  const memberOf = new Map(participants.map((p) => [p.id, p.groupId]));
  const workshop: WorkshopRecord = {
    ...newWorkshopHeader(src, made),
    phase: src.phase,
    agenda: src.agenda,
    // Absent fields (exports from before they existed) get their defaults from the one parser.
    control: parseControl({
      ...src.control,
      currentAgendaItemId:
        src.control.currentAgendaItemId !== null && agendaIds.has(src.control.currentAgendaItemId)
          ? src.control.currentAgendaItemId
          : null,
      helpRequests: [],
      recallEndsAt: null,
      namesInReport: src.control.namesInReport?.filter((id) => participantIds.has(id)),
      erased: src.control.erased?.map((e) => ({
        attendance: e.attendance,
        groupId: e.groupId !== null && groupIds.has(e.groupId) ? e.groupId : null,
      })),
      // The copy's own activity; a closing time is kept, so a restore never extends the promised retention.
      lastActivityAt: made.now,
    }),
    groups: src.groups.map((g) => ({
      ...g,
      rapporteurId: g.rapporteurId !== null && memberOf.get(g.rapporteurId) === g.id ? g.rapporteurId : null,
    })),
    participants,
  };
  const docs: ImportedWorkshop['docs'] = [];
  for (const [i, board] of backup.boards.entries()) {
    if (!groupIds.has(board.groupId)) return fail(ErrorCode.BadRequest, `boards.${i}.groupId: no such group`);
    docs.push(board);
  }
  if (backup.plenary !== null) docs.push({ groupId: null, update: backup.plenary });
  return ok({ workshop, docs });
}
