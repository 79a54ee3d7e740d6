import type { GroupView, WorkshopState } from '@warsztat/shared';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import '../../styles/rounds.css';
import { ReadOnlyBoard } from '../rounds/ReadOnlyBoard';
import { RoundTabs } from '../rounds/RoundTabs';
import { roundName } from '../rounds/roundName';
import { earlierBoardsOf } from '../rounds/roundState';

/**
 * The group's boards from earlier rounds (issue #17), in place of its current board: read-only,
 * each with the sections it had, so the afternoon's recommendations can lean on the morning's
 * diagnosis. The newest earlier round first.
 */
export function EarlierRounds({
  workshop,
  group,
  token,
  onBack,
}: {
  workshop: WorkshopState;
  group: GroupView;
  token: string;
  onBack: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const boards = earlierBoardsOf(workshop, group);
  const [chosen, setChosen] = useState<string | null>(null);
  const shown = boards.find((b) => b.docName === chosen) ?? boards[0];
  return (
    <section className="gallery" aria-labelledby={`${id}-heading`} data-testid="earlier-rounds">
      <h2 id={`${id}-heading`} ref={heading} tabIndex={-1}>
        {t('rounds.earlier')}
      </h2>
      <button type="button" className="button" data-testid="earlier-back" onClick={onBack}>
        {t('rounds.hideEarlier')}
      </button>
      {boards.length > 1 && <RoundTabs boards={boards} shown={shown?.docName ?? null} onShow={setChosen} />}
      {shown && (
        <ReadOnlyBoard
          workshop={workshop}
          token={token}
          board={shown}
          title={group.name}
          banner={{
            text: `${t('rounds.readOnlyRound')} ${roundName(t, shown.round?.n ?? 1, shown.round?.title)}`,
            testId: 'earlier-readonly',
          }}
          headingLevel={3}
        />
      )}
    </section>
  );
}
