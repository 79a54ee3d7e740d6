import type { WorkshopState } from '@warsztat/shared';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { CommandCheckbox } from '../../app/CommandCheckbox';
import type { Run } from './useCommand';

/**
 * Whether the room's screen may name participants (issue #16). Off by default because hybrid
 * sessions are often streamed: a name on the projector reaches everyone watching. The server
 * enforces it (the projector's state carries no names while off); this is only the switch.
 */
export function RoomScreenNames({ workshop, run }: { workshop: WorkshopState; run: Run }) {
  const { t } = useTranslation();
  const hint = useId();
  return (
    <section className="card-panel" aria-labelledby="room-names-heading">
      <h2 id="room-names-heading">{t('roomNames.heading')}</h2>
      <label className="checkbox">
        <CommandCheckbox
          data-testid="projector-names"
          aria-describedby={hint}
          checked={workshop.projectorNames}
          send={(shown) => run({ type: 'projector', action: 'names', shown })}
        />{' '}
        {t('roomNames.label')}
      </label>
      <p id={hint} className="muted small">
        {t('roomNames.hint')}
      </p>
    </section>
  );
}
