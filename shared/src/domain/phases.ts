/**
 * The workshop phase machine (DESIGN §1). The server is the only authority; clients
 * use `canTransition` just to grey out buttons.
 */
export const PHASES = ['draft', 'lobby', 'plenary', 'breakout', 'presenting', 'discussion', 'closed'] as const;
export type Phase = (typeof PHASES)[number];

const LEGAL: Record<Phase, readonly Phase[]> = {
  draft: ['lobby'],
  lobby: ['plenary', 'breakout'],
  plenary: ['breakout', 'presenting', 'discussion'],
  breakout: ['plenary', 'presenting'],
  presenting: ['plenary', 'discussion', 'breakout'],
  discussion: ['plenary', 'breakout', 'presenting'],
  closed: [],
};

export function canTransition(from: Phase, to: Phase): boolean {
  if (from === 'closed') return false;
  if (to === 'closed') return true;
  return LEGAL[from].includes(to);
}

/** Phases in which a participant may write its own group's board. */
export const PARTICIPANT_WRITE_PHASES: readonly Phase[] = ['breakout', 'plenary', 'presenting', 'discussion'];
