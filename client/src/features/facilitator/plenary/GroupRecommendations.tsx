import { type Card, cardsBySection, type GroupView } from '@warsztat/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { useDocSnapshot } from '../../../sync/useDocSnapshot';

/** Each group's recommendation cards, read live for the "pull into plenary" list. */
const readRecommendationsOf = (sectionId: string | null) => (doc: Y.Doc) =>
  sectionId ? (cardsBySection(doc).get(sectionId) ?? []) : [];

/** One group's recommendation cards, each with a button that pulls it into the plenary (once). */
export function GroupRecommendations({
  group,
  token,
  sectionId,
  pulled,
  onPull,
}: {
  group: GroupView;
  token: string;
  sectionId: string | null;
  pulled: ReadonlySet<string>;
  onPull: (card: Card) => void;
}) {
  const { t } = useTranslation();
  const [read] = useState(() => readRecommendationsOf(sectionId));
  const { value: cards } = useDocSnapshot(group.docName, token, read, false);
  return (
    <section className="plenary-source" data-testid="plenary-source" data-group-id={group.id}>
      <h4>{group.name}</h4>
      {cards.length === 0 ? (
        <p className="muted small">{t('projector.noCards')}</p>
      ) : (
        <ul className="plenary-source-cards">
          {cards.map((card) => {
            const done = pulled.has(card.id);
            return (
              <li key={card.id}>
                <span>{card.text || t('projector.emptyCard')}</span>
                <button
                  type="button"
                  className="button button--small"
                  data-testid="plenary-pull"
                  disabled={done || card.text.trim() === ''}
                  aria-label={done ? t('plenary.pulled') : t('plenary.pull', { text: card.text })}
                  onClick={() => onPull(card)}
                >
                  {done ? t('plenary.pulled') : t('plenary.pullShort')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
