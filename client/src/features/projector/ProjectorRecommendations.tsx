import { type GroupView, recommendationsSectionId, type WorkshopState } from '@warsztat/shared';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../i18n';
import { useDocSnapshot } from '../../sync/useDocSnapshot';
import { AutoFit } from './AutoFit';
import { readBoard } from './snapshots';

/** Groups side by side at most; more flow onto further pages. */
const MAX_COLUMNS = 5;

/** Every group's recommendations side by side, one column per group, in presentation order. */
export function ProjectorRecommendations({
  workshop,
  token,
  frozen,
}: {
  workshop: WorkshopState;
  token: string;
  frozen: boolean;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const sectionId = recommendationsSectionId(workshop.sections);
  const label = workshop.sections.find((s) => s.id === sectionId)?.label[locale] ?? t('projector.recommendations');
  const groups = workshop.projector.order
    .map((id) => workshop.groups.find((g) => g.id === id))
    .filter((g): g is GroupView => g !== undefined);
  return (
    <section
      className="projector-screen"
      aria-labelledby="recommendations-heading"
      data-testid="projector-recommendations"
    >
      <h2 id="recommendations-heading" className="projector-screen-title">
        {label}
      </h2>
      <AutoFit
        columns={Math.max(1, Math.min(groups.length, MAX_COLUMNS))}
        maxFontPx={44}
        frozen={frozen}
        contentKey={groups.map((g) => g.id).join()}
        testId="autofit"
      >
        {groups.map((g) => (
          <GroupRecommendations key={g.id} group={g} sectionId={sectionId} token={token} frozen={frozen} />
        ))}
      </AutoFit>
    </section>
  );
}

function GroupRecommendations({
  group,
  sectionId,
  token,
  frozen,
}: {
  group: GroupView;
  sectionId: string | null;
  token: string;
  frozen: boolean;
}) {
  const { t } = useTranslation();
  const { value: board } = useDocSnapshot(group.docName, token, readBoard, frozen);
  const cards = sectionId ? (board.bySection.get(sectionId) ?? []) : [];
  return (
    <section className="rec-group" data-testid="recommendations-group" data-group-id={group.id}>
      <h3 className="spot-section-title">{group.name}</h3>
      {cards.length === 0 ? (
        <p className="spot-empty">{t('projector.noCards')}</p>
      ) : (
        <ul className="spot-cards">
          {cards.map((card) => (
            <li key={card.id} className={`spot-card spot-card--${card.color}`} data-testid="projector-card">
              <span data-testid="card-text">{card.text || t('projector.emptyCard')}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
