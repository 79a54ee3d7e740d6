import { DEFAULT_RETENTION_DAYS, MAX_DATA_CONTROLLER_CHARS, MAX_PRIVACY_CONTACT_CHARS } from '@warsztat/shared';
import { useTranslation } from 'react-i18next';

export interface PrivacyInput {
  dataController: string;
  privacyContact: string;
  retentionDays: string;
}

export const EMPTY_PRIVACY_INPUT: PrivacyInput = {
  dataController: '',
  privacyContact: '',
  retentionDays: String(DEFAULT_RETENTION_DAYS),
};

/** What the create body gets of the fields: blanks are left out (the clause then names the organiser). */
export function privacyBody(input: PrivacyInput): {
  dataController?: string;
  privacyContact?: string;
  retentionDays?: number;
} {
  const days = Number.parseInt(input.retentionDays, 10);
  return {
    ...(input.dataController.trim() ? { dataController: input.dataController.trim() } : {}),
    ...(input.privacyContact.trim() ? { privacyContact: input.privacyContact.trim() } : {}),
    ...(Number.isInteger(days) ? { retentionDays: days } : {}),
  };
}

/**
 * The information clause's settings when creating a workshop (issue #19), in a closed group so the
 * form stays short; the console edits them later and warns while they are missing.
 */
export function PrivacyFields({ value, onChange }: { value: PrivacyInput; onChange: (next: PrivacyInput) => void }) {
  const { t } = useTranslation();
  return (
    <details className="field">
      <summary>{t('privacy.panelHeading')}</summary>
      <div className="field">
        <label htmlFor="create-controller">{t('privacy.controller')}</label>
        <input
          id="create-controller"
          data-testid="create-controller"
          value={value.dataController}
          maxLength={MAX_DATA_CONTROLLER_CHARS}
          aria-describedby="create-controller-hint"
          onChange={(e) => onChange({ ...value, dataController: e.target.value })}
        />
        <p id="create-controller-hint" className="muted">
          {t('privacy.controllerHint')}
        </p>
      </div>
      <div className="field">
        <label htmlFor="create-contact">{t('privacy.contact')}</label>
        <input
          id="create-contact"
          data-testid="create-contact"
          value={value.privacyContact}
          maxLength={MAX_PRIVACY_CONTACT_CHARS}
          onChange={(e) => onChange({ ...value, privacyContact: e.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor="create-retention">{t('privacy.retention')}</label>
        <input
          id="create-retention"
          data-testid="create-retention"
          type="number"
          inputMode="numeric"
          min={1}
          max={3650}
          value={value.retentionDays}
          onChange={(e) => onChange({ ...value, retentionDays: e.target.value })}
        />
      </div>
    </details>
  );
}
