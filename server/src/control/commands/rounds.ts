import { type Command, ErrorCode, type Regroup, type SectionTemplate } from '@warsztat/shared';
import { currentRound, emptyGallery, normaliseSections, type RoundRecord } from '../../domain/rounds.js';
import type { WorkshopRecord } from '../../domain/workshop.js';
import { autoAssign } from '../assign.js';
import { fail, ok, type Result } from '../result.js';

/**
 * Sections, breakout rounds and the gallery walk (issue #17). Each round keeps its own sections and
 * boards; the rights of its boards follow from the round (sync/authorizeDoc.ts), so these handlers
 * only change state, and the sync plane re-checks every open board socket after the save.
 */

type SectionsCommand = Extract<Command, { type: 'sections' }>;
type GalleryCommand = Extract<Command, { type: 'gallery' }>;

/** What a round is started with: by a `round` command or by starting a `breakout` agenda item. */
export interface RoundStart {
  title: string;
  sections?: SectionTemplate[];
  regroup: Regroup;
  agendaItemId: string | null;
}

function withCurrentRound(w: WorkshopRecord, change: (round: RoundRecord) => RoundRecord): WorkshopRecord {
  const current = currentRound(w);
  return {
    ...w,
    control: { ...w.control, rounds: w.control.rounds.map((r) => (r.id === current.id ? change(r) : r)) },
  };
}

/** The default (groupId null) or one group's sections, in the current round. */
export function applySections(w: WorkshopRecord, command: SectionsCommand): Result<WorkshopRecord> {
  if (command.groupId === null) {
    const sections = normaliseSections(command.sections);
    return ok(withCurrentRound(w, (r) => ({ ...r, sections })));
  }
  const { groupId } = command;
  if (!w.groups.some((g) => g.id === groupId)) return fail(ErrorCode.NotFound, 'No such group');
  const sections = command.sections === null ? null : normaliseSections(command.sections);
  return ok(
    withCurrentRound(w, (r) => {
      const { [groupId]: _dropped, ...others } = r.groupSections;
      return { ...r, groupSections: sections === null ? others : { ...others, [groupId]: sections } };
    }),
  );
}

/** groupId → member ids now: who may still read a round's boards once it is over. */
function membersNow(w: WorkshopRecord): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const g of w.groups) out[g.id] = w.participants.filter((p) => p.groupId === g.id).map((p) => p.id);
  return out;
}

function regrouped(w: WorkshopRecord, regroup: Regroup): WorkshopRecord {
  if (regroup === 'keep') return w;
  const assignment = regroup === 'auto' ? autoAssign(w.groups, w.participants) : new Map<string, string>();
  return {
    ...w,
    participants: w.participants.map((p) => ({ ...p, groupId: assignment.get(p.id) ?? null })),
    // A new split makes new groups of people: they pick their rapporteur again.
    groups: w.groups.map((g) => ({ ...g, rapporteurId: null })),
  };
}

/**
 * A new round: every group gets a fresh board, except when the current round is a first round no
 * group has worked in yet (never opened): that one is named instead, so its empty boards are used.
 * Sections left out carry over from the round before (default and overrides); given ones replace
 * both. The gallery closes (its votes were about the round that ended) and the projector follows
 * the new round.
 */
export function startRound(w: WorkshopRecord, start: RoundStart, now: number): Result<WorkshopRecord> {
  const current = currentRound(w);
  const sections = start.sections ?? current.sections;
  const groupSections = start.sections ? {} : { ...current.groupSections };
  const named = { title: start.title, startedAt: now, sections, groupSections, agendaItemId: start.agendaItemId };
  let rounds: RoundRecord[];
  let currentRoundId: string;
  if (current.startedAt === null) {
    rounds = w.control.rounds.map((r) => (r.id === current.id ? { ...r, ...named } : r));
    currentRoundId = current.id;
  } else {
    currentRoundId = `r${w.control.rounds.length + 1}`;
    const rapporteurs = Object.fromEntries(w.groups.map((g) => [g.id, g.rapporteurId]));
    const ended = { ...current, members: membersNow(w), rapporteurs };
    rounds = [
      ...w.control.rounds.map((r) => (r.id === current.id ? ended : r)),
      { id: currentRoundId, members: null, ...named },
    ];
  }
  const next: WorkshopRecord = {
    ...w,
    control: {
      ...w.control,
      rounds,
      currentRoundId,
      gallery: { ...emptyGallery(), budget: w.control.gallery.budget },
      projector: { ...w.control.projector, roundId: null },
    },
  };
  return ok(regrouped(next, start.regroup));
}

export function applyRound(
  w: WorkshopRecord,
  command: Extract<Command, { type: 'round' }>,
  now: number,
): Result<WorkshopRecord> {
  const start: RoundStart = { title: command.title, regroup: command.regroup, agendaItemId: null };
  if (command.sections) start.sections = normaliseSections(command.sections);
  return startRound(w, start, now);
}

/** The groups opened (phase → breakout): a first round no one had worked in is now started. */
export function markRoundStarted(w: WorkshopRecord, now: number): WorkshopRecord {
  return currentRound(w).startedAt === null ? withCurrentRound(w, (r) => ({ ...r, startedAt: now })) : w;
}

export function applyGallery(w: WorkshopRecord, command: GalleryCommand): Result<WorkshopRecord> {
  const gallery = { ...w.control.gallery, open: command.open };
  if (command.votes !== undefined) gallery.votingOpen = command.votes;
  if (command.budget !== undefined) gallery.budget = command.budget;
  return ok({ ...w, control: { ...w.control, gallery } });
}
