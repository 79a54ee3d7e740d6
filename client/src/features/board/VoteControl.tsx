import type { Card } from '@warsztat/shared';
import { castVote } from '@warsztat/shared';
import { useTranslation } from 'react-i18next';
import { useBoard } from './boardContext';

/**
 * Dot voting on one card. The budget is checked here, in the client, because the CRDT cannot
 * refuse a write (see shared board/votes.ts); totals stay hidden until the facilitator reveals
 * them, so early dots do not sway later ones.
 */
export function VoteControl({ card }: { card: Card }) {
  const board = useBoard();
  const me = board.participantId;
  const canVote = me !== null && !board.readOnly && board.settings.votingOpen && board.settings.voteBudget > 0;
  // Most of a workshop (drafting) shows nothing here: decided before any translation hook runs,
  // since this renders once per card (issue #15).
  if (!canVote && !board.showTotals) return null;
  if (!canVote && card.votes === 0) return null;
  return <Votes card={card} canVote={canVote} />;
}

function Votes({ card, canVote }: { card: Card; canVote: boolean }) {
  const { t } = useTranslation();
  const board = useBoard();
  const me = board.participantId;
  const mine = me === null ? 0 : (card.votesBy[me] ?? 0);

  const vote = (delta: 1 | -1) => {
    if (me === null) return;
    const result = board.act(() => castVote(board.doc, card.id, me, delta, board.settings.voteBudget));
    if (result === 'over-budget') board.notify(t('board.noVotesLeft'));
  };

  return (
    <div className="votes" data-testid="votes">
      {canVote && (
        <>
          <button type="button" className="vote-button" data-testid="vote-add" onClick={() => vote(1)}>
            {t('board.voteAdd')}
          </button>
          <span className="vote-mine" data-testid="vote-mine" data-count={mine}>
            <span aria-hidden="true">{'●'.repeat(Math.min(mine, 10))}</span>
            <span className="visually-hidden">{t('board.myVotes', { count: mine })}</span>
          </span>
          {mine > 0 && (
            <button type="button" className="vote-button" data-testid="vote-remove" onClick={() => vote(-1)}>
              {t('board.voteRemove')}
            </button>
          )}
        </>
      )}
      {board.showTotals && (
        <span className="vote-total" data-testid="vote-total" data-count={card.votes}>
          {t('board.totalVotes', { count: card.votes })}
        </span>
      )}
    </div>
  );
}
