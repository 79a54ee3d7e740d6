import type { Attendance, JoinBody, OrgType } from '@warsztat/shared';
import { ATTENDANCES, JoinCode, ORG_TYPES } from '@warsztat/shared';
import type { FormEvent } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { FailureCode } from '../../api/http';
import { inAppPath, joinWorkshop, rememberParticipantToken } from '../../api/workshops';
import { ErrorAlert } from '../../app/ErrorAlert';
import { Page } from '../../app/Page';

function isOrgType(value: string): value is OrgType {
  return (ORG_TYPES as readonly string[]).includes(value);
}

/** `/j/:code?`: join with a code and a name; the token is kept per workshop and the board opens. */
export function JoinPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const params = useParams();
  const [code, setCode] = useState((params.code ?? '').toUpperCase());
  const [name, setName] = useState('');
  const [organisation, setOrganisation] = useState('');
  const [orgType, setOrgType] = useState<OrgType | ''>('');
  const [attendance, setAttendance] = useState<Attendance>('onsite');
  // Consent to be named in the report: the participant's own choice, off unless they tick it.
  const [nameInReport, setNameInReport] = useState(false);
  const [nameError, setNameError] = useState(false);
  const [error, setError] = useState<FailureCode | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const missingName = !name.trim();
    setNameError(missingName);
    if (missingName) {
      setError(null);
      document.getElementById('join-name')?.focus();
      return;
    }
    // A code that cannot exist (wrong length or letters) is answered here, same words as the server's.
    const parsedCode = JoinCode.safeParse(code);
    if (!parsedCode.success) {
      setError('bad_join_code');
      return;
    }
    setError(null);
    setBusy(true);
    const body: JoinBody = { joinCode: parsedCode.data, name: name.trim(), attendance, nameInReport };
    if (organisation.trim()) body.organisation = organisation.trim();
    if (orgType) body.orgType = orgType;
    const result = await joinWorkshop(body);
    setBusy(false);
    if (!result.ok) {
      setError(result.code);
      return;
    }
    rememberParticipantToken(result.data.workshopId, result.data.token);
    const board = result.data.links.board;
    const path = inAppPath(board);
    if (path) navigate(path);
    else window.location.assign(board);
  };

  return (
    <Page title={t('join.heading')}>
      <h1>{t('join.heading')}</h1>
      <form className="form card-panel" onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor="join-code">{t('join.code')}</label>
          <input
            id="join-code"
            data-testid="join-code"
            className="code-input"
            value={code}
            onChange={(e) => setCode(e.target.value.toUpperCase())}
            autoCapitalize="characters"
            autoComplete="off"
            spellCheck={false}
            maxLength={12}
            required
          />
        </div>
        <div className="field">
          <label htmlFor="join-name">{t('join.name')}</label>
          <input
            id="join-name"
            data-testid="join-name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            autoComplete="name"
            maxLength={80}
            required
            aria-invalid={nameError}
            aria-describedby={nameError ? 'join-name-error' : undefined}
          />
          {nameError && (
            <p id="join-name-error" className="field-error" role="alert" data-testid="form-error">
              {t('join.nameRequired')}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor="join-organisation">
            {t('join.organisation')} <span className="muted">{t('join.optional')}</span>
          </label>
          <input
            id="join-organisation"
            data-testid="join-organisation"
            value={organisation}
            onChange={(e) => setOrganisation(e.target.value)}
            autoComplete="organization"
            maxLength={200}
          />
        </div>
        <div className="field">
          <label htmlFor="join-orgtype">
            {t('orgType.label')} <span className="muted">{t('join.optional')}</span>
          </label>
          <select
            id="join-orgtype"
            data-testid="join-orgtype"
            value={orgType}
            onChange={(e) => setOrgType(isOrgType(e.target.value) ? e.target.value : '')}
          >
            <option value="">{t('orgType.choose')}</option>
            {ORG_TYPES.map((id) => (
              <option key={id} value={id}>
                {t(`orgType.${id}`)}
              </option>
            ))}
          </select>
        </div>
        <fieldset className="field radio-group">
          <legend>{t('join.attendance')}</legend>
          {ATTENDANCES.map((a) => (
            <label key={a} className="radio">
              <input
                type="radio"
                name="attendance"
                value={a}
                data-testid={`join-attendance-${a}`}
                checked={attendance === a}
                onChange={() => setAttendance(a)}
              />
              {t(`attendance.${a}`)}
            </label>
          ))}
        </fieldset>
        <div className="field">
          <label className="field-check">
            <input
              type="checkbox"
              data-testid="join-name-in-report"
              checked={nameInReport}
              aria-describedby="join-name-in-report-hint"
              onChange={(e) => setNameInReport(e.target.checked)}
            />
            {t('join.nameInReport')}
          </label>
          <p id="join-name-in-report-hint" className="muted">
            {t('join.nameInReportHint')}
          </p>
        </div>
        <ErrorAlert code={error} />
        <button type="submit" className="button button--primary" data-testid="join-submit" disabled={busy}>
          {busy ? t('join.submitting') : t('join.submit')}
        </button>
      </form>
    </Page>
  );
}
