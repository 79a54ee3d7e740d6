import type { AssignmentPreview, Command, Role } from '@warsztat/shared';
import type { WorkshopRecord } from '../domain/workshop.js';

export interface CommandOutcome {
  workshop: WorkshopRecord;
  /** Only for `{type: 'assign', mode: 'preview'}`. */
  preview?: AssignmentPreview;
}

/**
 * What a co-facilitator may not do: close the workshop for everyone (issue #5), or rotate a link
 * (issue #14) — it never sees the projector or co-facilitator links, and rotating its own would
 * lock out colleagues holding the same one. It may rotate the join code, which it does see.
 */
export function mayRun(role: Role, command: Command): boolean {
  if (role === 'facilitator') return true;
  if (role === 'coFacilitator') {
    if (command.type === 'phase' && command.to === 'closed') return false;
    return command.type !== 'rotate' || command.target === 'joinCode';
  }
  return false;
}
