import { BackupWorkshop, type CreateWorkshopAnswer } from '@warsztat/shared';
import type { FormEvent } from 'react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FailureCode } from '../../api/http';
import { importWorkshop } from '../../api/report';
import { ErrorAlert } from '../../app/ErrorAlert';
import type { NewWorkshop } from '../../stores/myWorkshopsStore';

/**
 * "Wczytaj warsztat z kopii zapasowej": the JSON file the console's report panel downloads, sent
 * to `POST /api/workshops/import`, which makes a new workshop from it (new links, new code). The
 * file is read and parsed here only to catch a wrong file early; the server validates it fully.
 */
export function ImportWorkshop({
  onCreated,
}: {
  onCreated: (answer: CreateWorkshopAnswer, about: NewWorkshop | null) => void;
}) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<'notJson' | 'chooseFile' | null>(null);
  const [error, setError] = useState<FailureCode | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setError(null);
    setProblem(null);
    const file = input.current?.files?.[0];
    if (!file) {
      setProblem('chooseFile');
      return;
    }
    setBusy(true);
    let backup: unknown;
    try {
      backup = JSON.parse(await file.text());
    } catch {
      setBusy(false);
      setProblem('notJson');
      return;
    }
    const result = await importWorkshop(backup);
    setBusy(false);
    if (result.ok) onCreated(result.data, aboutBackup(backup));
    else if (result.code === 'bad_request') setProblem('notJson');
    else setError(result.code);
  };

  return (
    <section className="card-panel" aria-labelledby="import-heading" data-testid="import-panel">
      <h2 id="import-heading">{t('create.importHeading')}</h2>
      <p className="muted" id="import-hint">
        {t('create.importHint')}
      </p>
      <form className="form" onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor="import-file">{t('create.importFile')}</label>
          <input
            id="import-file"
            data-testid="import-file"
            ref={input}
            type="file"
            accept=".json,application/json"
            aria-describedby="import-hint"
            aria-invalid={problem !== null}
          />
        </div>
        {problem && (
          <p className="alert" role="alert" data-testid="import-error">
            {t(problem === 'notJson' ? 'create.importNotJson' : 'create.importChooseFile')}
          </p>
        )}
        <ErrorAlert code={error} testId="import-failure" />
        <button type="submit" className="button" data-testid="import-submit" disabled={busy} aria-busy={busy}>
          {busy ? t('create.importing') : t('create.importSubmit')}
        </button>
      </form>
    </section>
  );
}

/** Title, date and phase of the imported workshop as the file says (null: the console fills them in). */
function aboutBackup(backup: unknown): NewWorkshop | null {
  const workshop = typeof backup === 'object' && backup !== null ? (backup as { workshop?: unknown }).workshop : null;
  const parsed = BackupWorkshop.pick({ title: true, date: true, phase: true }).safeParse(workshop);
  return parsed.success ? parsed.data : null;
}
