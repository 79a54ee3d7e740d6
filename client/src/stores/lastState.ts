import type { Me, WorkshopState } from '@warsztat/shared';

/**
 * The last workshop state this tab received for a token, kept in localStorage so a board,
 * console or projector reloaded with no network still draws (with the boards' own copies from
 * IndexedDB) instead of waiting forever for the server. It is only ever used while the server
 * cannot be reached, and forgotten with the boards when the link is revoked.
 */
const PREFIX = 'warsztat:last-state:';

interface Saved {
  workshop: WorkshopState;
  me: Me;
}

export function saveLastState(token: string, workshop: WorkshopState, me: Me): void {
  try {
    localStorage.setItem(PREFIX + token, JSON.stringify({ workshop, me } satisfies Saved));
  } catch {
    // Storage full or refused: offline reloads wait for the server, as before.
  }
}

export function loadLastState(token: string): Saved | null {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(PREFIX + token) ?? 'null');
    if (typeof value !== 'object' || value === null) return null;
    const { workshop, me } = value as Partial<Saved>;
    // Written by this app; checked only for shape, since an older version may have written it.
    if (typeof workshop?.id !== 'string' || !Array.isArray(workshop.groups) || typeof me?.role !== 'string') {
      return null;
    }
    return { workshop, me };
  } catch {
    return null;
  }
}

export function forgetLastState(token: string): void {
  try {
    localStorage.removeItem(PREFIX + token);
  } catch {
    // Nothing stored.
  }
}
