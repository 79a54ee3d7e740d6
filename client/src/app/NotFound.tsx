import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from './Page';

export function NotFound() {
  const { t } = useTranslation();
  return (
    <Page>
      <h1>{t('errors.not_found')}</h1>
      <p>
        <Link to="/">{t('create.heading')}</Link>
      </p>
    </Page>
  );
}
