import { ErrorCode, FIRST_ROUND_ID, plenaryDocNameFor } from '@warsztat/shared';
import { parseControl } from '../domain/control.js';
import { firstRound, type RoundRecord, roundDocName } from '../domain/rounds.js';
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
  /** Each round's boards and the plenary doc, by their new names, each as re-encoded updates in parts. */
  docs: Array<{ name: string; updates: Uint8Array[] }>;
}

type BackupControl = DecodedBackup['workshop']['control'];

/**
 * The file's rounds (issue #17) kept to what this workshop has: unknown groups and participants
 * dropped, one round at least (files from before rounds: their boards are the first round's).
 */
function importedRounds(
  src: BackupControl,
  groupIds: ReadonlySet<string>,
  participantIds: ReadonlySet<string>,
  agendaIds: ReadonlySet<string>,
): Result<{ rounds: RoundRecord[]; currentRoundId: string }> {
  if (!src.rounds) return ok({ rounds: [firstRound(null)], currentRoundId: FIRST_ROUND_ID });
  if (new Set(src.rounds.map((r) => r.id)).size !== src.rounds.length) {
    return fail(ErrorCode.BadRequest, 'workshop.control.rounds: duplicate round id');
  }
  const known = <T>(record: Record<string, T>) =>
    Object.fromEntries(Object.entries(record).filter(([groupId]) => groupIds.has(groupId)));
  const rounds = src.rounds.map((r) => {
    const round: RoundRecord = {
      id: r.id,
      title: r.title,
      startedAt: r.startedAt,
      sections: r.sections,
      groupSections: known(r.groupSections),
      members:
        r.members === null
          ? null
          : known(
              Object.fromEntries(
                Object.entries(r.members).map(([g, ids]) => [g, ids.filter((id) => participantIds.has(id))]),
              ),
            ),
      agendaItemId: r.agendaItemId !== null && agendaIds.has(r.agendaItemId) ? r.agendaItemId : null,
    };
    if (r.rapporteurs) {
      round.rapporteurs = known(
        Object.fromEntries(
          Object.entries(r.rapporteurs).map(([g, id]) => [g, id !== null && participantIds.has(id) ? id : null]),
        ),
      );
    }
    return round;
  });
  const current = rounds.find((r) => r.id === src.currentRoundId) ?? rounds.at(-1);
  return ok({ rounds, currentRoundId: current?.id ?? FIRST_ROUND_ID });
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
  const design = importedRounds(src.control, groupIds, participantIds, agendaIds);
  if (!design.ok) return design;
  const callUrls = Object.fromEntries(Object.entries(src.control.callUrls ?? {}).filter(([g]) => groupIds.has(g)));
  const workshop: WorkshopRecord = {
    ...newWorkshopHeader(src, made),
    phase: src.phase,
    agenda: src.agenda.map(({ round, ...item }) => (round ? { ...item, round } : item)),
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
      ...design.value,
      // The gallery walk was a moment of the room, not content: it starts closed.
      gallery: undefined,
      callUrls,
    }),
    groups: src.groups.map((g) => ({
      ...g,
      rapporteurId: g.rapporteurId !== null && memberOf.get(g.rapporteurId) === g.id ? g.rapporteurId : null,
    })),
    participants,
  };
  const docs: ImportedWorkshop['docs'] = [];
  const roundIds = new Set(design.value.rounds.map((r) => r.id));
  const firstId = design.value.rounds[0]?.id;
  for (const [i, board] of backup.boards.entries()) {
    if (!groupIds.has(board.groupId)) return fail(ErrorCode.BadRequest, `boards.${i}.groupId: no such group`);
    const roundId = board.roundId ?? firstId ?? FIRST_ROUND_ID;
    if (!roundIds.has(roundId)) return fail(ErrorCode.BadRequest, `boards.${i}.roundId: no such round`);
    docs.push({ name: roundDocName(workshop, board.groupId, roundId), updates: board.updates });
  }
  if (backup.plenary !== null) docs.push({ name: plenaryDocNameFor(workshop.id), updates: backup.plenary });
  return ok({ workshop, docs });
}
