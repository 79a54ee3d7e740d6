import type { CopyWorkshopBody, CreateWorkshopBody } from '@warsztat/shared';
import { CreateWorkshopAnswer } from '@warsztat/shared';
import { postJson, requestJson } from './http';

// The join calls live in join.ts, without zod, for the join page.
export { joinInfo, joinWorkshop } from './join';
// Kept importable from here; they live in localLinks.ts so the join form can load them without zod.
export * from './localLinks';

export function createWorkshop(body: CreateWorkshopBody) {
  return postJson('/api/workshops', body, CreateWorkshopAnswer);
}

/** "Use again as a new workshop" (issue #16): the format of `workshopId` as a new lobby workshop. */
export function copyWorkshop(workshopId: string, token: string, body: CopyWorkshopBody) {
  return requestJson('POST', `/api/workshops/${encodeURIComponent(workshopId)}/copy`, CreateWorkshopAnswer, {
    token,
    body,
  });
}
