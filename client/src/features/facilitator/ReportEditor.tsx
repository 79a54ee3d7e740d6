import type { NarrativePartView, ReportDraft, WorkshopState } from '@warsztat/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FailureCode } from '../../api/http';
import { getReportDraft, saveNarrative } from '../../api/report';
import { ErrorAlert } from '../../app/ErrorAlert';

/**
 * "Tekst raportu": the narrative parts of the report (the opening, one paragraph per agenda item,
 * the division into groups, the closing) as the server generated them, each editable. Saving
 * stores the organisers' text on the server (`PUT …/report/narrative`); every format downloaded
 * afterwards uses it. "Przywróć wygenerowany tekst" drops the edit. Edits are per part and the
 * last save wins, which is enough for a facilitator and a co-facilitator sharing the writing.
 * When what the draft is generated from changes (agenda, groups, header, phase), the draft is
 * fetched again; a part someone is typing in keeps what they typed.
 */
type PartStatus = 'saving' | 'saved' | 'restored';

function usePartLabel(): (part: NarrativePartView) => string {
  const { t } = useTranslation();
  return (part) =>
    part.part === 'intro' || part.part === 'groups' || part.part === 'closing'
      ? t(`reportEditor.${part.part}`)
      : t('reportEditor.item', { title: part.title ?? '' });
}

function rowsFor(text: string): number {
  return Math.min(14, Math.max(3, Math.ceil(text.length / 90) + text.split('\n').length - 1));
}

/** What the generated text depends on, as a key: the draft is reloaded when it changes. */
function sourceKey(w: WorkshopState): string {
  return JSON.stringify([
    w.title,
    w.date,
    w.venue,
    w.organiser,
    w.mode,
    w.phase,
    w.agenda.map((i) => [i.id, i.title, i.kind, i.startsAt, i.minutes, i.speakers]),
    w.agendaDays,
    w.groups.map((g) => [g.id, g.name, g.rapporteurId]),
  ]);
}

export function ReportEditor({ workshop, token }: { workshop: WorkshopState; token: string }) {
  const workshopId = workshop.id;
  const source = sourceKey(workshop);
  const { t } = useTranslation();
  const partLabel = usePartLabel();
  const [draft, setDraft] = useState<ReportDraft | null>(null);
  const [texts, setTexts] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<Record<string, PartStatus>>({});
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<FailureCode | null>(null);

  // The server's text per part as last shown, to tell a part being typed in from one left alone.
  const shown = useRef<Record<string, string>>({});
  const adopt = useCallback((next: ReportDraft) => {
    setDraft(next);
    setTexts((current) => {
      const merged: Record<string, string> = {};
      for (const p of next.parts) {
        const typing = current[p.part] !== undefined && current[p.part] !== shown.current[p.part];
        merged[p.part] = typing ? (current[p.part] as string) : p.text;
      }
      return merged;
    });
    shown.current = Object.fromEntries(next.parts.map((p) => [p.part, p.text]));
  }, []);

  const load = useCallback(async () => {
    setLoading(true);
    setError(null);
    const result = await getReportDraft(workshopId, token);
    setLoading(false);
    if (result.ok) adopt(result.data);
    else setError(result.code);
  }, [workshopId, token, adopt]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `source` is the trigger, not an input.
  useEffect(() => {
    void load();
  }, [load, source]);

  async function save(part: NarrativePartView, text: string | null) {
    setStatus((s) => ({ ...s, [part.part]: 'saving' }));
    setError(null);
    const result = await saveNarrative(workshopId, token, { part: part.part, text });
    if (!result.ok) {
      setError(result.code);
      setStatus(({ [part.part]: _dropped, ...rest }) => rest);
      return;
    }
    // Other parts keep what is being typed in them; this one shows what the server stored.
    const saved = result.data.parts.find((p) => p.part === part.part);
    setDraft(result.data);
    shown.current = { ...shown.current, [part.part]: saved?.text ?? '' };
    setTexts((current) => ({ ...current, [part.part]: saved?.text ?? '' }));
    setStatus((s) => ({ ...s, [part.part]: text === null ? 'restored' : 'saved' }));
  }

  return (
    <section className="card-panel report-editor" aria-labelledby="report-editor-heading" data-testid="report-editor">
      <h2 id="report-editor-heading">{t('reportEditor.heading')}</h2>
      <p className="muted">{t('reportEditor.hint')}</p>
      <div className="control-row">
        <button type="button" className="button" data-testid="report-editor-refresh" onClick={() => void load()}>
          {t('reportEditor.refresh')}
        </button>
        <output className="muted" aria-live="polite">
          {loading ? t('reportEditor.loading') : ''}
        </output>
      </div>
      <ErrorAlert code={error} testId="report-editor-error" />
      {draft?.parts.map((part) => {
        const id = `narrative-${part.part.replace(/[^A-Za-z0-9_-]/g, '-')}`;
        const text = texts[part.part] ?? part.text;
        const changed = text !== part.text;
        const state = status[part.part];
        return (
          <div key={part.part} className="narrative-part" data-testid="narrative-part" data-part={part.part}>
            <div className="narrative-part__head">
              <label htmlFor={id}>{partLabel(part)}</label>
              <span className={part.edited ? 'badge badge--edited' : 'badge'} data-testid="narrative-badge">
                {part.edited ? t('reportEditor.edited') : t('reportEditor.generated')}
              </span>
            </div>
            <textarea
              id={id}
              data-testid="narrative-text"
              value={text}
              rows={rowsFor(text)}
              maxLength={5_000}
              lang={draft.locale}
              onChange={(e) => {
                const value = e.target.value;
                setTexts((current) => ({ ...current, [part.part]: value }));
                setStatus(({ [part.part]: _dropped, ...rest }) => rest);
              }}
            />
            <div className="control-row">
              <button
                type="button"
                className="button button--primary"
                data-testid="narrative-save"
                disabled={!changed || state === 'saving'}
                onClick={() => void save(part, text.trim() === '' ? null : text)}
              >
                {state === 'saving' ? t('reportEditor.saving') : t('reportEditor.save')}
              </button>
              {part.edited && (
                <button
                  type="button"
                  className="button"
                  data-testid="narrative-restore"
                  disabled={state === 'saving'}
                  onClick={() => void save(part, null)}
                >
                  {t('reportEditor.restore')}
                </button>
              )}
              <output className="muted" data-testid="narrative-status" aria-live="polite">
                {state === 'saved' ? t('reportEditor.saved') : state === 'restored' ? t('reportEditor.restored') : ''}
              </output>
            </div>
          </div>
        );
      })}
    </section>
  );
}
