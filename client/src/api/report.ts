import { CreateWorkshopAnswer, type NarrativeEditBody, ReportDraft } from '@warsztat/shared';
import { requestJson } from './http';

/** The report's narrative parts, generated and as edited (facilitator or co-facilitator token). */
export function getReportDraft(workshopId: string, token: string) {
  return requestJson('GET', `/api/workshops/${encodeURIComponent(workshopId)}/report/draft`, ReportDraft, { token });
}

/** Saves one part's text (`text: null` restores the generated draft); answers the whole draft. */
export function saveNarrative(workshopId: string, token: string, body: NarrativeEditBody) {
  return requestJson('PUT', `/api/workshops/${encodeURIComponent(workshopId)}/report/narrative`, ReportDraft, {
    token,
    body,
  });
}

/** Creates a new workshop from a JSON export (the backup file the console downloads). */
export function importWorkshop(backup: unknown) {
  return requestJson('POST', '/api/workshops/import', CreateWorkshopAnswer, { body: backup });
}
