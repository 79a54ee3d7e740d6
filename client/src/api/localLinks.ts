/**
 * What this browser remembers about workshops it joined (tokens, who it joined as) and how server
 * links become in-app routes. No schemas here: the join form imports this without waiting for zod.
 */
/** Who this browser joined a workshop as, keyed by its join code (what a rescanned QR code carries). */
export interface ReturningParticipant {
  name: string;
  board: string;
}

function returningKey(code: string): string {
  return `warsztat:joined:${code.toUpperCase()}`;
}

export function rememberReturning(code: string, who: ReturningParticipant): void {
  try {
    localStorage.setItem(returningKey(code), JSON.stringify(who));
  } catch {
    // Storage refused: the next scan shows the empty form, as before.
  }
}

export function returningParticipant(code: string): ReturningParticipant | null {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(returningKey(code)) ?? 'null');
    if (typeof value !== 'object' || value === null) return null;
    const { name, board } = value as Record<string, unknown>;
    return typeof name === 'string' && typeof board === 'string' ? { name, board } : null;
  } catch {
    return null;
  }
}

/** "To nie ja": a shared device forgets who joined from it, and the form is offered. */
export function forgetReturning(code: string): void {
  try {
    localStorage.removeItem(returningKey(code));
  } catch {
    // Nothing stored, nothing to forget.
  }
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
