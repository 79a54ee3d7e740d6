import type { Command, WorkshopState } from '@warsztat/shared';
import { DEFAULT_BOARD_SETTINGS, MAX_VOTE_BUDGET } from '@warsztat/shared';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CommandCheckbox } from '../../app/CommandCheckbox';

interface Props {
  workshop: WorkshopState;
  run: (command: Command) => Promise<unknown>;
}

/**
 * The facilitator's board settings: dots per person, showing the vote results and locking
 * boards read-only — for every group at once or one group at a time.
 */
export function BoardSettingsPanel({ workshop, run }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const settings = workshop.groups.map((g) => g.board ?? DEFAULT_BOARD_SETTINGS);
  const first = settings[0] ?? DEFAULT_BOARD_SETTINGS;
  const [budget, setBudget] = useState(String(first.voteBudget));
  const allRevealed = settings.length > 0 && settings.every((s) => s.votesRevealed);
  const allOpen = settings.length > 0 && settings.every((s) => s.votingOpen);
  const allLocked = settings.length > 0 && settings.every((s) => s.locked);
  const budgetValue = Number(budget);
  const budgetValid = Number.isInteger(budgetValue) && budgetValue >= 0 && budgetValue <= MAX_VOTE_BUDGET;

  return (
    <section className="card-panel board-settings" aria-labelledby={`${id}-heading`} data-testid="board-settings">
      <h2 id={`${id}-heading`}>{t('boardSettings.heading')}</h2>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (budgetValid) void run({ type: 'boardSettings', groupId: null, voteBudget: budgetValue });
        }}
      >
        <label htmlFor={`${id}-budget`}>{t('boardSettings.voteBudget')}</label>
        <input
          id={`${id}-budget`}
          data-testid="vote-budget"
          type="number"
          inputMode="numeric"
          min={0}
          max={MAX_VOTE_BUDGET}
          value={budget}
          aria-invalid={!budgetValid}
          onChange={(e) => setBudget(e.target.value)}
        />
        <button type="submit" className="button button--small" data-testid="vote-budget-apply">
          {t('boardSettings.apply')}
        </button>
      </form>
      <label className="checkbox">
        <CommandCheckbox
          data-testid="board-voting-open"
          checked={allOpen}
          send={(next) => run({ type: 'boardSettings', groupId: null, votingOpen: next })}
        />{' '}
        {t('boardSettings.votingOpen')}
      </label>
      <label className="checkbox">
        <CommandCheckbox
          data-testid="reveal-votes"
          checked={allRevealed}
          send={(next) => run({ type: 'boardSettings', groupId: null, votesRevealed: next })}
        />{' '}
        {t('boardSettings.revealVotes')}
      </label>
      <fieldset className="board-locks">
        <legend>{t('boardSettings.lock')}</legend>
        <label className="checkbox">
          <CommandCheckbox
            data-testid="lock-all"
            checked={allLocked}
            send={(next) => run({ type: 'boardSettings', groupId: null, locked: next })}
          />{' '}
          {t('boardSettings.allGroups')}
        </label>
        {workshop.groups.map((g) => (
          <label key={g.id} className="checkbox">
            <CommandCheckbox
              data-testid="lock-group"
              data-group-id={g.id}
              checked={g.board?.locked ?? false}
              send={(next) => run({ type: 'boardSettings', groupId: g.id, locked: next })}
            />{' '}
            {g.name}
          </label>
        ))}
      </fieldset>
    </section>
  );
}
