import type { WorkshopState } from '@warsztat/shared';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { FailureCode } from '../../api/http';
import { deleteWorkshop } from '../../api/privacy';
import { ErrorAlert } from '../../app/ErrorAlert';

/**
 * Deleting the whole workshop (issue #19): the facilitator only. The confirmation asks for the
 * title to be typed, so a stray click or a wrong tab can never delete a room's work.
 */
export function DeleteWorkshop({ workshop, token }: { workshop: WorkshopState; token: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<FailureCode | null>(null);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (open) input.current?.focus();
  }, [open]);
  const matches = typed.trim() === workshop.title.trim();

  const confirm = async () => {
    if (!matches || busy) return;
    setBusy(true);
    const result = await deleteWorkshop(workshop.id, token);
    setBusy(false);
    if (!result.ok) return setError(result.code);
    navigate('/');
  };

  return (
    <div className="privacy-danger">
      <h3>{t('privacy.deleteHeading')}</h3>
      <p className="muted">{t('privacy.deleteExplain')}</p>
      {!open ? (
        <button
          type="button"
          className="button button--danger"
          data-testid="delete-workshop-open"
          onClick={() => setOpen(true)}
        >
          {t('privacy.deleteOpen')}
        </button>
      ) : (
        <div className="privacy-confirm">
          <label htmlFor="delete-workshop-title">{t('privacy.deleteTypeTitle', { title: workshop.title })}</label>
          <input
            id="delete-workshop-title"
            ref={input}
            data-testid="delete-workshop-title"
            value={typed}
            autoComplete="off"
            onChange={(e) => setTyped(e.target.value)}
          />
          <ErrorAlert code={error} testId="delete-workshop-error" />
          <div className="privacy-actions">
            <button
              type="button"
              className="button button--danger"
              data-testid="delete-workshop-confirm"
              aria-disabled={!matches || busy}
              onClick={() => void confirm()}
            >
              {busy ? t('privacy.deleting') : t('privacy.deleteConfirm')}
            </button>
            <button
              type="button"
              className="button"
              onClick={() => {
                setOpen(false);
                setTyped('');
              }}
            >
              {t('privacy.cancel')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
