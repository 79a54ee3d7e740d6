import type { Me, WorkshopState } from '@warsztat/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FailureCode } from '../../api/http';
import { CommandCheckbox } from '../../app/CommandCheckbox';
import { ErrorAlert } from '../../app/ErrorAlert';
import { sendParticipantCommand } from '../../stores/controlSocket';

/**
 * The participant's own say on being named in the report, given (or not) when joining and
 * changeable here at any time — also after the workshop closed, when the report gets written.
 * The box shows the choice at once; the change is sent, and the next state from the server confirms
 * it (a refusal puts the box back and says why).
 */
export function ReportConsent({ workshop, me }: { workshop: WorkshopState; me: Me }) {
  const { t } = useTranslation();
  const [error, setError] = useState<FailureCode | null>(null);
  const self = workshop.participants.find((p) => p.id === me.participantId);
  const consent = self?.nameInReport === true;
  if (!self) return null;
  return (
    <div className="report-consent">
      <label className="field-check">
        <CommandCheckbox
          data-testid="report-consent"
          checked={consent}
          aria-describedby="report-consent-hint"
          send={async (wanted) => {
            const result = await sendParticipantCommand({ type: 'nameInReport', consent: wanted });
            setError(result.ok ? null : result.error.code);
            return result.ok;
          }}
        />
        {t('join.nameInReport')}
      </label>
      <p id="report-consent-hint" className="muted small">
        {t('join.nameInReportHint')}
      </p>
      <ErrorAlert code={error} testId="report-consent-error" />
    </div>
  );
}
