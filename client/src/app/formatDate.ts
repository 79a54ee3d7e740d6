import type { Locale } from '@warsztat/shared';

/**
 * Dates on screen go through `Intl` in the workshop's language, like the report's (issue #7); agenda
 * times are wall-clock times of the workshop's zone, which the agenda names. A calendar date ("2022-11-24") is zone-free: formatted at noon UTC it is the
 * same day everywhere.
 */
function intlLocale(locale: Locale): string {
  return locale === 'en' ? 'en-GB' : locale;
}

export function formatDay(iso: string | null, locale: Locale): string {
  if (!iso || !/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso ?? '';
  return new Intl.DateTimeFormat(intlLocale(locale), {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${iso}T12:00:00Z`));
}
