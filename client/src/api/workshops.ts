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

/**
 * A server link as an in-app route: paths pass through; an absolute URL on this origin is cut to
 * its path; anything else is returned as null (the caller then does a full navigation).
 */
export function inAppPath(link: string): string | null {
  const url = new URL(link, window.location.origin);
  if (url.origin !== window.location.origin) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}
