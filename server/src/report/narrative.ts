import type { AgendaItem, Locale, Mode } from '@warsztat/shared';
import type { ReportT } from './i18n/index.js';

/**
 * The generated draft of the report's narrative (issue #7), one paragraph per part, written the
 * way the seed reports read: "W dniu 24 listopada 2022 r. odbyło się spotkanie „…”, zorganizowane
 * przez: …", then what happened in each agenda item in the past tense, "Uczestnicy zostali
 * podzieleni na 5 grup: …", and a closing paragraph. Organisers edit these parts before download
 * (control.narrative); everything here only proposes the text.
 */

/** Calendar dates are zone-free: formatted at noon UTC they read the same day everywhere. */
function calendarDay(iso: string): Date {
  return new Date(`${iso}T12:00:00Z`);
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** British English for English reports: "24 November 2022", 24-hour clock, no serial comma. */
export function intlLocale(locale: Locale): string {
  return locale === 'en' ? 'en-GB' : locale;
}

/** "24 listopada 2022 r." / "24 November 2022". */
export function dateWords(t: ReportT, locale: Locale, iso: string | null): string | null {
  if (!iso || !ISO_DATE.test(iso)) return iso;
  const date = new Intl.DateTimeFormat(intlLocale(locale), {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  return t('dateWords', { date: date.format(calendarDay(iso)) });
}

/** "4–5 marca 2021 r." for a multi-day workshop. */
function rangeWords(t: ReportT, locale: Locale, first: string, last: string): string {
  const format = new Intl.DateTimeFormat(intlLocale(locale), {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  return t('dateWords', { date: format.formatRange(calendarDay(first), calendarDay(last)) });
}

/** The days a workshop ran on, in words: one date, or the first to the last ("4–5 marca 2021 r."); null without dates. */
export function datesWords(t: ReportT, locale: Locale, dates: string[]): { words: string; days: number } | null {
  const sorted = [...new Set(dates.filter((d) => ISO_DATE.test(d)))].sort();
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (first === undefined || last === undefined) return null;
  return first === last
    ? { words: dateWords(t, locale, first) ?? first, days: 1 }
    : { words: rangeWords(t, locale, first, last), days: sorted.length };
}

export function listWords(locale: Locale, items: string[]): string {
  return new Intl.ListFormat(intlLocale(locale), { style: 'long', type: 'conjunction' }).format(items);
}

/** Titles in running text are quoted the way each language quotes. */
export function quote(locale: Locale, text: string): string {
  return locale === 'pl' ? `„${text}”` : `“${text}”`;
}

/**
 * "Seniorzy" inside a sentence is "seniorzy"; an acronym ("CIS", "WTZ") and a proper name in title
 * case ("Centra Integracji Społecznej (CIS)") keep their capitals.
 */
export function midSentence(name: string): string {
  const [first = '', second = ''] = name;
  const acronym = second === '' || second !== second.toLowerCase() || second === second.toUpperCase();
  const properName = name
    .replace(/\([^)]*\)/g, '')
    .split(/\s+/)
    .slice(1)
    .some((word) => /^\p{Lu}\p{Ll}/u.test(word));
  return acronym || properName ? name : first.toLowerCase() + name.slice(1);
}

export interface IntroInput {
  title: string;
  mode: Mode;
  venue: string | null;
  organiser: string | null;
  /** Every date the workshop ran on, in order (the workshop's date and the agenda days' dates). */
  dates: string[];
}

export function introText(t: ReportT, locale: Locale, input: IntroInput): string {
  const dates = datesWords(t, locale, input.dates);
  const when = !dates
    ? null
    : dates.days === 1
      ? t('intro.oneDay', { date: dates.words })
      : t('intro.days', { range: dates.words });
  // "w trybie online … (online)" says it twice: a venue that only names the mode is left out.
  const venue = input.venue && input.venue.trim().toLowerCase() !== input.mode ? input.venue : null;
  const values = {
    title: quote(locale, input.title),
    mode: t(`intro.mode.${input.mode}`),
    venue: venue ? t('intro.venue', { venue }) : '',
    organiser: input.organiser ? t('intro.organiser', { organiser: input.organiser }) : '',
  };
  return when ? t('intro.dated', { ...values, when }) : t('intro.undated', values);
}

/** Items that get a paragraph: a coffee break is on the programme, not in the story. */
export function tellsStory(item: AgendaItem): boolean {
  return item.kind !== 'break';
}

/**
 * One paragraph per agenda item. `index` counts the told items (0 = the first of the meeting),
 * `last` says it is the final told item; the connectors vary so consecutive paragraphs do not all
 * open with the same word. `presented`: groups had rapporteurs, so the breakout paragraph says
 * their work was presented to the room.
 */
export function itemText(
  t: ReportT,
  locale: Locale,
  item: AgendaItem,
  position: { index: number; last: boolean; presented: boolean },
): string {
  const connector =
    position.index === 0
      ? t('item.connector.first')
      : position.last && item.kind === 'summary'
        ? t('item.connector.last')
        : t(`item.connector.next${((position.index - 1) % 3) + 1}`);
  const title = item.title.trim();
  // "odbyła się dyskusja pt. „Dyskusja”" says it twice, and a welcome's or summary's title only
  // restates the phrase ("przywitano uczestników … pt. „Powitanie”"): those are left out.
  const named =
    title !== '' &&
    item.kind !== 'welcome' &&
    item.kind !== 'summary' &&
    title.toLowerCase() !== t(`kind.${item.kind}`).toLowerCase();
  const titleText = named
    ? t(item.kind === 'breakout' ? 'item.topic' : 'item.title', { title: quote(locale, title) })
    : '';
  const speakers = item.speakers.map((s) => s.trim()).filter((s) => s !== '');
  const sentence = t('item.sentence', {
    connector,
    at: item.startsAt,
    phrase: t(`item.phrase.${item.kind}`, { minutes: item.minutes }),
    // A breakout's length says how long the groups had; other items' lengths are on the programme.
    title: item.kind === 'breakout' ? `${titleText}${t('item.duration', { minutes: item.minutes })}` : titleText,
    speakers: speakers.length > 0 ? t('item.speakers', { list: listWords(locale, speakers) }) : '',
  });
  return item.kind === 'breakout' && position.presented ? `${sentence} ${t('item.presented')}` : sentence;
}

export function groupsText(t: ReportT, locale: Locale, groupNames: string[], sectionLabels: string[]): string {
  if (groupNames.length === 0) return t('groups.none');
  const split = t('groups.split', { count: groupNames.length, list: listWords(locale, groupNames.map(midSentence)) });
  if (sectionLabels.length === 0) return split;
  return `${split} ${t('groups.sections', { list: listWords(locale, sectionLabels.map(midSentence)) })}`;
}

export function closingText(t: ReportT, recommendations: number, source: 'plenary' | 'votes'): string {
  const agreed = recommendations > 0 ? `${t(`closing.${source}`, { count: recommendations })} ` : '';
  return `${agreed}${t('closing.thanks')}`;
}
