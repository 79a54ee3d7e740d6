import {
  type GroupView,
  type Locale,
  type RoundView,
  SECTION_PRESET_IDS,
  SECTION_PRESETS,
  type SectionTemplate,
  type WorkshopState,
} from '@warsztat/shared';

/**
 * What screens ask of breakout rounds (issue #17), answered in one place from the state, so the
 * console, the participant's page and the projector agree on which board is which round's.
 */
export interface RoundInfo extends RoundView {
  /** 1-based position, as people count rounds. */
  n: number;
}

export interface RoundBoard {
  roundId: string;
  docName: string;
  sections: SectionTemplate[];
  round: RoundInfo | null;
  current: boolean;
}

export function roundsOf(workshop: WorkshopState): RoundInfo[] {
  // `?? []`: a copy of the state saved on the device before rounds existed has none.
  return (workshop.rounds ?? []).map((r, i) => ({ ...r, n: i + 1 }));
}

export function currentRound(workshop: WorkshopState): RoundInfo | null {
  return roundsOf(workshop).find((r) => r.id === workshop.currentRoundId) ?? null;
}

/** True when the group's sections differ from the workshop's default. */
export function hasOwnSections(workshop: WorkshopState, group: GroupView): boolean {
  return !sameSections(group.sections ?? workshop.sections, workshop.sections);
}

export function sameSections(a: readonly SectionTemplate[], b: readonly SectionTemplate[]): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Every round's board of a group, oldest first, with its round. */
export function boardsOf(workshop: WorkshopState, group: GroupView): RoundBoard[] {
  const rounds = roundsOf(workshop);
  const boards: RoundBoard[] = (group.boards ?? []).map((b) => ({
    ...b,
    round: rounds.find((r) => r.id === b.roundId) ?? null,
    current: b.docName === group.docName,
  }));
  // A state from before rounds (a saved copy read offline) lists no boards: the current one is it.
  if (!boards.some((b) => b.current)) {
    boards.push({
      roundId: workshop.currentRoundId,
      docName: group.docName,
      sections: group.sections ?? workshop.sections,
      round: rounds.find((r) => r.id === workshop.currentRoundId) ?? null,
      current: true,
    });
  }
  return boards;
}

/** Boards of rounds before the current one, newest first (the one people look back at most). */
export function earlierBoardsOf(workshop: WorkshopState, group: GroupView): RoundBoard[] {
  return boardsOf(workshop, group)
    .filter((b) => !b.current)
    .reverse();
}

/** "Rekomendacje, Przyczyny, …" in the page's language. */
export function sectionList(sections: readonly SectionTemplate[], locale: Locale): string {
  return sections.map((s) => s.label[locale]).join(', ');
}

/**
 * The group's board in a round (`null`: the current round), as the projector shows it; null when
 * the group has none in that round (a group added later).
 */
export function boardInRound(workshop: WorkshopState, group: GroupView, roundId: string | null): RoundBoard | null {
  const boards = boardsOf(workshop, group);
  if (roundId === null || roundId === workshop.currentRoundId) return boards.find((b) => b.current) ?? null;
  return boards.find((b) => b.roundId === roundId) ?? null;
}

/** The round the projector shows: the chosen one, else the current one. */
export function projectorRound(workshop: WorkshopState): RoundInfo | null {
  const id = workshop.projector.roundId ?? workshop.currentRoundId;
  return roundsOf(workshop).find((r) => r.id === id) ?? null;
}

/**
 * Every section the workshop knows, first label wins: defaults, every group's, every round's and
 * the presets. A board names cards of a section it no longer lists by it ("Inne: Potrzeby").
 */
export function knownSectionsOf(workshop: WorkshopState): SectionTemplate[] {
  const all = [
    ...workshop.sections,
    ...workshop.groups.flatMap((g) => [...(g.sections ?? []), ...(g.boards ?? []).flatMap((b) => b.sections)]),
    ...SECTION_PRESET_IDS.flatMap((p) => SECTION_PRESETS[p].sections),
  ];
  const seen = new Set<string>();
  return all.filter((s) => !seen.has(s.id) && seen.add(s.id));
}
