/**
 * What the join form and the server agree on, without zod (issue #15): the join page imports only
 * this, so a phone on venue Wi-Fi loads no schema library to join. The zod schemas in http.ts are
 * built from these same constants and stay the authority: the server parses every join with them.
 */

/** Join codes are 6 characters from an alphabet without look-alikes (0/O, 1/I/L). */
export const JOIN_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const JOIN_CODE_LENGTH = 6;
export const JOIN_CODE_PATTERN = new RegExp(`^[${JOIN_CODE_ALPHABET}]{${JOIN_CODE_LENGTH}}$`);

/** Longest display name a participant may give. */
export const MAX_PARTICIPANT_NAME_CHARS = 80;
/** Longest organisation name a participant may give. */
export const MAX_ORGANISATION_CHARS = 200;

/** A typed or scanned code as the server reads it: case, spaces and dashes do not matter. */
export function normaliseJoinCode(input: string): string {
  return input.trim().toUpperCase().replace(/[\s-]/g, '');
}

/** The code the server would look up, or null for one that cannot exist (wrong length or letters). */
export function readJoinCode(input: string): string | null {
  const code = normaliseJoinCode(input);
  return JOIN_CODE_PATTERN.test(code) ? code : null;
}
