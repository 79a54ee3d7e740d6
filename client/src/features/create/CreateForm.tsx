import type { CreateWorkshopAnswer, CreateWorkshopBody, Mode, TemplateId } from '@warsztat/shared';
import { DEFAULT_TIME_ZONE, MODES, TEMPLATE_IDS } from '@warsztat/shared';
import type { FormEvent } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FailureCode } from '../../api/http';
import { createWorkshop } from '../../api/workshops';
import { ErrorAlert } from '../../app/ErrorAlert';
import { currentLocale } from '../../i18n';
import type { NewWorkshop } from '../../stores/myWorkshopsStore';
import { EMPTY_PRIVACY_INPUT, PrivacyFields, privacyBody } from './PrivacyFields';

function isMode(value: string): value is Mode {
  return (MODES as readonly string[]).includes(value);
}
function isTemplate(value: string): value is TemplateId {
  return (TEMPLATE_IDS as readonly string[]).includes(value);
}

/** Every zone the browser knows (the server checks the choice again); Warsaw first, as most workshops are in Poland. */
function timeZones(): string[] {
  const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return [DEFAULT_TIME_ZONE, ...all.filter((z) => z !== DEFAULT_TIME_ZONE)];
}

export function CreateForm({ onCreated }: { onCreated: (answer: CreateWorkshopAnswer, about: NewWorkshop) => void }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState('');
  const [date, setDate] = useState('');
  const [venue, setVenue] = useState('');
  const [organiser, setOrganiser] = useState('');
  const [mode, setMode] = useState<Mode>('onsite');
  const [template, setTemplate] = useState<TemplateId>('di-5');
  const [timeZone, setTimeZone] = useState(DEFAULT_TIME_ZONE);
  const [privacy, setPrivacy] = useState(EMPTY_PRIVACY_INPUT);
  const [zones] = useState(timeZones);
  const [titleError, setTitleError] = useState(false);
  const [error, setError] = useState<FailureCode | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (!title.trim()) {
      setTitleError(true);
      return;
    }
    setTitleError(false);
    setError(null);
    setBusy(true);
    const body: CreateWorkshopBody = {
      title: title.trim(),
      template,
      mode,
      locale: currentLocale(),
      timeZone,
      ...privacyBody(privacy),
    };
    if (date) body.date = date;
    if (venue.trim()) body.venue = venue.trim();
    if (organiser.trim()) body.organiser = organiser.trim();
    const result = await createWorkshop(body);
    setBusy(false);
    if (result.ok) onCreated(result.data, { title: body.title, date: body.date ?? null, phase: 'lobby' });
    else setError(result.code);
  };

  return (
    <form className="form card-panel" onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor="create-title">{t('create.title')}</label>
        <input
          id="create-title"
          data-testid="create-title"
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          maxLength={200}
          required
          aria-invalid={titleError}
          aria-describedby={titleError ? 'create-title-error' : undefined}
        />
        {titleError && (
          <p id="create-title-error" className="field-error">
            {t('create.titleRequired')}
          </p>
        )}
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor="create-date">{t('create.date')}</label>
          <input id="create-date" type="date" value={date} onChange={(e) => setDate(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="create-mode">{t('create.mode')}</label>
          <select
            id="create-mode"
            data-testid="create-mode"
            value={mode}
            onChange={(e) => {
              if (isMode(e.target.value)) setMode(e.target.value);
            }}
          >
            {MODES.map((m) => (
              <option key={m} value={m}>
                {t(`mode.${m}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="field">
        <label htmlFor="create-venue">{t('create.venue')}</label>
        <input id="create-venue" value={venue} onChange={(e) => setVenue(e.target.value)} maxLength={200} />
      </div>
      <div className="field">
        <label htmlFor="create-organiser">{t('create.organiser')}</label>
        <input id="create-organiser" value={organiser} onChange={(e) => setOrganiser(e.target.value)} maxLength={200} />
      </div>
      <div className="field">
        <label htmlFor="create-timezone">{t('create.timeZone')}</label>
        <select
          id="create-timezone"
          data-testid="create-timezone"
          value={timeZone}
          aria-describedby="create-timezone-hint"
          onChange={(e) => setTimeZone(e.target.value)}
        >
          {zones.map((zone) => (
            <option key={zone} value={zone}>
              {zone.replace(/_/g, ' ')}
            </option>
          ))}
        </select>
        <p id="create-timezone-hint" className="muted">
          {t('create.timeZoneHint')}
        </p>
      </div>
      <div className="field">
        <label htmlFor="create-template">{t('create.template')}</label>
        <select
          id="create-template"
          data-testid="create-template"
          value={template}
          onChange={(e) => {
            if (isTemplate(e.target.value)) setTemplate(e.target.value);
          }}
        >
          {TEMPLATE_IDS.map((id) => (
            <option key={id} value={id}>
              {t(`template.${id}`)}
            </option>
          ))}
        </select>
      </div>
      <PrivacyFields value={privacy} onChange={setPrivacy} />
      <ErrorAlert code={error} />
      <button type="submit" className="button button--primary" data-testid="create-submit" disabled={busy}>
        {busy ? t('create.submitting') : t('create.submit')}
      </button>
    </form>
  );
}
