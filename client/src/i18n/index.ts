import type { Locale } from '@warsztat/shared';
import { LOCALES } from '@warsztat/shared';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { pl } from './pl';

/**
 * i18n setup: Polish by default, English on request. The choice persists in localStorage and
 * `<html lang>` follows it so screen readers pronounce the page in the right language.
 */
export const LANGUAGE_STORAGE_KEY = 'warsztat:lang';
export const DEFAULT_LOCALE: Locale = 'pl';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

function storedLocale(): Locale {
  try {
    const value = localStorage.getItem(LANGUAGE_STORAGE_KEY);
    return isLocale(value) ? value : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}

export function currentLocale(): Locale {
  const lang = i18next.resolvedLanguage ?? i18next.language;
  return isLocale(lang) ? lang : DEFAULT_LOCALE;
}

export function setLocale(locale: Locale): void {
  void i18next.changeLanguage(locale);
}

i18next.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
  try {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, lng);
  } catch {
    // Private mode may refuse storage; the language still applies for this visit.
  }
});

const initialLocale = storedLocale();
document.documentElement.lang = initialLocale;

void i18next.use(initReactI18next).init({
  resources: { pl: { translation: pl }, en: { translation: en } },
  lng: initialLocale,
  fallbackLng: DEFAULT_LOCALE,
  supportedLngs: [...LOCALES],
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});

export default i18next;
