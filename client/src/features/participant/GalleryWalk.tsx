import type { GroupView, WorkshopState } from '@warsztat/shared';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import '../../styles/rounds.css';
import { ReadOnlyBoard } from '../rounds/ReadOnlyBoard';
import { GalleryVotes } from './GalleryVotes';

/**
 * "Zobacz inne grupy" (issue #17): while the facilitator keeps the gallery open, one other group's
 * current board at a time, read-only and said so. It replaces the participant's own board on the
 * page rather than stacking under it: a phone shows one board well, and each board shown is one
 * more connection against the workshop's cap.
 */
export function GalleryWalk({
  workshop,
  token,
  ownGroupId,
  onBack,
}: {
  workshop: WorkshopState;
  token: string;
  ownGroupId: string | null;
  onBack: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const others = workshop.groups.filter((g) => g.id !== ownGroupId);
  const [chosenId, setChosenId] = useState<string | null>(null);
  const shown: GroupView | undefined = others.find((g) => g.id === chosenId) ?? others[0];
  return (
    <section className="gallery" aria-labelledby={`${id}-heading`} data-testid="gallery-panel">
      <h2 id={`${id}-heading`} ref={heading} tabIndex={-1}>
        {t('gallery.heading')}
      </h2>
      <button type="button" className="button" data-testid="gallery-back" onClick={onBack}>
        {t('gallery.close')}
      </button>
      {others.length === 0 || !shown ? (
        <p className="muted">{t('gallery.none')}</p>
      ) : (
        <>
          <div className="field">
            <label htmlFor={`${id}-group`}>{t('gallery.choose')}</label>
            <select
              id={`${id}-group`}
              data-testid="gallery-group"
              value={shown.id}
              onChange={(e) => setChosenId(e.target.value)}
            >
              {others.map((g) => (
                <option key={g.id} value={g.id}>
                  {g.name}
                </option>
              ))}
            </select>
          </div>
          <ReadOnlyBoard
            workshop={workshop}
            token={token}
            board={shown}
            title={shown.name}
            banner={{ text: t('gallery.readOnly', { name: shown.name }), testId: 'gallery-readonly' }}
            settings={shown.board}
            prompt={shown.prompt}
            headingLevel={3}
          />
          <GalleryVotes workshop={workshop} group={shown} token={token} />
        </>
      )}
    </section>
  );
}
