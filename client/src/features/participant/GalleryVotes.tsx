import {
  type Card,
  type GroupView,
  galleryVoteKey,
  listCards,
  recommendationsSectionId,
  type WorkshopState,
} from '@warsztat/shared';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FailureCode } from '../../api/http';
import { ErrorAlert } from '../../app/ErrorAlert';
import { currentLocale } from '../../i18n';
import { sendParticipantCommand } from '../../stores/controlSocket';
import { useDocSnapshot } from '../../sync/useDocSnapshot';
import '../../styles/plenary.css';
import { VoteStepper } from './VoteStepper';

/** Module-level (stable identity) so the snapshot does not re-subscribe on every render. */
function readCards(doc: Parameters<typeof listCards>[0]): Card[] {
  return listCards(doc).filter((c) => c.text.trim() !== '');
}

/**
 * Dots on another group's recommendations during the gallery walk (issue #17), only while the
 * facilitator allows it. Recommendations are the cards of the group's recommendations section, by
 * the rule the plenary uses (`recommendations`, else the last section): a dot on a need or a
 * cause would be spent on something no one can carry into the report. The server counts dots
 * within the budget, as plenary votes; this shows what is left, and a vote that cannot be cast is
 * said, never a silent click (aria-disabled keeps focus in place).
 */
export function GalleryVotes({ workshop, group, token }: { workshop: WorkshopState; group: GroupView; token: string }) {
  const { t } = useTranslation();
  const id = useId();
  const { value: cards } = useDocSnapshot(group.docName, token, readCards, false);
  const [error, setError] = useState<FailureCode | null>(null);
  const [refusal, setRefusal] = useState('');
  const { gallery } = workshop;
  if (!gallery.votingOpen) return null;
  const sectionId = recommendationsSectionId(group.sections);
  const section = group.sections.find((s) => s.id === sectionId)?.label[currentLocale()] ?? '';
  // A card moved out of the section keeps the dots already on it, and stays listed until they are
  // taken back: otherwise they would be spent for good.
  const offered = cards.filter(
    (c) => c.sectionId === sectionId || (gallery.mine[galleryVoteKey(group.id, c.id)] ?? 0) > 0,
  );
  const used = Object.values(gallery.mine).reduce((a, b) => a + b, 0);
  const left = Math.max(0, gallery.budget - used);
  const vote = async (cardId: string, delta: 1 | -1) => {
    const result = await sendParticipantCommand({ type: 'galleryVote', groupId: group.id, cardId, delta });
    setError(result.ok ? null : result.error.code);
    setRefusal('');
  };
  return (
    <section className="gallery-votes" aria-labelledby={`${id}-heading`} data-testid="gallery-votes">
      <h3 id={`${id}-heading`}>{t('gallery.votesHeading', { name: group.name })}</h3>
      <p className="muted" data-testid="gallery-votes-section">
        {offered.some((c) => c.sectionId === sectionId)
          ? t('gallery.votesSection', { section })
          : t('gallery.votesNone', { section })}
      </p>
      <p className="muted" aria-live="polite" data-testid="gallery-votes-left">
        {t('gallery.votesLeft', { left, budget: gallery.budget })}
      </p>
      <ErrorAlert code={error} testId="gallery-vote-error" />
      <output className="vote-refusal">{refusal}</output>
      <ol className="plenary-vote-list">
        {offered.map((card, index) => {
          const mine = gallery.mine[galleryVoteKey(group.id, card.id)] ?? 0;
          return (
            <li key={card.id} className="plenary-vote-item" data-testid="gallery-vote-item" data-card-id={card.id}>
              <p className="plenary-vote-text">{card.text}</p>
              <VoteStepper
                mine={mine}
                left={left}
                index={index}
                onVote={(delta) => void vote(card.id, delta)}
                onRefuse={setRefusal}
                testIds={{ plus: 'gallery-vote-plus', minus: 'gallery-vote-minus' }}
              />
            </li>
          );
        })}
      </ol>
    </section>
  );
}
