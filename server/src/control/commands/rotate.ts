import { ErrorCode, type RotationTarget } from '@warsztat/shared';
import type { TokenRecord, WorkshopRecord } from '../../domain/workshop.js';
import { fail, ok, type Result } from '../result.js';
import { rotatedStaffLink } from '../tokens.js';

/** A rotation to store: the changed workshop and the token that replaces its role's old one. */
export interface Rotation {
  workshop: WorkshopRecord;
  tokens: TokenRecord[];
}

/**
 * `{type: 'rotate', target}` (issue #14): a new join code, or the next epoch of a derived link.
 * The derived links need the facilitator's own raw token (their root, never stored); rights.ts
 * already refused anyone else. `freshJoinCode` is a code no workshop has, found by the caller.
 */
export function applyRotation(
  w: WorkshopRecord,
  target: RotationTarget,
  made: { facilitatorToken: string | null; freshJoinCode: string | null },
): Result<Rotation> {
  if (target === 'joinCode') {
    if (!made.freshJoinCode) return fail(ErrorCode.Internal, 'No join code was made');
    return ok({ workshop: { ...w, joinCode: made.freshJoinCode }, tokens: [] });
  }
  if (!made.facilitatorToken) return fail(ErrorCode.Forbidden, 'Only the facilitator link can replace this link');
  const { workshop, token } = rotatedStaffLink(w, target, made.facilitatorToken);
  return ok({ workshop, tokens: [token] });
}
