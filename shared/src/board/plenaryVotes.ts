/**
 * The room's votes on the consolidated recommendations: control state, not CRDT, so the server
 * can refuse a vote past a participant's budget (a CRDT cannot refuse a write). Stored inside the
 * workshop's control JSON (`control.plenary`), read defensively like every stored value.
 */
export interface PlenaryRecord {
  /** Participants may vote now. */
  votingOpen: boolean;
  /** Votes each participant may spend across all items. */
  budget: number;
  /** Totals visible to participants (the facilitator always sees them; the projector when revealed). */
  revealed: boolean;
  /** participantId → itemId → votes (positive integers only). */
  votes: Record<string, Record<string, number>>;
}

export const MAX_PLENARY_BUDGET = 20;
export const DEFAULT_PLENARY_BUDGET = 3;

export function emptyPlenary(): PlenaryRecord {
  return { votingOpen: false, budget: DEFAULT_PLENARY_BUDGET, revealed: false, votes: {} };
}

function positiveInt(value: unknown): number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? Math.min(value, MAX_PLENARY_BUDGET) : 0;
}

/** Reads a stored value (absent in workshops from before plenary voting existed). */
export function readPlenary(value: unknown): PlenaryRecord {
  const out = emptyPlenary();
  if (typeof value !== 'object' || value === null) return out;
  const v = value as Record<string, unknown>;
  if (typeof v.votingOpen === 'boolean') out.votingOpen = v.votingOpen;
  if (typeof v.revealed === 'boolean') out.revealed = v.revealed;
  if (typeof v.budget === 'number' && Number.isInteger(v.budget) && v.budget >= 1) {
    out.budget = Math.min(v.budget, MAX_PLENARY_BUDGET);
  }
  if (typeof v.votes === 'object' && v.votes !== null) {
    for (const [participantId, mine] of Object.entries(v.votes)) {
      if (typeof mine !== 'object' || mine === null) continue;
      const kept: Record<string, number> = {};
      for (const [itemId, n] of Object.entries(mine)) {
        const count = positiveInt(n);
        if (count > 0) kept[itemId] = count;
      }
      if (Object.keys(kept).length > 0) out.votes[participantId] = kept;
    }
  }
  return out;
}

/** itemId → total votes of the room. */
export function plenaryVoteTotals(record: PlenaryRecord | null | undefined): Record<string, number> {
  const totals: Record<string, number> = {};
  for (const mine of Object.values(record?.votes ?? {})) {
    for (const [itemId, n] of Object.entries(mine)) totals[itemId] = (totals[itemId] ?? 0) + n;
  }
  return totals;
}

/** Votes one participant has spent. */
export function plenaryVotesUsed(record: PlenaryRecord, participantId: string): number {
  return Object.values(record.votes[participantId] ?? {}).reduce((sum, n) => sum + n, 0);
}

export type PlenaryVoteResult =
  | { ok: true; record: PlenaryRecord }
  | { ok: false; reason: 'closed' | 'over-budget' | 'none-left' };

/** One participant adds (+1) or takes back (−1) a vote on one item, within the budget. */
export function castPlenaryVote(
  record: PlenaryRecord,
  participantId: string,
  itemId: string,
  delta: 1 | -1,
): PlenaryVoteResult {
  if (!record.votingOpen) return { ok: false, reason: 'closed' };
  const mine = { ...(record.votes[participantId] ?? {}) };
  const current = mine[itemId] ?? 0;
  if (delta < 0 && current === 0) return { ok: false, reason: 'none-left' };
  if (delta > 0 && plenaryVotesUsed(record, participantId) >= record.budget)
    return { ok: false, reason: 'over-budget' };
  const next = current + delta;
  if (next === 0) delete mine[itemId];
  else mine[itemId] = next;
  const votes = { ...record.votes };
  if (Object.keys(mine).length === 0) delete votes[participantId];
  else votes[participantId] = mine;
  return { ok: true, record: { ...record, votes } };
}

/** Drops every vote on one item (it was deleted from the plenary doc), giving the voters their budget back. */
export function forgetPlenaryItem(record: PlenaryRecord, itemId: string): PlenaryRecord {
  const votes: PlenaryRecord['votes'] = {};
  for (const [participantId, mine] of Object.entries(record.votes)) {
    const { [itemId]: _dropped, ...rest } = mine;
    if (Object.keys(rest).length > 0) votes[participantId] = rest;
  }
  return { ...record, votes };
}

/**
 * A smaller budget keeps votes already cast (nobody loses a vote silently); those participants
 * simply cannot add more until they are under it.
 */
export function patchPlenary(
  record: PlenaryRecord,
  patch: { votingOpen?: boolean | undefined; budget?: number | undefined; revealed?: boolean | undefined },
): PlenaryRecord {
  const next = { ...record };
  if (patch.votingOpen !== undefined) next.votingOpen = patch.votingOpen;
  if (patch.budget !== undefined) next.budget = Math.min(Math.max(1, patch.budget), MAX_PLENARY_BUDGET);
  if (patch.revealed !== undefined) next.revealed = patch.revealed;
  return next;
}
