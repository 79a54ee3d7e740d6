import type { WorkshopRecord } from '../../domain/workshop.js';
import { followAgenda } from './agendaFollow.js';
import { expireBroadcasts } from './broadcasts.js';
import { resetPage } from './projector.js';

/**
 * What follows from any change to a workshop, whichever door made it (a command, the recall
 * firing, an agenda item starting): stale messages leave the screens and the agenda keeps up
 * with the phase, and a new spotlight starts at the projector's first page (issue #20 points 2, 3, 6). Pure, like the handlers.
 */
export function followChange(before: WorkshopRecord, after: WorkshopRecord): WorkshopRecord {
  if (after === before) return after;
  return resetPage(before, followAgenda(before, expireBroadcasts(before, after)));
}
