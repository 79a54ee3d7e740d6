import { ErrorCode, type NarrativeEdit } from '@warsztat/shared';
import type { WorkshopRecord } from '../../domain/workshop.js';
import { fail, ok, type Result } from '../result.js';

/**
 * The organisers' wording of one part of the report (issue #7): kept, or with empty text
 * forgotten, so the generated draft shows again. A pure handler like the facilitator commands;
 * it has its own door (PUT …/report/narrative) because it answers with the report draft.
 */
export function applyNarrative(w: WorkshopRecord, edit: NarrativeEdit): Result<WorkshopRecord> {
  const { part, text } = edit;
  if (part.startsWith('item:') && !w.agenda.some((i) => `item:${i.id}` === part)) {
    return fail(ErrorCode.NotFound, 'No such agenda item');
  }
  // The first round's opening is the `groups` part; later rounds have their own.
  if (part.startsWith('round:') && !w.control.rounds.slice(1).some((r) => `round:${r.id}` === part)) {
    return fail(ErrorCode.NotFound, 'No such round');
  }
  const narrative = { ...w.control.narrative };
  if (text === null || text.trim() === '') delete narrative[part];
  else narrative[part] = text.replace(/\r\n?/g, '\n').trim();
  return ok({ ...w, control: { ...w.control, narrative } });
}
