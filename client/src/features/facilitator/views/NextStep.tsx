import { type CommandInput, canTransition, type WorkshopState } from '@warsztat/shared';
import type { TFunction } from 'i18next';
import { forwardRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Run } from '../useCommand';

/** The same default round as the Prepare view's minutes field. */
const DEFAULT_BREAKOUT_MINUTES = 30;

interface Step {
  label: string;
  command: CommandInput;
}

/** The one thing the facilitator most likely does next, for the phase the room is in. */
export function nextStep(workshop: WorkshopState, t: TFunction): Step | null {
  const phase = workshop.phase;
  const order = workshop.projector.order.length > 0 ? workshop.projector.order : workshop.groups.map((g) => g.id);
  const nameOf = (id: string) => workshop.groups.find((g) => g.id === id)?.name ?? '';
  if (phase === 'lobby' && canTransition(phase, 'breakout')) {
    return {
      label: t('facilitator.startBreakout'),
      command: { type: 'phase', to: 'breakout', minutes: DEFAULT_BREAKOUT_MINUTES },
    };
  }
  if (phase === 'breakout') return { label: t('facilitator.backToPlenary'), command: { type: 'phase', to: 'plenary' } };
  if (phase === 'plenary' && order[0]) {
    return {
      label: t('console.presentGroup', { group: nameOf(order[0]) }),
      command: { type: 'phase', to: 'presenting', groupId: order[0] },
    };
  }
  if (phase === 'presenting') {
    const at = order.indexOf(workshop.spotlightGroupId ?? '');
    const following = order[at + 1];
    if (at >= 0 && following) {
      return {
        label: t('console.presentGroup', { group: nameOf(following) }),
        command: { type: 'spotlight', groupId: following },
      };
    }
    return { label: t('facilitator.discussion'), command: { type: 'phase', to: 'discussion' } };
  }
  return null;
}

/** The phase's next step as the console's one primary action (also on the `n` shortcut). */
export const NextStep = forwardRef<HTMLButtonElement, { workshop: WorkshopState; run: Run }>(function NextStep(
  { workshop, run },
  ref,
) {
  const { t } = useTranslation();
  const step = nextStep(workshop, t);
  if (!step) return null;
  return (
    <button
      ref={ref}
      type="button"
      className="button button--primary"
      data-testid="next-step"
      onClick={() => void run(step.command)}
    >
      {step.label}
      <span className="console-tab-key" aria-hidden="true">
        N
      </span>
    </button>
  );
});
