import * as Y from 'yjs';
import { cardsMap } from './schema.js';

/**
 * Dot votes live in each card's `votes` Y.Map (participantId → count). Each participant writes
 * only its own key, so concurrent votes by different people never conflict.
 *
 * The budget is a promise the client keeps, not a rule the CRDT can enforce: any y-websocket
 * client may write any number, and two tabs of one participant voting offline can together go
 * over it. Readers therefore clamp what they count (`MAX_VOTES_PER_CARD`) and the UI refuses a
 * vote past the budget.
 */
export const MAX_VOTES_PER_CARD = 99;

function votesMap(doc: Y.Doc, cardId: string, create: boolean): Y.Map<unknown> | null {
  const card = cardsMap(doc).get(cardId);
  if (!(card instanceof Y.Map)) return null;
  const votes = card.get('votes');
  if (votes instanceof Y.Map) return votes as Y.Map<unknown>;
  if (!create) return null;
  const fresh = new Y.Map<unknown>();
  card.set('votes', fresh);
  return fresh;
}

function count(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0
    ? Math.min(Math.floor(value), MAX_VOTES_PER_CARD)
    : 0;
}

/** This participant's votes on one card. */
export function votesOn(doc: Y.Doc, cardId: string, participantId: string): number {
  return count(votesMap(doc, cardId, false)?.get(participantId));
}

/** Every vote of one participant across the board: what the budget is checked against. */
export function votesUsed(doc: Y.Doc, participantId: string): number {
  let used = 0;
  cardsMap(doc).forEach((card) => {
    if (!(card instanceof Y.Map)) return;
    const votes = card.get('votes');
    if (votes instanceof Y.Map) used += count(votes.get(participantId));
  });
  return used;
}

export type VoteResult = 'ok' | 'over-budget' | 'none-left' | 'no-card';

/**
 * Adds (+1) or takes back (−1) one vote of `participantId` on a card, within `budget`.
 * Returns why nothing changed otherwise.
 */
export function castVote(doc: Y.Doc, cardId: string, participantId: string, delta: 1 | -1, budget: number): VoteResult {
  if (!(cardsMap(doc).get(cardId) instanceof Y.Map)) return 'no-card';
  const mine = votesOn(doc, cardId, participantId);
  if (delta < 0 && mine === 0) return 'none-left';
  if (delta > 0 && (votesUsed(doc, participantId) >= budget || mine >= MAX_VOTES_PER_CARD)) return 'over-budget';
  doc.transact(() => {
    const votes = votesMap(doc, cardId, true);
    if (!votes) return;
    const next = mine + delta;
    if (next === 0) votes.delete(participantId);
    else votes.set(participantId, next);
  });
  return 'ok';
}

/** Removes every vote on the board (a facilitator starting a new round). */
export function clearVotes(doc: Y.Doc): void {
  doc.transact(() => {
    cardsMap(doc).forEach((card) => {
      const votes = card instanceof Y.Map ? card.get('votes') : null;
      if (votes instanceof Y.Map) for (const key of [...votes.keys()]) votes.delete(key);
    });
  });
}

/**
 * Votes as a report counts them (issue #14): the CRDT cannot refuse a write, so one writer could
 * invent fifty voters and put its card first. Only keys that are participants of the workshop
 * count, and each of them at most `budget` votes over the whole board, taken in board order (a
 * participant who went over it offline keeps their first votes). Returns card id → votes.
 */
export function countedVotes(
  cards: ReadonlyArray<{ id: string; votesBy: Readonly<Record<string, number>> }>,
  voters: ReadonlySet<string>,
  budget: number,
): Map<string, number> {
  const left = new Map<string, number>();
  const counted = new Map<string, number>();
  for (const card of cards) {
    let total = 0;
    for (const [voter, n] of Object.entries(card.votesBy)) {
      if (!voters.has(voter)) continue;
      const remaining = left.get(voter) ?? budget;
      const taken = Math.min(count(n), remaining);
      left.set(voter, remaining - taken);
      total += taken;
    }
    counted.set(card.id, total);
  }
  return counted;
}
