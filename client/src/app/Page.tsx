import type { ReactNode } from 'react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LanguageSwitcher } from './LanguageSwitcher';

interface Props {
  /** Document title suffix. */
  title?: string;
  /** Right side of the top bar (connection status, phase…). */
  status?: ReactNode;
  wide?: boolean;
  children: ReactNode;
}

/** The frame every screen but the projector shares: top bar with the language switcher, main. */
export function Page({ title, status, wide = false, children }: Props) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = title ? `${title} · ${t('app.name')}` : t('app.name');
  }, [title, t]);
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="topbar">
        <Link className="brand" to="/">
          {t('app.name')}
        </Link>
        <div className="topbar-right">
          {status}
          <LanguageSwitcher />
        </div>
      </header>
      <main id="main" className={`main${wide ? ' main--wide' : ''}`} tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
