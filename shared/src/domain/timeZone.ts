/**
 * A workshop's wall clock (DESIGN §1): agenda times are typed in it and every date or time the
 * report and the screens print is formatted in it with `Intl`. Most workshops happen in Poland.
 */
export const DEFAULT_TIME_ZONE = 'Europe/Warsaw';

/** Area/Location names only (and UTC): `Intl` also takes offsets like "+01:00", which are not zones. */
const IANA_SHAPE = /^(?:UTC|[A-Za-z]+(?:\/[A-Za-z0-9_+-]+){1,2})$/;

/** The zone's canonical spelling ("europe/warsaw" → "Europe/Warsaw"), or null when it is no IANA zone. */
export function canonicalTimeZone(value: string): string | null {
  if (!IANA_SHAPE.test(value)) return null;
  try {
    return new Intl.DateTimeFormat('en', { timeZone: value }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}
