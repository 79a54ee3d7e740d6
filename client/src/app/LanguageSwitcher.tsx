import { LOCALES } from '@warsztat/shared';
import { useTranslation } from 'react-i18next';
import { currentLocale, setLocale } from '../i18n';

/** PL / EN toggle shown on every screen; the choice persists in localStorage. */
export function LanguageSwitcher() {
  const { t } = useTranslation();
  const active = currentLocale();
  return (
    // biome-ignore lint/a11y/useSemanticElements: a labelled group of toggle buttons, not a form fieldset.
    <div className="lang-switcher" role="group" aria-label={t('app.language')} data-testid="language-switcher">
      {LOCALES.map((locale) => (
        <button
          key={locale}
          type="button"
          lang={locale}
          aria-pressed={locale === active}
          data-locale={locale}
          onClick={() => setLocale(locale)}
        >
          {locale.toUpperCase()}
        </button>
      ))}
    </div>
  );
}
