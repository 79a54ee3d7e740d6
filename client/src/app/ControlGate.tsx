import type { Me, WorkshopState } from '@warsztat/shared';
import { ErrorCode } from '@warsztat/shared';
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { wasErasedHere } from '../api/privacy';
import { adoptWorkshopLocale } from '../i18n';
import { useControlStore } from '../stores/controlStore';
import { useControlConnection } from '../stores/useControlConnection';
import { ErrorAlert } from './ErrorAlert';
import { Page } from './Page';

const KNOWN: readonly string[] = Object.values(ErrorCode);

/**
 * Opens the control connection for `token` and renders `children` once the first state has
 * arrived; until then a loading line, and a translated refusal if the server rejects the token.
 */
export function ControlGate({
  token,
  children,
}: {
  token: string | undefined;
  children: (workshop: WorkshopState, me: Me) => ReactNode;
}) {
  const { t } = useTranslation();
  useControlConnection(token);
  const workshop = useControlStore((s) => s.workshop);
  const me = useControlStore((s) => s.me);
  const problem = useControlStore((s) => s.problem);
  const workshopLocale = workshop?.locale;
  useEffect(() => {
    if (workshopLocale) adoptWorkshopLocale(workshopLocale);
  }, [workshopLocale]);

  // The participant erased themselves here (issue #19): the hang-up that follows is the expected outcome.
  if (problem && wasErasedHere()) {
    return (
      <Page>
        <output className="notice" data-testid="my-data-erased">
          {t('privacy.forgotten')}
        </output>
      </Page>
    );
  }
  if (!token || problem) {
    const code = problem && KNOWN.includes(problem.code) ? problem.code : 'unauthorized';
    return (
      <Page>
        <ErrorAlert code={code} testId="control-problem" />
      </Page>
    );
  }
  if (!workshop || !me) {
    return (
      <Page>
        <p className="muted" aria-live="polite">
          {t('app.loading')}
        </p>
      </Page>
    );
  }
  return children(workshop, me);
}
