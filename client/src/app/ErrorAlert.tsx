import { useTranslation } from 'react-i18next';
import type { FailureCode } from '../api/http';

/** A translated failure; `role="alert"` so screen readers announce it at once. */
export function ErrorAlert({ code, testId = 'form-error' }: { code: FailureCode | 'badLink' | null; testId?: string }) {
  const { t } = useTranslation();
  if (!code) return null;
  return (
    <p className="alert" role="alert" data-testid={testId} data-code={code}>
      {t(`errors.${code}`)}
    </p>
  );
}
