import type { WorkshopState } from '@warsztat/shared';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import '../../styles/privacy.css';
import { forgetParticipantOnDevice } from '../../api/deviceData';
import type { FailureCode } from '../../api/http';
import { forgetMe, myData } from '../../api/privacy';
import { ErrorAlert } from '../../app/ErrorAlert';
import { forgetLocalBoards } from '../../sync/localCopies';

/**
 * "Moje dane" (issue #19): a participant downloads what the workshop holds about them (Art. 15) or
 * erases it (Art. 17) without asking anyone. After erasure this device keeps nothing either: the
 * offline board copies, the token and the "Wróć jako" entry go, as when a link is revoked.
 */
export function MyData({ workshop, token }: { workshop: WorkshopState; token: string }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const [error, setError] = useState<FailureCode | null>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
  }, [confirming]);

  const download = async () => {
    const blob = await myData(token);
    if (!blob) return setError('unknown');
    setError(null);
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = 'moje-dane-warsztat.json';
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  const erase = async () => {
    if (busy) return;
    setBusy(true);
    const result = await forgetMe(token);
    setBusy(false);
    if (!result.ok) return setError(result.code);
    await forgetLocalBoards(workshop.id);
    forgetParticipantOnDevice(workshop.id, token);
    setDone(true);
  };

  if (done) {
    return (
      <output className="notice" data-testid="my-data-erased">
        {t('privacy.forgotten')}
      </output>
    );
  }
  return (
    <section className="card-panel" aria-labelledby="my-data-heading" data-testid="my-data">
      <h2 id="my-data-heading">{t('privacy.myData')}</h2>
      <p className="muted">{t('privacy.myDataText')}</p>
      <ErrorAlert code={error} testId="my-data-error" />
      <div className="privacy-actions">
        <button type="button" className="button" data-testid="my-data-download" onClick={() => void download()}>
          {t('privacy.download')}
        </button>
        {!confirming && (
          <button
            type="button"
            className="button button--danger"
            data-testid="forget-me-open"
            onClick={() => setConfirming(true)}
          >
            {t('privacy.forgetOpen')}
          </button>
        )}
      </div>
      {confirming && (
        <div className="privacy-confirm">
          <p>{t('privacy.forgetExplain')}</p>
          <div className="privacy-actions">
            <button
              type="button"
              ref={confirmButton}
              className="button button--danger"
              data-testid="forget-me-confirm"
              onClick={() => void erase()}
            >
              {t('privacy.forgetConfirm')}
            </button>
            <button type="button" className="button" onClick={() => setConfirming(false)}>
              {t('privacy.cancel')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
