import type { WorkshopState } from '@warsztat/shared';
import { useTranslation } from 'react-i18next';
import { absoluteUrl } from '../../api/workshops';
import { CopyLink } from '../../app/CopyLink';
import { RotateLink } from './RotateLink';
import type { Run } from './useCommand';

/**
 * The join code and the links to hand out, each with its rotation (issue #14). A co-facilitator's
 * view carries no projector or co-facilitator link, so it can rotate only the join code, as the
 * server allows.
 */
export function LinksPanel({ workshop, run }: { workshop: WorkshopState; run: Run }) {
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
      {workshop.joinCode && <RotateLink target="joinCode" run={run} />}
      {links?.projector && (
        <>
          <CopyLink label={t('create.linkProjector')} url={absoluteUrl(links.projector)} testId="link-projector" />
          <RotateLink target="projector" run={run} />
        </>
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
        <>
          <CopyLink
            label={t('coFacilitator.link')}
            hint={t('coFacilitator.hint')}
            url={absoluteUrl(workshop.coFacilitatorLink)}
            testId="link-cofacilitator"
          />
          <RotateLink target="coFacilitator" run={run} />
        </>
      )}
    </section>
  );
}
