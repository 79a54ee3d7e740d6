import type { Attendance, JoinBody, JoinInfo, OrgType } from '@warsztat/shared';
import {
  ATTENDANCES,
  MAX_ORGANISATION_CHARS,
  MAX_PARTICIPANT_NAME_CHARS,
  ORG_TYPES,
  readJoinCode,
} from '@warsztat/shared';
import type { FormEvent } from 'react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { FailureCode } from '../../api/http';
import { forgetReturning, inAppPath, returningParticipant } from '../../api/localLinks';
import { ErrorAlert } from '../../app/ErrorAlert';
import { Page } from '../../app/Page';
import { formatDay } from '../../app/time';
import { currentLocale } from '../../i18n';
import { PrivacyNotice } from './PrivacyNotice';

type JoinRequest = typeof import('./joinRequest');
const loadJoinRequest = (): Promise<JoinRequest> => import('./joinRequest');

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
  // A rescanned QR code in the same browser: offer to come back instead of creating a second person.
  const [returning, setReturning] = useState(() => (params.code ? returningParticipant(params.code) : null));
  const [workshop, setWorkshop] = useState<JoinInfo | null>(null);
  // The API calls follow the form instead of holding it back (joinRequest.ts); no zod on this page.
  // The code is checked with the shared limits only: the server's zod schema stays the authority.
  const [request, setRequest] = useState<JoinRequest | null>(null);
  useEffect(() => {
    let current = true;
    void loadJoinRequest().then((loaded) => current && setRequest(loaded));
    return () => {
      current = false;
    };
  }, []);
  const lookupCode = readJoinCode(code);
  useEffect(() => {
    setWorkshop(null);
    if (!lookupCode || !request) return;
    let current = true;
    void request.joinInfo(lookupCode).then((result) => {
      if (current && result.ok) setWorkshop(result.data);
    });
    return () => {
      current = false;
    };
  }, [lookupCode, request]);

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
    const { joinWorkshop, rememberParticipantToken, rememberReturning } = request ?? (await loadJoinRequest());
    // A code that cannot exist (wrong length or letters) is answered here, same words as the server's.
    const joinCode = readJoinCode(code);
    if (!joinCode) {
      setError('bad_join_code');
      return;
    }
    setError(null);
    setBusy(true);
    const body: JoinBody = { joinCode, name: name.trim(), attendance, nameInReport };
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
    rememberReturning(joinCode, { name: name.trim(), board: path ?? board });
    if (path) navigate(path);
    else window.location.assign(board);
  };

  const heading = (
    <header className="join-header">
      <h1>{t('join.heading')}</h1>
      {workshop && (
        <p className="join-workshop" data-testid="join-workshop">
          <strong data-testid="join-workshop-title">{workshop.title}</strong>
          {workshop.date && <span className="muted"> · {formatDay(workshop.date, currentLocale())}</span>}
        </p>
      )}
    </header>
  );

  if (returning) {
    const back = () => {
      const path = inAppPath(returning.board);
      if (path) navigate(path);
      else window.location.assign(returning.board);
    };
    return (
      <Page title={t('join.heading')}>
        <div className="join-page">
          {heading}
          <section className="card-panel join-returning" data-testid="join-returning" aria-labelledby="returning-q">
            <p id="returning-q">{t('join.returningQuestion', { name: returning.name })}</p>
            <div className="join-returning-actions">
              <button type="button" className="button button--primary" data-testid="join-return" onClick={back}>
                {t('join.returnAs', { name: returning.name })}
              </button>
              <button
                type="button"
                className="button"
                data-testid="join-not-me"
                onClick={() => {
                  if (params.code) forgetReturning(params.code);
                  setReturning(null);
                }}
              >
                {t('join.notMe')}
              </button>
            </div>
          </section>
        </div>
      </Page>
    );
  }

  return (
    <Page title={t('join.heading')}>
      <div className="join-page">
        {heading}
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
          <PrivacyNotice code={lookupCode} />
          <div className="field">
            <label htmlFor="join-name">{t('join.name')}</label>
            <input
              id="join-name"
              data-testid="join-name"
              value={name}
              onChange={(e) => setName(e.target.value)}
              autoComplete="name"
              maxLength={MAX_PARTICIPANT_NAME_CHARS}
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
              maxLength={MAX_ORGANISATION_CHARS}
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
      </div>
    </Page>
  );
}
