import type { WorkshopState } from '@warsztat/shared';
import { useTranslation } from 'react-i18next';
import { absoluteUrl } from '../../api/workshops';
import { CopyLink } from '../../app/CopyLink';

export function LinksPanel({ workshop }: { workshop: WorkshopState }) {
  const { t } = useTranslation();
  const links = workshop.links;
  return (
    <section className="card-panel" aria-labelledby="links-heading">
      <h2 id="links-heading">{t('facilitator.links')}</h2>
      {workshop.joinCode && (
        <>
          <p className="join-code-label">{t('create.joinCode')}</p>
          <p className="join-code join-code--medium" data-testid="join-code-display">
            {workshop.joinCode}
          </p>
        </>
      )}
      {links && <CopyLink label={t('create.linkJoin')} url={absoluteUrl(links.join)} testId="link-join" />}
      {links?.projector && (
        <CopyLink label={t('create.linkProjector')} url={absoluteUrl(links.projector)} testId="link-projector" />
      )}
      {links?.facilitator && (
        <CopyLink
          label={t('create.linkFacilitator')}
          hint={t('create.linkFacilitatorHint')}
          url={absoluteUrl(links.facilitator)}
          testId="link-facilitator"
        />
      )}
      {workshop.coFacilitatorLink && (
        <CopyLink
          label={t('coFacilitator.link')}
          hint={t('coFacilitator.hint')}
          url={absoluteUrl(workshop.coFacilitatorLink)}
          testId="link-cofacilitator"
        />
      )}
    </section>
  );
}
