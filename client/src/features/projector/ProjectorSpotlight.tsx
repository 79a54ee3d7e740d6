import type { GroupView, WorkshopState } from '@warsztat/shared';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../i18n';
import { useDocSnapshot } from '../../sync/useDocSnapshot';
import { boardInRound, type RoundBoard } from '../rounds/roundState';
import { AutoFit } from './AutoFit';
import { Rapporteur } from './ProjectorOverview';
import { ProjectorRoundLine } from './ProjectorRoundLine';
import { SummaryView } from './SummaryView';
import { readBoard } from './snapshots';

/**
 * The spotlighted group's board and the rapporteur's summary in large type, flowed in columns
 * and shrunk to fit one screen (pages only below the 32 px floor); the person presenting turns
 * the pages (projector.page), so the summary never flips up while the rapporteur is speaking.
 */
export function ProjectorSpotlight({
  workshop,
  token,
  frozen,
}: {
  workshop: WorkshopState;
  token: string;
  frozen: boolean;
}) {
  const { t } = useTranslation();
  const group = workshop.groups.find((g) => g.id === workshop.spotlightGroupId);
  // Issue #17: the spotlight shows the group's board of the round chosen for the room.
  const board = group ? boardInRound(workshop, group, workshop.projector.roundId) : null;
  if (!group || !board) {
    return (
      <p className="projector-lead" data-testid="projector-waiting">
        {t('projector.waitingSpotlight')}
      </p>
    );
  }
  const order = workshop.projector.order;
  const index = order.indexOf(group.id);
  const next = workshop.groups.find((g) => g.id === order[index + 1]);
  return (
    <section className="projector-screen" aria-labelledby="projector-group-name" data-testid="projector-spotlight">
      <div className="spotlight-heading">
        <h2 id="projector-group-name" className="projector-group-name" data-testid="projector-group-name">
          {group.name}
        </h2>
        <p className="projector-muted" data-testid="spotlight-position">
          {t('projector.groupOf', { n: index + 1, count: order.length })}
          {next && ` · ${t('projector.nextGroup', { name: next.name })}`}
        </p>
        <Rapporteur workshop={workshop} rapporteurId={group.rapporteurId} />
        <ProjectorRoundLine workshop={workshop} />
      </div>
      <SpotlightBoard
        key={board.docName}
        group={group}
        board={board}
        workshop={workshop}
        token={token}
        frozen={frozen}
      />
    </section>
  );
}

function SpotlightBoard({
  group,
  board: roundBoard,
  workshop,
  token,
  frozen,
}: {
  group: GroupView;
  board: RoundBoard;
  workshop: WorkshopState;
  token: string;
  frozen: boolean;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { value: board, held } = useDocSnapshot(roundBoard.docName, token, readBoard, frozen);
  // Totals on the wall only once the facilitator reveals them, as in the room.
  const showVotes = group.board.votesRevealed;
  const known = new Set(roundBoard.sections.map((s) => s.id));
  const sections = [
    ...roundBoard.sections.map((s) => ({ id: s.id, label: s.label[locale] })),
    ...[...board.bySection.keys()].filter((id) => !known.has(id)).map((id) => ({ id, label: t('board.otherSection') })),
  ];
  const key = [...board.bySection.values()].map((cards) => cards.map((c) => c.text).join('\u0000')).join('\u0001');
  return (
    <AutoFit
      columns={3}
      maxFontPx={52}
      frozen={frozen}
      contentKey={`${key}|${board.summary.length}`}
      testId="autofit"
      held={held}
      page={workshop.projector.page}
    >
      {sections.map((section) => {
        const cards = board.bySection.get(section.id) ?? [];
        return (
          <section key={section.id} className="spot-section" data-section-id={section.id}>
            <h3 className="spot-section-title">
              {section.label} <span className="spot-count">({cards.length})</span>
            </h3>
            {cards.length === 0 ? (
              <p className="spot-empty">{t('projector.noCards')}</p>
            ) : (
              <ul className="spot-cards">
                {cards.map((card) => (
                  <li key={card.id} className={`spot-card spot-card--${card.color}`} data-testid="projector-card">
                    <span data-testid="card-text">{card.text || t('projector.emptyCard')}</span>
                    {showVotes && card.votes > 0 && (
                      <span className="spot-votes"> · {t('projector.votes', { count: card.votes })}</span>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
      <section className="spot-section spot-summary" data-testid="projector-summary">
        <h3 className="spot-section-title">{t('board.summary')}</h3>
        {board.summary.length === 0 ? (
          <p className="spot-empty">{t('projector.noSummary')}</p>
        ) : (
          <div data-testid="projector-summary-text">
            {board.summaryTooDeep && (
              <p className="spot-empty" role="note" data-testid="summary-too-deep">
                {t('projector.summaryTooDeep')}
              </p>
            )}
            <SummaryView blocks={board.summary} />
          </div>
        )}
      </section>
    </AutoFit>
  );
}
