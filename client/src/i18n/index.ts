import type { Locale } from '@warsztat/shared';
import { LOCALES } from '@warsztat/shared';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { pl } from './pl';

/**
 * i18n setup: Polish by default, English on request. Only a person's own choice (the language
 * switcher) persists in localStorage; without one, a screen follows the workshop's language, so a
 * projector or a phone opened for an English workshop speaks English. `<html lang>` follows the
 * language so screen readers pronounce the page in the right one.
 */
export const LANGUAGE_STORAGE_KEY = 'warsztat:lang';
export const DEFAULT_LOCALE: Locale = 'pl';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

function chosenLocale(): Locale | null {
  try {
    const value = localStorage.getItem(LANGUAGE_STORAGE_KEY);
    return isLocale(value) ? value : null;
  } catch {
    return null;
  }
}

/**
 * Polish ships with the app; English is fetched the first time it is needed, so a phone joining a
 * Polish workshop does not download a dictionary it never shows. Until it arrives the screen keeps
 * speaking Polish (the fallback), then switches.
 */
const loaded = new Set<Locale>([DEFAULT_LOCALE]);
/** Makes `locale`'s dictionary available without switching to it (a text in another screen's language). */
export async function loadLocale(locale: Locale): Promise<void> {
  if (loaded.has(locale)) return;
  const { en } = await import('./en');
  i18next.addResourceBundle(locale, 'translation', en, true, true);
  loaded.add(locale);
}

async function changeLanguage(locale: Locale): Promise<void> {
  await loadLocale(locale);
  await i18next.changeLanguage(locale);
}

export function currentLocale(): Locale {
  const lang = i18next.resolvedLanguage ?? i18next.language;
  return isLocale(lang) ? lang : DEFAULT_LOCALE;
}

/** A person's own choice: applies now and on every later visit, whatever the workshop's language. */
export function setLocale(locale: Locale): void {
  try {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, locale);
  } catch {
    // Private mode may refuse storage; the language still applies for this visit.
  }
  void changeLanguage(locale);
}

/** The workshop's language, used only while this browser has no choice of its own. */
export function adoptWorkshopLocale(locale: Locale): void {
  if (chosenLocale() === null && locale !== currentLocale()) void changeLanguage(locale);
}

i18next.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
});

const initialLocale = chosenLocale() ?? DEFAULT_LOCALE;
document.documentElement.lang = DEFAULT_LOCALE;

void i18next.use(initReactI18next).init({
  resources: { pl: { translation: pl } },
  lng: DEFAULT_LOCALE,
  fallbackLng: DEFAULT_LOCALE,
  supportedLngs: [...LOCALES],
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});

if (initialLocale !== DEFAULT_LOCALE) void changeLanguage(initialLocale);

export default i18next;
