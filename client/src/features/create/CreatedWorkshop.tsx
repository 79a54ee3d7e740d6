import type { CreateWorkshopAnswer } from '@warsztat/shared';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { absoluteUrl } from '../../api/workshops';
import { CopyLink } from '../../app/CopyLink';

export function CreatedWorkshop({ answer, onAnother }: { answer: CreateWorkshopAnswer; onAnother: () => void }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="card-panel created" aria-labelledby="created-heading">
      <h2 id="created-heading" ref={heading} tabIndex={-1}>
        {t('create.createdHeading')}
      </h2>
      <p className="join-code-label">{t('create.joinCode')}</p>
      <p className="join-code" data-testid="join-code-display">
        {answer.joinCode}
      </p>
      <p className="notice" data-testid="keep-facilitator-link">
        {t('myWorkshops.keepLink')}
      </p>
      <CopyLink
        label={t('create.linkFacilitator')}
        hint={t('create.linkFacilitatorHint')}
        url={absoluteUrl(answer.links.facilitator)}
        testId="link-facilitator"
      />
      <CopyLink label={t('create.linkJoin')} url={absoluteUrl(answer.links.join)} testId="link-join" />
      <CopyLink label={t('create.linkProjector')} url={absoluteUrl(answer.links.projector)} testId="link-projector" />
      <button type="button" className="button button--ghost" onClick={onAnother}>
        {t('create.another')}
      </button>
    </section>
  );
}
