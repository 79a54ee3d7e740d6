import type { AssignmentPreview, Command, Role } from '@warsztat/shared';
import type { WorkshopRecord } from '../domain/workshop.js';

export interface CommandOutcome {
  workshop: WorkshopRecord;
  /** Only for `{type: 'assign', mode: 'preview'}`. */
  preview?: AssignmentPreview;
}

/** What a co-facilitator may not do (decided in issue #5): close the workshop for everyone. */
export function mayRun(role: Role, command: Command): boolean {
  if (role === 'facilitator') return true;
  if (role === 'coFacilitator') return !(command.type === 'phase' && command.to === 'closed');
  return false;
}
