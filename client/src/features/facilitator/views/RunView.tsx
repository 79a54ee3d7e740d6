import type { WorkshopState } from '@warsztat/shared';
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { HelpRequests } from '../HelpRequests';
import { RecallControl } from '../RecallControl';
import { RoomPanel } from '../RoomPanel';
import { RoundControls } from '../RoundControls';
import { TimerControls } from '../TimerControls';
import type { Run } from '../useCommand';
import { BoardSheet } from './BoardSheet';
import { GroupTile } from './GroupTile';
import { useRunShortcuts } from './useRunShortcuts';

interface Props {
  workshop: WorkshopState;
  token: string;
  run: Run;
}

/**
 * The live view (issue #16): timer, help, broadcast and recall on the left, a tile per group on
 * the right; the page itself never scrolls at 1366×768, the columns do if they must.
 */
export function RunView({ workshop, token, run }: Props) {
  const { t } = useTranslation();
  const root = useRef<HTMLDivElement>(null);
  const [openGroupId, setOpenGroupId] = useState<string | null>(null);
  const focusIn = useCallback((selector: string, click = false) => {
    const el = root.current?.querySelector<HTMLElement>(selector);
    if (!el || (el as HTMLButtonElement).disabled) return;
    if (click) el.click();
    else el.focus();
  }, []);
  const broadcast = useCallback(() => focusIn('#broadcast-text'), [focusIn]);
  const recall = useCallback(() => focusIn('[data-testid="recall"]', true), [focusIn]);
  const firstTile = useCallback(() => focusIn('.group-tile-button'), [focusIn]);
  useRunShortcuts(workshop, run, { broadcast, recall, firstTile });
  const help = new Map<string, number>();
  for (const r of workshop.helpRequests) {
    if (r.acknowledgedAt === null && r.groupId) help.set(r.groupId, (help.get(r.groupId) ?? 0) + 1);
  }
  return (
    <div className="run-view" ref={root}>
      <div className="run-controls">
        <TimerControls workshop={workshop} run={run} />
        <RecallControl workshop={workshop} run={run} />
        <HelpRequests workshop={workshop} run={run} />
        <RoomPanel workshop={workshop} run={run} />
        <RoundControls workshop={workshop} run={run} />
      </div>
      <section className="run-groups" aria-labelledby="run-groups-heading">
        <h2 id="run-groups-heading">{t('console.groups')}</h2>
        <ul className="group-tiles">
          {workshop.groups.map((g) => (
            <GroupTile
              key={g.id}
              group={g}
              sections={g.sections}
              token={token}
              help={help.get(g.id) ?? 0}
              onOpen={setOpenGroupId}
            />
          ))}
        </ul>
      </section>
      <BoardSheet workshop={workshop} token={token} groupId={openGroupId} onClose={() => setOpenGroupId(null)} />
    </div>
  );
}
