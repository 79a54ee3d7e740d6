import type { WorkshopRecord } from '../../domain/workshop.js';
import { followAgenda } from './agendaFollow.js';
import { expireBroadcasts } from './broadcasts.js';

/**
 * What follows from any change to a workshop, whichever door made it (a command, the recall
 * firing, an agenda item starting): stale messages leave the screens and the agenda keeps up
 * with the phase (issue #20 points 2 and 6). Pure, like the handlers.
 */
export function followChange(before: WorkshopRecord, after: WorkshopRecord): WorkshopRecord {
  if (after === before) return after;
  return followAgenda(before, expireBroadcasts(before, after));
}
