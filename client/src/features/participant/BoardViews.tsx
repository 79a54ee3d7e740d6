import type { GroupView, WorkshopState } from '@warsztat/shared';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import '../../styles/rounds.css';
import { earlierBoardsOf } from '../rounds/roundState';
import { EarlierRounds } from './EarlierRounds';
import { GalleryWalk } from './GalleryWalk';

type View = 'own' | 'gallery' | 'earlier';

/**
 * The participant's own board, or in its place other groups' boards (gallery walk) or the group's
 * boards of earlier rounds (issue #17). One board on the page at a time: each has the same section
 * headings, and a phone shows one well. Focus goes to the view shown, and back to its button.
 */
export function BoardViews({
  workshop,
  group,
  token,
  children,
}: {
  workshop: WorkshopState;
  group: GroupView | null;
  token: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const [view, setView] = useState<View>('own');
  const cameFrom = useRef<View | null>(null);
  const galleryButton = useRef<HTMLButtonElement>(null);
  const earlierButton = useRef<HTMLButtonElement>(null);
  const earlier = group ? earlierBoardsOf(workshop, group).length > 0 : false;
  const [closedNotice, setClosedNotice] = useState(false);
  // The gallery closed by the facilitator (or no earlier round left) takes the view back, said once.
  const shown: View =
    view === 'gallery' && !workshop.gallery.open ? 'own' : view === 'earlier' && !earlier ? 'own' : view;
  useEffect(() => {
    if (shown === view) return;
    setClosedNotice(view === 'gallery');
    setView('own');
  }, [shown, view]);
  useEffect(() => {
    if (shown !== 'own' || cameFrom.current === null) return;
    (cameFrom.current === 'gallery' ? galleryButton : earlierButton).current?.focus();
    cameFrom.current = null;
  }, [shown]);
  const back = () => {
    cameFrom.current = view;
    setView('own');
  };
  const open = (next: View) => {
    setClosedNotice(false);
    setView(next);
  };
  if (shown === 'gallery') {
    return <GalleryWalk workshop={workshop} token={token} ownGroupId={group?.id ?? null} onBack={back} />;
  }
  if (shown === 'earlier' && group) {
    return <EarlierRounds workshop={workshop} group={group} token={token} onBack={back} />;
  }
  return (
    <>
      {closedNotice && (
        <output className="notice" data-testid="gallery-closed">
          {t('gallery.closedNow')}
        </output>
      )}
      {(workshop.gallery.open || earlier) && (
        <div className="board-views control-row" data-testid="board-views">
          {workshop.gallery.open && (
            <button
              ref={galleryButton}
              type="button"
              className="button"
              data-testid="gallery-open"
              onClick={() => open('gallery')}
            >
              {t('gallery.open')}
            </button>
          )}
          {earlier && (
            <button
              ref={earlierButton}
              type="button"
              className="button"
              data-testid="earlier-rounds-toggle"
              onClick={() => open('earlier')}
            >
              {t('rounds.showEarlier')}
            </button>
          )}
        </div>
      )}
      {children}
    </>
  );
}
