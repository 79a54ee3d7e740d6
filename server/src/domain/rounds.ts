import {
  DEFAULT_GALLERY_BUDGET,
  docNameFor,
  FIRST_ROUND_ID,
  MAX_GALLERY_BUDGET,
  type SectionInput,
  type SectionTemplate,
  TEMPLATES,
  type TemplateId,
} from '@warsztat/shared';

/**
 * Breakout rounds, sections and the gallery walk as the control JSON keeps them (issue #17). Each
 * round owns its boards and its sections, so a later round with other sections never relabels the
 * cards of an earlier one, and the report tells every round apart.
 */
export interface RoundRecord {
  id: string;
  title: string;
  /** Epoch ms; null while no group has worked in the first round (a `round` then names it). */
  startedAt: number | null;
  /** The round's default sections; null: the template's. */
  sections: SectionTemplate[] | null;
  /** Per-group overrides of the default. */
  groupSections: Record<string, SectionTemplate[]>;
  /** groupId → member ids when the round ended (who may still read its boards); null while current. */
  members: Record<string, string[]> | null;
  /** groupId → its rapporteur when the round ended (a new split picks new ones); absent while current. */
  rapporteurs?: Record<string, string | null>;
  /** The agenda item that started the round, so starting it again does not start another. */
  agendaItemId: string | null;
}

export interface GalleryRecord {
  open: boolean;
  votingOpen: boolean;
  budget: number;
  /** participantId → galleryVoteKey → dots; only for the current round (a new round clears it). */
  votes: Record<string, Record<string, number>>;
}

export function firstRound(startedAt: number | null): RoundRecord {
  return {
    id: FIRST_ROUND_ID,
    title: '',
    startedAt,
    sections: null,
    groupSections: {},
    members: null,
    agendaItemId: null,
  };
}

export function emptyGallery(): GalleryRecord {
  return { open: false, votingOpen: false, budget: DEFAULT_GALLERY_BUDGET, votes: {} };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads stored gallery settings defensively (damaged values fall back to the defaults). */
export function readGallery(value: unknown): GalleryRecord {
  const out = emptyGallery();
  if (!isRecord(value)) return out;
  if (typeof value.open === 'boolean') out.open = value.open;
  if (typeof value.votingOpen === 'boolean') out.votingOpen = value.votingOpen;
  if (typeof value.budget === 'number' && Number.isInteger(value.budget)) {
    out.budget = Math.min(MAX_GALLERY_BUDGET, Math.max(1, value.budget));
  }
  if (isRecord(value.votes)) {
    for (const [who, mine] of Object.entries(value.votes)) {
      if (!isRecord(mine)) continue;
      const kept: Record<string, number> = {};
      for (const [key, n] of Object.entries(mine)) if (typeof n === 'number' && n > 0) kept[key] = Math.floor(n);
      out.votes[who] = kept;
    }
  }
  return out;
}

/** Sections as the command gives them (one label or both languages) as the state keeps them. */
export function normaliseSections(input: readonly SectionInput[]): SectionTemplate[] {
  return input.map((s) => {
    const label = typeof s.label === 'string' ? { pl: s.label, en: s.label } : { pl: s.label.pl, en: s.label.en };
    return s.prompt ? { id: s.id, label, prompt: s.prompt } : { id: s.id, label };
  });
}

/** What the round-aware helpers read from a workshop. */
export interface RoundsOf {
  id: string;
  template: TemplateId;
  control: { rounds: RoundRecord[]; currentRoundId: string };
}

export function currentRound(w: RoundsOf): RoundRecord {
  const { rounds, currentRoundId } = w.control;
  return rounds.find((r) => r.id === currentRoundId) ?? (rounds.at(-1) as RoundRecord);
}

export function findRound(w: RoundsOf, roundId: string | null): RoundRecord | undefined {
  return roundId === null ? w.control.rounds[0] : w.control.rounds.find((r) => r.id === roundId);
}

/** The round's default sections (the template's until set). */
export function defaultSectionsOf(w: RoundsOf, round: RoundRecord): SectionTemplate[] {
  return round.sections ?? TEMPLATES[w.template].sections;
}

/** The sections in force for one group in one round: its override, else the round's default. */
export function sectionsFor(w: RoundsOf, round: RoundRecord, groupId: string): SectionTemplate[] {
  return round.groupSections[groupId] ?? defaultSectionsOf(w, round);
}

/** A group's board in a round: the first round keeps the name boards had before rounds existed. */
export function roundDocName(w: RoundsOf, groupId: string, roundId: string): string {
  return docNameFor(w.id, groupId, roundId === w.control.rounds[0]?.id ? null : roundId);
}

/**
 * Where a round's board of a group is in a map of boards (report, backup, data export): its doc
 * name after the workshop id, so the first round's key is the group id, as before rounds.
 */
export function boardKey(w: RoundsOf, roundId: string, groupId: string): string {
  return roundDocName(w, groupId, roundId).slice(w.id.length + 1);
}

/** Every round's board of every group, oldest round first: its map key and its doc name. */
export function everyBoard(
  w: RoundsOf & { groups: ReadonlyArray<{ id: string }> },
): Array<{ key: string; name: string }> {
  return w.control.rounds.flatMap((r) =>
    w.groups.map((g) => ({ key: boardKey(w, r.id, g.id), name: roundDocName(w, g.id, r.id) })),
  );
}
