import { listPlenaryItems, type Me, type WorkshopState } from '@warsztat/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FailureCode } from '../../api/http';
import { ErrorAlert } from '../../app/ErrorAlert';
import { sendParticipantCommand } from '../../stores/controlSocket';
import { useDocSnapshot } from '../../sync/useDocSnapshot';
import '../../styles/plenary.css';
import { VoteStepper } from './VoteStepper';

/** Phases in which the room's consolidated list is shown to participants. */
const PLENARY_PHASES: readonly WorkshopState['phase'][] = ['plenary', 'presenting', 'discussion'];

export function showsPlenary(workshop: WorkshopState): boolean {
  return PLENARY_PHASES.includes(workshop.phase);
}

/**
 * (Buttons say "unavailable" with aria-disabled rather than `disabled`, so the keyboard focus
 * stays on the button that just spent the last vote.)
 *
 * The consolidated recommendations on a participant's phone during plenary, with a vote button
 * per item while the facilitator has voting open. The server counts the votes and refuses any
 * past the budget; this only shows what is left.
 */
export function PlenaryVote({ workshop, me, token }: { workshop: WorkshopState; me: Me; token: string }) {
  const { t } = useTranslation();
  const { value: items } = useDocSnapshot(workshop.plenary.docName, token, listPlenaryItems, false);
  const [error, setError] = useState<FailureCode | null>(null);
  // A vote that cannot be cast is always said, never a silent click (issue #20 point 7).
  const [refusal, setRefusal] = useState('');
  const { plenary } = workshop;
  if (items.length === 0 || !me.participantId) return null;
  const used = Object.values(plenary.mine).reduce((a, b) => a + b, 0);
  const left = Math.max(0, plenary.budget - used);
  const vote = async (itemId: string, delta: 1 | -1) => {
    const result = await sendParticipantCommand({ type: 'vote', itemId, delta });
    setError(result.ok ? null : result.error.code);
    setRefusal('');
  };
  return (
    <section className="card-panel plenary-vote" aria-labelledby="plenary-vote-heading" data-testid="plenary-vote">
      <h2 id="plenary-vote-heading">{t('plenary.participantHeading')}</h2>
      <p className="muted" aria-live="polite" data-testid="plenary-votes-left">
        {plenary.votingOpen ? t('plenary.votesLeft', { left, budget: plenary.budget }) : t('plenary.votingClosed')}
      </p>
      <ErrorAlert code={error} testId="vote-error" />
      <output className="vote-refusal" data-testid="vote-refusal">
        {refusal}
      </output>
      <ol className="plenary-vote-list">
        {items.map((item, index) => {
          const mine = plenary.mine[item.id] ?? 0;
          const source = workshop.groups.find((g) => g.id === item.sourceGroupId)?.name;
          return (
            <li key={item.id} className="plenary-vote-item" data-testid="vote-item" data-item-id={item.id}>
              <p className="plenary-vote-text">
                <span className="plenary-rank">{index + 1}. </span>
                {item.text}
              </p>
              <p className="muted small">
                {source}
                {plenary.totals && (
                  <>
                    {source && ' · '}
                    {t('projector.votes', { count: plenary.totals[item.id] ?? 0 })}
                  </>
                )}
              </p>
              {plenary.votingOpen && (
                <VoteStepper
                  mine={mine}
                  left={left}
                  index={index}
                  onVote={(delta) => void vote(item.id, delta)}
                  onRefuse={setRefusal}
                  testIds={{ minus: 'vote-minus', mine: 'my-votes', plus: 'vote-plus' }}
                />
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
