import type { CopyWorkshopBody, CreateWorkshopBody, JoinBody } from '@warsztat/shared';
import { CreateWorkshopAnswer, JoinAnswer, JoinInfo } from '@warsztat/shared';
import { postJson, requestJson } from './http';

// Kept importable from here; they live in localLinks.ts so the join form can load them without zod.
export * from './localLinks';

export function createWorkshop(body: CreateWorkshopBody) {
  return postJson('/api/workshops', body, CreateWorkshopAnswer);
}

export function joinWorkshop(body: JoinBody) {
  return postJson('/api/join', body, JoinAnswer);
}

/** Title and date of the workshop behind a join code (public: anyone with the code may ask). */
export function joinInfo(code: string) {
  return requestJson('GET', `/api/join/${encodeURIComponent(code)}`, JoinInfo);
}

/** "Use again as a new workshop" (issue #16): the format of `workshopId` as a new lobby workshop. */
export function copyWorkshop(workshopId: string, token: string, body: CopyWorkshopBody) {
  return requestJson('POST', `/api/workshops/${encodeURIComponent(workshopId)}/copy`, CreateWorkshopAnswer, {
    token,
    body,
  });
}
