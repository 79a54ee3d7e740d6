import type { GroupView, WorkshopState } from '@warsztat/shared';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import '../../styles/rounds.css';
import { isCallUrl, MAX_CALL_URL_CHARS } from '../rounds/callLink';
import type { Run } from './useCommand';

/**
 * Prepare view (issue #17): every group's call link on one panel, so the facilitator sees at a
 * glance which online group still has none. Members see theirs on the board; nobody else gets it.
 */
export function CallLinksPanel({ workshop, run }: { workshop: WorkshopState; run: Run }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <section className="card-panel" aria-labelledby={`${id}-heading`} data-testid="call-links-panel">
      <h2 id={`${id}-heading`}>{t('callLink.heading')}</h2>
      <p className="muted small">{t('callLink.hint')}</p>
      <ul className="call-links">
        {workshop.groups.map((group) => (
          <CallLinkRow key={group.id} group={group} run={run} />
        ))}
      </ul>
    </section>
  );
}

function CallLinkRow({ group, run }: { group: GroupView; run: Run }) {
  const { t } = useTranslation();
  const id = useId();
  const stored = group.callUrl ?? null;
  const [draft, setDraft] = useState(stored ?? '');
  const [invalid, setInvalid] = useState(false);
  useEffect(() => {
    setDraft(stored ?? '');
    setInvalid(false);
  }, [stored]);
  const send = async (callUrl: string | null) => {
    const ok = await run({ type: 'group', action: 'update', groupId: group.id, callUrl });
    if (!ok && callUrl !== null) setInvalid(true);
  };
  return (
    <li className="call-link-row" data-testid="call-link-row" data-group-id={group.id}>
      <form
        className="stack"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const value = draft.trim();
          if (value === '') return void send(null);
          if (!isCallUrl(value)) return setInvalid(true);
          void send(value);
        }}
      >
        <label htmlFor={`${id}-url`}>{t('callLink.label', { name: group.name })}</label>
        <input
          id={`${id}-url`}
          data-testid="call-link-input"
          type="url"
          inputMode="url"
          placeholder="https://"
          maxLength={MAX_CALL_URL_CHARS}
          aria-invalid={invalid}
          aria-describedby={invalid ? `${id}-error` : undefined}
          value={draft}
          onChange={(e) => {
            setDraft(e.target.value);
            setInvalid(false);
          }}
        />
        {invalid && (
          <p className="field-error" id={`${id}-error`} role="alert" data-testid="call-link-error">
            {t('callLink.invalid', { max: MAX_CALL_URL_CHARS })}
          </p>
        )}
        <div className="control-row">
          <button type="submit" className="button button--small" data-testid="call-link-save">
            {t('callLink.save')}
          </button>
          {stored && (
            <button
              type="button"
              className="button button--small button--ghost"
              data-testid="call-link-clear"
              onClick={() => void send(null)}
            >
              {t('callLink.clear')}
            </button>
          )}
        </div>
      </form>
      <p className="small call-link-current" data-testid="call-link-current">
        {stored ? (
          <a href={stored} target="_blank" rel="noopener noreferrer">
            {stored}
            <span className="visually-hidden"> {t('callLink.newTab')}</span>
          </a>
        ) : (
          <span className="muted">{t('callLink.none')}</span>
        )}
      </p>
    </li>
  );
}
