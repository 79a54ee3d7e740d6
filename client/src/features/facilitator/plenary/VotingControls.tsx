import { MAX_PLENARY_BUDGET, type WorkshopState } from '@warsztat/shared';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CommandCheckbox } from '../../../app/CommandCheckbox';
import type { Run } from '../useCommand';

/** The plenary vote: open or close it, reveal the totals, set the budget, sort by votes, clear. */
export function VotingControls({ workshop, run, onSort }: { workshop: WorkshopState; run: Run; onSort: () => void }) {
  const { t } = useTranslation();
  const { plenary } = workshop;
  const [budget, setBudget] = useState(String(plenary.budget));
  useEffect(() => setBudget(String(plenary.budget)), [plenary.budget]);
  const total = Object.values(plenary.totals ?? {}).reduce((a, b) => a + b, 0);
  return (
    <div className="voting-controls" data-testid="voting-controls">
      <p className="small" data-testid="voting-status">
        <strong>{plenary.votingOpen ? t('plenary.votingIsOpen') : t('plenary.votingClosed')}</strong>
      </p>
      <div className="control-row">
        <button
          type="button"
          className={`button${plenary.votingOpen ? '' : ' button--primary'}`}
          aria-pressed={plenary.votingOpen}
          data-testid="voting-toggle"
          onClick={() => void run({ type: 'plenary', action: 'settings', votingOpen: !plenary.votingOpen })}
        >
          {plenary.votingOpen ? t('plenary.closeVoting') : t('plenary.openVoting')}
        </button>
        <label className="checkbox-row">
          <CommandCheckbox
            data-testid="votes-revealed"
            checked={plenary.revealed}
            send={(next) => run({ type: 'plenary', action: 'settings', revealed: next })}
          />
          {t('plenary.reveal')}
        </label>
      </div>
      <div className="control-row">
        <label htmlFor="plenary-budget">{t('plenary.budget')}</label>
        <input
          id="plenary-budget"
          data-testid="plenary-budget"
          className="minutes-input"
          type="number"
          inputMode="numeric"
          min={1}
          max={MAX_PLENARY_BUDGET}
          value={budget}
          onChange={(e) => setBudget(e.target.value)}
          onBlur={() => {
            const n = Math.round(Number(budget));
            if (Number.isFinite(n) && n >= 1 && n <= MAX_PLENARY_BUDGET && n !== plenary.budget) {
              void run({ type: 'plenary', action: 'settings', budget: n });
            } else setBudget(String(plenary.budget));
          }}
        />
        <span className="muted small" data-testid="votes-cast">
          {t('plenary.votesCast', { count: total })}
        </span>
      </div>
      <div className="control-row">
        <button type="button" className="button" data-testid="sort-by-votes" onClick={onSort}>
          {t('plenary.sortByVotes')}
        </button>
        <button
          type="button"
          className="button"
          data-testid="clear-votes"
          disabled={total === 0}
          onClick={() => {
            if (window.confirm(t('plenary.confirmClear'))) void run({ type: 'plenary', action: 'clearVotes' });
          }}
        >
          {t('plenary.clearVotes')}
        </button>
      </div>
    </div>
  );
}
