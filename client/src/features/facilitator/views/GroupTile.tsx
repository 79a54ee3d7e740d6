import { cardsBySection, type GroupView, type SectionTemplate } from '@warsztat/shared';
import { forwardRef, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { useShallow } from 'zustand/react/shallow';
import { useNow } from '../../../app/useNow';
import { currentLocale } from '../../../i18n';
import { useControlStore } from '../../../stores/controlStore';
import { useDocSnapshot } from '../../../sync/useDocSnapshot';

/** A group that has written nothing for this long turns amber: it may be stuck. */
export const IDLE_AFTER_MS = 5 * 60_000;

interface Activity {
  counts: Record<string, number>;
  /** Newest card's creation time (the writer's clock), 0 when none. */
  newestCardAt: number;
}

/** Module-level (stable identity) so useDocSnapshot does not re-subscribe on every render. */
function readActivity(doc: Y.Doc): Activity {
  const counts: Record<string, number> = {};
  let newestCardAt = 0;
  for (const [sectionId, cards] of cardsBySection(doc)) {
    counts[sectionId] = cards.length;
    for (const c of cards) newestCardAt = Math.max(newestCardAt, c.createdAt);
  }
  return { counts, newestCardAt };
}

/**
 * Members online out of total, from the store by a narrow selector: a presence tick elsewhere
 * re-renders only the tiles whose numbers changed (issue #16 point 7).
 */
function usePresence(groupId: string): [number, number] {
  return useControlStore(
    useShallow((s) => {
      let online = 0;
      let total = 0;
      for (const p of s.workshop?.participants ?? []) {
        if (p.groupId !== groupId) continue;
        total += 1;
        if (p.online) online += 1;
      }
      return [online, total] as [number, number];
    }),
  );
}

/** Whether the server refused a write to this group's board for its quota (issue #14). */
function useBoardFull(groupId: string): boolean {
  return useControlStore((s) => s.workshop?.fullBoards?.includes(groupId) ?? false);
}

function useRapporteurName(rapporteurId: string | null): string | null {
  return useControlStore((s) => s.workshop?.participants.find((p) => p.id === rapporteurId)?.name ?? null);
}

/** "2 min temu" in the page's language. */
function ago(ms: number, locale: string): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style: 'short' });
  return minutes < 60 ? format.format(-minutes, 'minute') : format.format(-Math.floor(minutes / 60), 'hour');
}

interface Props {
  group: GroupView;
  sections: SectionTemplate[];
  token: string;
  /** Open help requests from this group. */
  help: number;
  onOpen: (groupId: string) => void;
}

/**
 * One group at a glance during breakout. Card counts and the last activity come from the board
 * doc this tab already holds through the ref-counted registry (one doc, one connection): the side
 * panel opening the same board shares it, and the server needs no extra counting.
 */
export const GroupTile = forwardRef<HTMLButtonElement, Props>(function GroupTile(
  { group, sections, token, help, onOpen },
  ref,
) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { value, synced } = useDocSnapshot(group.docName, token, readActivity, false);
  const [online, total] = usePresence(group.id);
  const rapporteur = useRapporteurName(group.rapporteurId);
  const full = useBoardFull(group.id);
  const now = useNow(30_000);
  // A change this tab saw counts as activity too (an edit or a vote has no creation time).
  const mountedAt = useRef(Date.now());
  const [seenChangeAt, setSeenChangeAt] = useState(0);
  const first = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the board's value changes
  useEffect(() => {
    if (first.current || !synced) {
      first.current = !synced;
      return;
    }
    setSeenChangeAt(Date.now());
  }, [value]);
  const last = Math.max(value.newestCardAt, seenChangeAt);
  const idle = now - Math.max(last, mountedAt.current) > IDLE_AFTER_MS;
  const state = help > 0 ? 'help' : idle ? 'idle' : 'ok';
  return (
    <li
      className={`group-tile group-tile--${state}`}
      data-testid="group-tile"
      data-group-id={group.id}
      data-state={state}
    >
      <button
        ref={ref}
        type="button"
        className="group-tile-button"
        aria-haspopup="dialog"
        onClick={() => onOpen(group.id)}
      >
        <span className="group-tile-name" data-testid="group-tile-name">
          {group.name}
        </span>
        <span className="visually-hidden">{t('console.openBoard')}</span>
      </button>
      {help > 0 && (
        <p className="tag tag--alert group-tile-help" data-testid="group-tile-help">
          {t('console.tileHelp', { count: help })}
        </p>
      )}
      {full && (
        <p className="tag tag--alert group-tile-full" data-testid="group-tile-full">
          {t('console.tileFull')}
          <span className="visually-hidden"> — {t('console.tileFullHint')}</span>
        </p>
      )}
      <p className="small">
        {t('console.online', { online, total })}
        {' · '}
        {rapporteur ? t('console.rapporteur', { name: rapporteur }) : t('console.noRapporteur')}
      </p>
      <dl className="group-tile-counts">
        {sections.map((s) => (
          <div key={s.id}>
            <dt>{s.label[locale]}</dt>
            <dd data-testid="group-tile-count" data-section-id={s.id}>
              {value.counts[s.id] ?? 0}
            </dd>
          </div>
        ))}
      </dl>
      <p className="small muted" data-testid="group-tile-activity">
        {last > 0 ? t('console.lastActivity', { when: ago(now - last, locale) }) : t('console.noActivity')}
        {state === 'idle' && ` · ${t('console.idle')}`}
      </p>
    </li>
  );
});
