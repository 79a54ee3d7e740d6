import type { JoinPrivacyAnswer } from '@warsztat/shared';
import { contactHref } from '@warsztat/shared';
import '../../styles/privacy.css';
import i18next from 'i18next';
import { useEffect, useState } from 'react';
import { loadLocale } from '../../i18n';

/**
 * The information clause (GDPR Art. 13, issue #19) shown before anyone types their name: who the
 * controller is (the organiser when none was set), what is collected, why, for how long, the right
 * to erasure and whom to ask. In the workshop's language, whatever the page's, because the
 * organiser wrote the controller's name in it. Nothing shows until the code names a workshop.
 */
export function PrivacyNotice({ code }: { code: string | null }) {
  const [clause, setClause] = useState<JoinPrivacyAnswer | null>(null);
  useEffect(() => {
    setClause(null);
    if (!code) return;
    let current = true;
    // The call comes with the join form's lazy module, so the form draws first; the
    // workshop's dictionary is loaded before the clause shows, so it never flashes in another language.
    void import('./joinRequest')
      .then(({ joinPrivacy }) => joinPrivacy(code))
      .then(async (result) => {
        if (!result.ok) return;
        await loadLocale(result.data.locale);
        if (current) setClause(result.data);
      });
    return () => {
      current = false;
    };
  }, [code]);
  if (!clause) return null;

  const t = i18next.getFixedT(clause.locale);
  const controller = clause.dataController
    ? t('privacy.clauseController', { controller: clause.dataController })
    : clause.organiser
      ? t('privacy.clauseOrganiser', { controller: clause.organiser })
      : t('privacy.clauseUnnamed');
  return (
    <section
      className="privacy-notice"
      aria-labelledby="privacy-notice-heading"
      lang={clause.locale}
      data-testid="privacy-notice"
    >
      <h2 id="privacy-notice-heading">{t('privacy.clauseHeading')}</h2>
      <ul>
        <li>{controller}</li>
        <li>{t('privacy.clauseWhat')}</li>
        <li>{t('privacy.clauseWhy')}</li>
        <li>{t('privacy.clauseHowLong', { count: clause.retentionDays })}</li>
        <li>{t('privacy.clauseRights')}</li>
        <li>
          {clause.privacyContact ? (
            <>
              {t('privacy.clauseContact')}{' '}
              <a href={contactHref(clause.privacyContact)} rel="noreferrer">
                {clause.privacyContact}
              </a>
            </>
          ) : (
            t('privacy.clauseNoContact')
          )}
        </li>
      </ul>
    </section>
  );
}
