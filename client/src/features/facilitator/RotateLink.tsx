import type { RotationTarget } from '@warsztat/shared';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Run } from './useCommand';

/**
 * "Zmień kod" / "Nowy link projektora" / "Nowy link współprowadzącego" (issue #14). A rotation
 * cuts off whoever holds the old link — the room's projector too — so a click first says so and
 * asks again; Escape or "Anuluj" backs out and focus goes back to the button. The outcome is
 * announced in a live region, and the new link appears in the panel with the state.
 */
export function RotateLink({ target, run }: { target: RotationTarget; run: Run }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const explanationId = useId();
  const wasOpen = useRef(false);
  useEffect(() => {
    if (open) confirmButton.current?.focus();
    else if (wasOpen.current) trigger.current?.focus();
    wasOpen.current = open;
  }, [open]);

  const confirm = async () => {
    if (busy) return;
    setBusy(true);
    const rotated = await run({ type: 'rotate', target });
    setBusy(false);
    setDone(rotated);
    // A refusal shows in the console's error line; the question stays open to try again.
    if (rotated) setOpen(false);
  };

  return (
    <div className="rotate-link" data-testid={`rotate-${target}`}>
      {!open ? (
        <button
          ref={trigger}
          type="button"
          className="button button--small"
          data-testid={`rotate-${target}-open`}
          onClick={() => {
            setDone(false);
            setOpen(true);
          }}
        >
          {t(`rotation.${target}`)}
        </button>
      ) : (
        <fieldset
          className="rotate-link-confirm"
          aria-describedby={explanationId}
          onKeyDown={(e) => {
            if (e.key === 'Escape') setOpen(false);
          }}
        >
          <legend className="visually-hidden">{t(`rotation.${target}`)}</legend>
          <p id={explanationId} className="small">
            {t(`rotation.confirm_${target}`)}
          </p>
          <div className="rotate-link-actions">
            <button
              ref={confirmButton}
              type="button"
              className="button button--danger button--small"
              data-testid={`rotate-${target}-confirm`}
              aria-disabled={busy}
              onClick={() => void confirm()}
            >
              {t('rotation.confirm')}
            </button>
            <button type="button" className="button button--small" onClick={() => setOpen(false)}>
              {t('rotation.cancel')}
            </button>
          </div>
        </fieldset>
      )}
      <p className="small muted" aria-live="polite" data-testid={`rotate-${target}-done`}>
        {done ? t(`rotation.done_${target}`) : ''}
      </p>
    </div>
  );
}
