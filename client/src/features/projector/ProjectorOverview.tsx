import type { GroupView, WorkshopState } from '@warsztat/shared';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../i18n';
import { useDocSnapshot } from '../../sync/useDocSnapshot';
import { boardInRound, type RoundBoard } from '../rounds/roundState';
import { AutoFit } from './AutoFit';
import { ProjectorRoundLine } from './ProjectorRoundLine';
import { readCounts } from './snapshots';

/**
 * Columns of group cards: up to six groups in two wide columns, whose cards hold their counts two
 * a row and so stay short enough for three rows under the header (issue #20 point 3: five groups
 * had been paged in three narrow columns of tall cards). Seven or more take three columns.
 */
function overviewColumns(groups: number): 1 | 2 | 3 {
  if (groups <= 2) return 1;
  return groups <= 6 ? 2 : 3;
}

/** During breakout: every group as a card with its rapporteur and how many cards each section has. */
export function ProjectorOverview({
  workshop,
  token,
  frozen,
}: {
  workshop: WorkshopState;
  token: string;
  frozen: boolean;
}) {
  const { t } = useTranslation();
  const order = workshop.projector.order;
  // Issue #17: the round the facilitator chose for the room (the current one by default).
  const roundId = workshop.projector.roundId;
  const groups = order.flatMap((id) => {
    const group = workshop.groups.find((g) => g.id === id);
    const board = group ? boardInRound(workshop, group, roundId) : null;
    return group && board ? [{ group, board }] : [];
  });
  return (
    <section className="projector-screen" aria-labelledby="overview-heading" data-testid="projector-overview">
      <h2 id="overview-heading" className="visually-hidden">
        {t('projector.overviewHeading')}
      </h2>
      <ProjectorRoundLine workshop={workshop} />
      <AutoFit
        columns={1}
        maxFontPx={44}
        frozen={frozen}
        contentKey={groups.map((g) => g.board.docName).join()}
        testId="autofit"
      >
        <ul className={`projector-overview projector-overview--${overviewColumns(groups.length)}`}>
          {groups.map(({ group, board }) => (
            <GroupCard
              key={board.docName}
              group={group}
              board={board}
              workshop={workshop}
              token={token}
              frozen={frozen}
            />
          ))}
        </ul>
      </AutoFit>
    </section>
  );
}

function GroupCard({
  group,
  board,
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
  const locale = currentLocale();
  const { value: counts } = useDocSnapshot(board.docName, token, readCounts, frozen);
  return (
    <li className="projector-group" data-testid="projector-group" data-group-id={group.id}>
      <h3 className="projector-group-title">{group.name}</h3>
      <Rapporteur workshop={workshop} rapporteurId={group.rapporteurId} />
      <dl className="projector-counts">
        {board.sections.map((s) => (
          <div key={s.id} className="projector-count" data-testid="section-count" data-section-id={s.id}>
            <dt>{s.label[locale]}</dt>
            <dd>{counts[s.id] ?? 0}</dd>
          </div>
        ))}
      </dl>
    </li>
  );
}

/**
 * "Rapporteur: Anna" in words, or that there is none yet. While the room screen may not name
 * anyone (issue #16) the state has no names, so it says only that a rapporteur was chosen.
 */
export function Rapporteur({ workshop, rapporteurId }: { workshop: WorkshopState; rapporteurId: string | null }) {
  const { t } = useTranslation();
  const name = workshop.participants.find((p) => p.id === rapporteurId)?.name;
  const text = name
    ? t('assignment.rapporteurIs', { name })
    : rapporteurId
      ? t('projector.rapporteurChosen')
      : t('projector.noRapporteur');
  return (
    <p className="projector-rapporteur" data-testid="projector-rapporteur">
      {text}
    </p>
  );
}
