import {
  MAX_DATA_CONTROLLER_CHARS,
  MAX_PRIVACY_CONTACT_CHARS,
  MAX_RETENTION_DAYS,
  MIN_RETENTION_DAYS,
  privacyIncomplete,
  type WorkshopState,
} from '@warsztat/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import '../../styles/privacy.css';
import { workshopTimeZone } from '../../app/time';
import { currentLocale } from '../../i18n';
import { DeleteWorkshop } from './DeleteWorkshop';
import type { Run } from './useCommand';

/**
 * Personal data in the console (issue #19): the information clause's controller and contact, how
 * long the data is kept and the date it will be deleted, a warning while the clause is incomplete,
 * and — for the facilitator, not a co-facilitator — deleting the workshop.
 */
export function PrivacyPanel({
  workshop,
  run,
  token,
  canDelete,
}: {
  workshop: WorkshopState;
  run: Run;
  token: string;
  canDelete: boolean;
}) {
  const { t } = useTranslation();
  const p = workshop.privacy;
  const [controller, setController] = useState(p.dataController ?? '');
  const [contact, setContact] = useState(p.privacyContact ?? '');
  const [days, setDays] = useState(String(p.retentionDays));
  const [saved, setSaved] = useState(false);
  const date = new Intl.DateTimeFormat(currentLocale() === 'en' ? 'en-GB' : 'pl', {
    dateStyle: 'long',
    timeZone: workshopTimeZone(workshop),
  }).format(p.deletionDueAt);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const retentionDays = Number.parseInt(days, 10);
    setSaved(
      await run({
        type: 'privacy',
        dataController: controller.trim() || null,
        privacyContact: contact.trim() || null,
        ...(Number.isInteger(retentionDays) ? { retentionDays } : {}),
      }),
    );
  };

  return (
    <section className="card-panel" aria-labelledby="privacy-heading" data-testid="privacy-panel">
      <h2 id="privacy-heading">{t('privacy.panelHeading')}</h2>
      {privacyIncomplete(p) && (
        <p className="notice" data-testid="privacy-incomplete">
          {t('privacy.incomplete')}
        </p>
      )}
      <p data-testid="privacy-deletes-on">
        {workshop.phase === 'closed' ? t('privacy.deletesOn', { date }) : t('privacy.deletesOnOpen', { date })}
      </p>
      {p.erasedCount > 0 && <p className="muted">{t('privacy.erased', { count: p.erasedCount })}</p>}
      <form className="form privacy-form" onSubmit={save} noValidate>
        <div className="field">
          <label htmlFor="privacy-controller">{t('privacy.controller')}</label>
          <input
            id="privacy-controller"
            data-testid="privacy-controller"
            value={controller}
            maxLength={MAX_DATA_CONTROLLER_CHARS}
            aria-describedby="privacy-controller-hint"
            onChange={(e) => {
              setController(e.target.value);
              setSaved(false);
            }}
          />
          <p id="privacy-controller-hint" className="muted">
            {t('privacy.controllerHint')}
          </p>
        </div>
        <div className="field">
          <label htmlFor="privacy-contact">{t('privacy.contact')}</label>
          <input
            id="privacy-contact"
            data-testid="privacy-contact"
            value={contact}
            maxLength={MAX_PRIVACY_CONTACT_CHARS}
            autoComplete="off"
            onChange={(e) => {
              setContact(e.target.value);
              setSaved(false);
            }}
          />
        </div>
        <div className="field">
          <label htmlFor="privacy-retention">{t('privacy.retention')}</label>
          <input
            id="privacy-retention"
            data-testid="privacy-retention"
            type="number"
            inputMode="numeric"
            min={MIN_RETENTION_DAYS}
            max={MAX_RETENTION_DAYS}
            value={days}
            onChange={(e) => {
              setDays(e.target.value);
              setSaved(false);
            }}
          />
        </div>
        <div className="privacy-actions">
          <button type="submit" className="button" data-testid="privacy-save">
            {t('privacy.save')}
          </button>
          <output className="muted">{saved ? t('privacy.saved') : ''}</output>
        </div>
      </form>
      {canDelete && <DeleteWorkshop workshop={workshop} token={token} />}
    </section>
  );
}
