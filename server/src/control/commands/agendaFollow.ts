import { AGENDA_KINDS_OF_PHASE } from '@warsztat/shared';
import type { WorkshopRecord } from '../../domain/workshop.js';

/**
 * The agenda follows the room: when the phase changes (and the change did not itself pick an
 * item, like starting a breakout item does), the current item moves on to the next item of a
 * matching kind. The current item stays when it already matches; with no matching item ahead,
 * nothing moves and the console asks the facilitator to pick one (see `agendaMismatch`).
 */
export function followAgenda(before: WorkshopRecord, after: WorkshopRecord): WorkshopRecord {
  if (after.phase === before.phase) return after;
  if (after.control.currentAgendaItemId !== before.control.currentAgendaItemId) return after;
  const next = nextItemFor(after);
  if (next === undefined || next === after.control.currentAgendaItemId) return after;
  return { ...after, control: { ...after.control, currentAgendaItemId: next } };
}

function nextItemFor(w: WorkshopRecord): string | undefined {
  const kinds = AGENDA_KINDS_OF_PHASE[w.phase];
  if (!kinds) return undefined;
  const index = w.agenda.findIndex((i) => i.id === w.control.currentAgendaItemId);
  const current = w.agenda[index];
  if (current && kinds.includes(current.kind)) return current.id;
  return w.agenda.slice(index + 1).find((i) => kinds.includes(i.kind))?.id;
}
