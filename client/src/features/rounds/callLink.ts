import { CallUrl } from '@warsztat/shared';

/** Bound of a call link (issue #17), said to the facilitator next to the field. */
export const MAX_CALL_URL_CHARS = 500;

/** The server's own schema, run before sending: spares a round trip and says why at once. */
export function isCallUrl(value: string): boolean {
  return value.length <= MAX_CALL_URL_CHARS && CallUrl.safeParse(value).success;
}
