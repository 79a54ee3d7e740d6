import { type Command, ErrorCode, patchBoardSettings } from '@warsztat/shared';
import type { WorkshopRecord } from '../../domain/workshop.js';
import { fail, ok, type Result } from '../result.js';

/**
 * `{type: 'boardSettings', groupId | null, voteBudget?, votesRevealed?, locked?}`: the vote budget,
 * vote visibility and read-only lock of one group's board, or of every board when groupId is
 * null. Stored in the workshop's control JSON; the lock is enforced by the sync server
 * (authorizeDoc), the budget only by clients (a CRDT cannot refuse a vote).
 */
export function applyBoardSettings(
  w: WorkshopRecord,
  command: Extract<Command, { type: 'boardSettings' }>,
): Result<WorkshopRecord> {
  if (command.groupId !== null && !w.groups.some((g) => g.id === command.groupId)) {
    return fail(ErrorCode.NotFound, 'No such group');
  }
  const { type: _t, groupId, ...patch } = command;
  const boards = patchBoardSettings(w.control.boards, groupId, patch);
  return ok({ ...w, control: { ...w.control, boards } });
}
