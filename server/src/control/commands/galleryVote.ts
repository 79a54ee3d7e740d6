import { ErrorCode, galleryVoteKey } from '@warsztat/shared';
import type { WorkshopRecord } from '../../domain/workshop.js';
import { fail, ok, type Result } from '../result.js';

/** Dots one card may get from one person: a budget spent on one card is a choice, not a flood. */
const MAX_DOTS_PER_CARD = 20;

/**
 * A dot on another group's card during the gallery walk (issue #17), counted by the server within
 * the budget, as plenary votes are. Only while the gallery is open and the facilitator turned gallery
 * votes on, and never on one's own group. The card id is not checked against the board (this
 * handler does no I/O): a dot on a card that does not exist only spends the voter's own budget.
 */
export function applyGalleryVote(
  w: WorkshopRecord,
  participantId: string,
  command: { groupId: string; cardId: string; delta: 1 | -1 },
): Result<WorkshopRecord> {
  const { gallery } = w.control;
  if (!gallery.open || !gallery.votingOpen) return fail(ErrorCode.Conflict, 'Gallery voting is not open');
  if (!w.groups.some((g) => g.id === command.groupId)) return fail(ErrorCode.NotFound, 'No such group');
  const self = w.participants.find((p) => p.id === participantId);
  if (self?.groupId === command.groupId) return fail(ErrorCode.Conflict, 'Vote on other groups’ cards');
  const mine = { ...(gallery.votes[participantId] ?? {}) };
  const key = galleryVoteKey(command.groupId, command.cardId);
  const had = mine[key] ?? 0;
  if (command.delta > 0) {
    const spent = Object.values(mine).reduce((a, b) => a + b, 0);
    if (spent >= gallery.budget || had >= MAX_DOTS_PER_CARD) return fail(ErrorCode.Conflict, 'No votes left');
    mine[key] = had + 1;
  } else {
    if (had === 0) return fail(ErrorCode.Conflict, 'No vote to take back');
    if (had === 1) delete mine[key];
    else mine[key] = had - 1;
  }
  const votes = { ...gallery.votes, [participantId]: mine };
  return ok({ ...w, control: { ...w.control, gallery: { ...gallery, votes } } });
}

/** key → dots over everyone, for the views that may see totals. */
export function galleryTotals(votes: Record<string, Record<string, number>>): Record<string, number> {
  const totals: Record<string, number> = {};
  for (const mine of Object.values(votes)) {
    for (const [key, n] of Object.entries(mine)) totals[key] = (totals[key] ?? 0) + n;
  }
  return totals;
}
