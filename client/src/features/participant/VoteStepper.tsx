import { useTranslation } from 'react-i18next';

/** Test ids of the stepper's parts; the plenary and gallery lists are told apart by their tests. */
interface StepperTestIds {
  minus?: string;
  mine?: string;
  plus: string;
}

/**
 * "Cofnij głos · N moich · Głosuj" for one item of a server-counted vote (plenary list, gallery
 * walk). A vote that cannot be cast or taken back is said through `onRefuse`, never a silent click;
 * aria-disabled rather than `disabled` keeps the keyboard focus on the button just used.
 */
export function VoteStepper({
  mine,
  left,
  index,
  onVote,
  onRefuse,
  testIds,
}: {
  mine: number;
  left: number;
  /** Position in the list, so a screen reader hears which item the button is for. */
  index: number;
  onVote: (delta: 1 | -1) => void;
  onRefuse: (message: string) => void;
  testIds: StepperTestIds;
}) {
  const { t } = useTranslation();
  return (
    <div className="control-row">
      <button
        type="button"
        className="button"
        data-testid={testIds.minus}
        aria-disabled={mine === 0}
        onClick={() => (mine > 0 ? onVote(-1) : onRefuse(t('plenary.nothingToTakeBack')))}
      >
        {t('plenary.unvoteShort')}
        <span className="visually-hidden"> {t('plenary.unvoteOn', { n: index + 1 })}</span>
      </button>
      <span data-testid={testIds.mine}>{t('plenary.mine', { count: mine })}</span>
      <button
        type="button"
        className="button button--primary"
        data-testid={testIds.plus}
        aria-disabled={left === 0}
        onClick={() => (left > 0 ? onVote(1) : onRefuse(t('plenary.noVotesLeft')))}
      >
        {t('plenary.vote')}
        <span className="visually-hidden"> {t('plenary.voteOn', { n: index + 1 })}</span>
      </button>
    </div>
  );
}
