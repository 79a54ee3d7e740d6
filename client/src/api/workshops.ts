import type { CreateWorkshopBody, JoinBody } from '@warsztat/shared';
import { CreateWorkshopAnswer, JoinAnswer } from '@warsztat/shared';
import { postJson } from './http';

export function createWorkshop(body: CreateWorkshopBody) {
  return postJson('/api/workshops', body, CreateWorkshopAnswer);
}

export function joinWorkshop(body: JoinBody) {
  return postJson('/api/join', body, JoinAnswer);
}

/** Where a participant's capability token is kept, one per workshop. */
export function participantTokenKey(workshopId: string): string {
  return `warsztat:participant:${workshopId}`;
}

export function rememberParticipantToken(workshopId: string, token: string): void {
  try {
    localStorage.setItem(participantTokenKey(workshopId), token);
  } catch {
    // Storage refused (private mode): the board link in the address bar still works.
  }
}

/** Server links are paths; the UI shows and copies full URLs. */
export function absoluteUrl(path: string): string {
  return new URL(path, window.location.origin).toString();
}
