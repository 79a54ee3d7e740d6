import {
  type Command,
  castPlenaryVote,
  ErrorCode,
  emptyPlenary,
  forgetPlenaryItem,
  type PlenaryRecord,
  patchPlenary,
} from '@warsztat/shared';
import type { WorkshopRecord } from '../../domain/workshop.js';
import { assertNever, fail, ok, type Result } from '../result.js';

/** Participants may vote only while the room is together. */
const VOTE_PHASES: readonly WorkshopRecord['phase'][] = ['plenary', 'presenting', 'discussion'];

function withPlenary(w: WorkshopRecord, plenary: PlenaryRecord): WorkshopRecord {
  return { ...w, control: { ...w.control, plenary } };
}

/** `{type: 'plenary', …}`: the facilitator opens, closes, reveals or clears the room's vote. */
export function applyPlenary(
  w: WorkshopRecord,
  command: Extract<Command, { type: 'plenary' }>,
): Result<WorkshopRecord> {
  const current = w.control.plenary;
  switch (command.action) {
    case 'settings': {
      const { type: _t, action: _a, ...patch } = command;
      return ok(withPlenary(w, patchPlenary(current, patch)));
    }
    case 'clearVotes':
      return ok(withPlenary(w, { ...current, votes: emptyPlenary().votes }));
    case 'forget':
      return ok(withPlenary(w, forgetPlenaryItem(current, command.itemId)));
    default:
      return assertNever(command);
  }
}

/**
 * A participant's vote, checked here and nowhere else: the budget is the server's rule, so two
 * tabs or a crafted client can never spend more than it. The item id is not checked against the
 * doc (the control plane does not read CRDTs); a vote on an unknown id only wastes the voter's
 * own budget and is ignored by every reader.
 */
export function applyVote(
  w: WorkshopRecord,
  participantId: string,
  command: { itemId: string; delta: 1 | -1 },
): Result<WorkshopRecord> {
  if (!VOTE_PHASES.includes(w.phase)) return fail(ErrorCode.Conflict, 'Voting happens in plenary');
  const result = castPlenaryVote(w.control.plenary, participantId, command.itemId, command.delta);
  if (!result.ok) {
    switch (result.reason) {
      case 'closed':
        return fail(ErrorCode.Conflict, 'Voting is not open');
      case 'over-budget':
        return fail(ErrorCode.Conflict, 'No votes left');
      case 'none-left':
        return fail(ErrorCode.Conflict, 'No vote to take back');
      default:
        return assertNever(result.reason);
    }
  }
  return ok(withPlenary(w, result.record));
}
