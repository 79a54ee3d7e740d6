import { participantTokenKey } from './localLinks';

/**
 * What this browser keeps about a participant besides board copies: the token per workshop and the
 * "Wróć jako <name>" entry per join code. Dropped when the person is erased or the workshop deleted,
 * so a venue's shared laptop keeps no name behind.
 */
export function forgetParticipantOnDevice(workshopId: string, token: string): void {
  try {
    localStorage.removeItem(participantTokenKey(workshopId));
    for (let i = localStorage.length - 1; i >= 0; i--) {
      const key = localStorage.key(i);
      if (!key?.startsWith('warsztat:joined:')) continue;
      if ((localStorage.getItem(key) ?? '').includes(`/b/${token}`)) localStorage.removeItem(key);
    }
  } catch {
    // Storage refused: nothing was kept there either.
  }
}

/**
 * The workshop this browser remembered `token` for, if any: a link refused at connect (the person
 * was erased, or the workshop deleted, while this device was away) still lets the device clear
 * what it kept of that workshop.
 */
export function workshopOfRememberedToken(token: string): string | null {
  try {
    const prefix = participantTokenKey('');
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      if (key?.startsWith(prefix) && localStorage.getItem(key) === token) return key.slice(prefix.length);
    }
  } catch {
    // Storage refused: nothing was remembered.
  }
  return null;
}
