import type { SectionTemplate } from './templates.js';

/**
 * Breakout rounds and the gallery walk (issue #17). A workshop always has at least one round: the
 * first one's boards keep the doc names boards had before rounds existed (protocol/docName.ts).
 */

/** The first round's id in every workshop (its boards are `<workshopId>.<groupId>`). */
export const FIRST_ROUND_ID = 'r1';

/**
 * How a new round splits the room: `keep` the groups as they are, `auto` re-runs the balanced
 * assignment, `empty` leaves everyone unassigned for a manual or self-select split.
 */
export const REGROUP_MODES = ['keep', 'auto', 'empty'] as const;
export type Regroup = (typeof REGROUP_MODES)[number];

/** A breakout round as every role sees it. */
export interface RoundView {
  id: string;
  title: string;
  /** Epoch ms the round started; null for a first round no group has worked in yet. */
  startedAt: number | null;
}

/** What a `breakout` agenda item starts when it is started: its round's title and sections. */
export interface RoundPlan {
  title: string;
  sections?: SectionTemplate[] | undefined;
  regroup?: Regroup | undefined;
}

/** Dots per person on other groups' cards during the gallery walk, when the facilitator allows it. */
export const DEFAULT_GALLERY_BUDGET = 3;
export const MAX_GALLERY_BUDGET = 20;

/** Key of one card in gallery vote totals: cards are unique within one board only. */
export function galleryVoteKey(groupId: string, cardId: string): string {
  return `${groupId}/${cardId}`;
}

/** The gallery walk as one role sees it. */
export interface GalleryView {
  /** While open, every participant may read (never write) every group board of the current round. */
  open: boolean;
  /** Dot votes on other groups' cards (off unless the facilitator turns them on). */
  votingOpen: boolean;
  budget: number;
  /** `galleryVoteKey` → dots; facilitators and the projector only (null for participants). */
  totals: Record<string, number> | null;
  /** The viewer's own dots (participants only). */
  mine: Record<string, number>;
}
