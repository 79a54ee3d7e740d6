import type { pl } from './pl';

/** Typed keys: a misspelt `t('…')` key fails the type check instead of showing the raw key. */
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof pl };
  }
}
