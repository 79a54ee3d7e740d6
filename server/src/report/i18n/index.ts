import { LOCALES, type Locale } from '@warsztat/shared';
import i18next, { type TFunction } from 'i18next';
import { en } from './en.js';
import { pl } from './pl.js';

/**
 * The report's own i18next instance (the server has no UI language of its own: each report is in
 * its workshop's). Resources are plain objects, so initialisation is synchronous and done once.
 */
const instance = i18next.createInstance();
void instance.init({
  resources: { pl: { translation: pl }, en: { translation: en } },
  lng: 'pl',
  fallbackLng: false,
  supportedLngs: [...LOCALES],
  // Report text is escaped by each renderer for its own format, never by i18next.
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
  // A server log is no place for i18next's advertisement.
  showSupportNotice: false,
});

export type ReportT = TFunction;

export function reportT(locale: Locale): ReportT {
  return instance.getFixedT(locale);
}

/** Every key of the resources, for checking that no language misses one (plural suffixes folded). */
export function resourceKeys(locale: Locale): string[] {
  const walk = (node: unknown, prefix: string): string[] =>
    typeof node === 'object' && node !== null
      ? Object.entries(node).flatMap(([k, v]) => walk(v, prefix ? `${prefix}.${k}` : k))
      : [prefix.replace(/_(one|few|many|other)$/, '')];
  return [...new Set(walk(locale === 'pl' ? pl : en, ''))].sort();
}
