import { DEFAULT_TIME_ZONE, type WorkshopState } from '@warsztat/shared';

/** The workshop's time zone (Europe/Warsaw unless the workshop was created with another). */
export function workshopTimeZone(workshop: WorkshopState): string {
  return workshop.timeZone || DEFAULT_TIME_ZONE;
}

const formats = new Map<string, Intl.DateTimeFormat>();

function format(locale: string, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${JSON.stringify(options)}`;
  let f = formats.get(key);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    } catch {
      // An unknown zone from an old or foreign record: fall back rather than break the screen.
      f = new Intl.DateTimeFormat(locale, { ...options, timeZone: DEFAULT_TIME_ZONE });
    }
    formats.set(key, f);
  }
  return f;
}

/** "14:35": a moment (epoch ms) as a wall-clock time in the workshop's zone. */
export function formatClock(ms: number, locale: string, timeZone: string): string {
  return format(locale, timeZone, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(ms);
}

/** English dates as the report writes them ("26 November 2026"), not the US order. */
function intlLocale(locale: string): string {
  return locale === 'en' ? 'en-GB' : locale;
}

/**
 * "26 listopada 2026" (with `weekday`: "czwartek, 26 listopada 2026"): a calendar date
 * ('YYYY-MM-DD', the workshop's own day) in words, in the workshop's language like the report's
 * dates. Read at noon UTC and printed in UTC, so no zone can move it to the day before or after.
 * Anything else is shown as it is.
 */
export function formatDay(date: string | null, locale: string, options: { weekday?: boolean } = {}): string {
  if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return date ?? '';
  const ms = Date.parse(`${date}T12:00:00Z`);
  if (Number.isNaN(ms)) return date;
  const day = { day: 'numeric', month: 'long', year: 'numeric' } as const;
  return format(intlLocale(locale), 'UTC', options.weekday ? { ...day, weekday: 'long' } : day).format(ms);
}
