import type { WorkshopState } from '@warsztat/shared';
import { useTranslation } from 'react-i18next';
import { useDocSnapshot } from '../../sync/useDocSnapshot';
import { AutoFit } from './AutoFit';
import { readPlenaryItems } from './snapshots';

/** The plenary's consolidated recommendations in their final order, with totals once revealed. */
export function ProjectorConsolidated({
  workshop,
  token,
  frozen,
}: {
  workshop: WorkshopState;
  token: string;
  frozen: boolean;
}) {
  const { t } = useTranslation();
  const { value: items } = useDocSnapshot(workshop.plenary.docName, token, readPlenaryItems, frozen);
  const totals = workshop.plenary.totals;
  const groupName = (id: string | null) => workshop.groups.find((g) => g.id === id)?.name ?? null;
  return (
    <section className="projector-screen" aria-labelledby="consolidated-heading" data-testid="projector-consolidated">
      <h2 id="consolidated-heading" className="projector-screen-title">
        {t('projector.consolidatedHeading')}
        {workshop.plenary.votingOpen && <span className="projector-muted"> · {t('projector.votingOpen')}</span>}
      </h2>
      {items.length === 0 ? (
        <p className="projector-lead">{t('projector.noConsolidated')}</p>
      ) : (
        <AutoFit
          columns={items.length > 4 ? 2 : 1}
          maxFontPx={48}
          frozen={frozen}
          contentKey={items.map((i) => `${i.id}:${i.text}`).join('\u0000')}
          testId="autofit"
        >
          <ol className="consolidated-list">
            {items.map((item, index) => {
              const source = groupName(item.sourceGroupId);
              return (
                <li key={item.id} className="consolidated-item" data-testid="consolidated-item">
                  <span className="consolidated-rank">{index + 1}.</span>
                  <span className="consolidated-body">
                    <span className="consolidated-text" data-testid="consolidated-text">
                      {item.text || t('projector.emptyCard')}
                    </span>
                    {(source || totals) && (
                      <span className="consolidated-meta">
                        {source}
                        {source && totals && ' · '}
                        {totals && (
                          <span data-testid="consolidated-votes">
                            {t('projector.votes', { count: totals[item.id] ?? 0 })}
                          </span>
                        )}
                      </span>
                    )}
                  </span>
                </li>
              );
            })}
          </ol>
        </AutoFit>
      )}
    </section>
  );
}
