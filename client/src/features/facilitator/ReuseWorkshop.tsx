import type { CreateWorkshopAnswer, WorkshopState } from '@warsztat/shared';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FailureCode } from '../../api/http';
import { absoluteUrl, copyWorkshop } from '../../api/workshops';
import { CopyLink } from '../../app/CopyLink';
import { ErrorAlert } from '../../app/ErrorAlert';

/**
 * "Użyj ponownie jako nowy warsztat" (issue #16): the same agenda, groups and settings as a new
 * workshop with nobody in it. The new links are shown here rather than opened, so this console
 * stays where it is and the facilitator can keep the new console link before leaving.
 */
export function ReuseWorkshop({ workshop, token }: { workshop: WorkshopState; token: string }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState(workshop.title);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<FailureCode | null>(null);
  const [made, setMade] = useState<CreateWorkshopAnswer | null>(null);
  const result = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (made) result.current?.focus();
  }, [made]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const answer = await copyWorkshop(workshop.id, token, title.trim() ? { title: title.trim() } : {});
    setBusy(false);
    if (answer.ok) setMade(answer.data);
    else setError(answer.code);
  };

  return (
    <section className="card-panel" aria-labelledby="reuse-heading" data-testid="reuse-panel">
      <h2 id="reuse-heading">{t('console.reuseHeading')}</h2>
      <p className="muted small">{t('console.reuseHint')}</p>
      <form className="stack" onSubmit={submit}>
        <label htmlFor="reuse-title">{t('create.title')}</label>
        <input
          id="reuse-title"
          data-testid="reuse-title"
          value={title}
          maxLength={200}
          onChange={(e) => setTitle(e.target.value)}
        />
        <button type="submit" className="button" data-testid="reuse-submit" disabled={busy}>
          {t('console.reuseSubmit')}
        </button>
      </form>
      <ErrorAlert code={error} testId="reuse-error" />
      {made && (
        <div className="stack" data-testid="reuse-result">
          <p ref={result} tabIndex={-1} className="notice">
            {t('console.reuseDone')}
          </p>
          <CopyLink
            label={t('create.linkFacilitator')}
            hint={t('create.linkFacilitatorHint')}
            url={absoluteUrl(made.links.facilitator)}
            testId="reuse-link-facilitator"
          />
          <a className="button button--ghost" href={made.links.facilitator} data-testid="reuse-open">
            {t('console.reuseOpen')}
          </a>
        </div>
      )}
    </section>
  );
}
