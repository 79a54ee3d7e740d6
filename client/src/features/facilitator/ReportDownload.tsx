import { ErrorCode } from '@warsztat/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FailureCode } from '../../api/http';
import { ErrorAlert } from '../../app/ErrorAlert';

const FORMATS = ['md', 'docx', 'pdf', 'json'] as const;
type Format = (typeof FORMATS)[number];

const KNOWN_CODES: readonly string[] = Object.values(ErrorCode);

/** The server's name for the file (Content-Disposition), or a plain fallback. */
function filenameOf(response: Response, format: Format): string {
  const match = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '');
  return match?.[1] ?? `warsztat.${format}`;
}

async function failureOf(response: Response): Promise<FailureCode> {
  try {
    const body = (await response.json()) as { error?: { code?: unknown } };
    const code = body.error?.code;
    if (typeof code === 'string' && KNOWN_CODES.includes(code)) return code as FailureCode;
  } catch {
    // Not our JSON (a proxy's page): judged by the status below.
  }
  return response.status >= 500 ? 'internal' : 'unknown';
}

/** Reads the body chunk by chunk, reporting the share received when the server sent a length. */
async function readWithProgress(response: Response, onProgress: (percent: number) => void): Promise<Blob> {
  const total = Number(response.headers.get('content-length') ?? 0);
  const reader = response.body?.getReader();
  if (!reader || !total) return response.blob();
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.byteLength;
    onProgress(Math.min(100, Math.round((received / total) * 100)));
  }
  return new Blob(chunks, { type: response.headers.get('content-type') ?? '' });
}

/**
 * "Pobierz raport" (DESIGN §9 report). A plain link cannot carry the bearer token, and a token in
 * the URL would end up in logs and history, so the file is fetched with the header, held as a
 * blob and handed to the browser through a temporary `blob:` object URL. The CSP needs nothing
 * for this: the fetch is same-origin (connect-src 'self') and a download is not a fetch of a
 * subresource. While the server builds the file (the wait before the first byte) the panel shows
 * an indeterminate progress bar and "Przygotowuję raport…"; while it arrives, the share received.
 * The status line is a live region, so a screen reader hears both, and the end.
 */
export function ReportDownload({ workshopId, token }: { workshopId: string; token: string }) {
  const { t } = useTranslation();
  const [format, setFormat] = useState<Format>('pdf');
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<'preparing' | 'downloading' | 'ready' | null>(null);
  const [percent, setPercent] = useState<number | null>(null);
  const [error, setError] = useState<FailureCode | null>(null);

  async function download() {
    if (busy) return;
    setBusy(true);
    setError(null);
    setStatus('preparing');
    setPercent(null);
    try {
      const response = await fetch(`/api/workshops/${encodeURIComponent(workshopId)}/report?format=${format}`, {
        headers: { Authorization: `Bearer ${token}` },
      });
      if (!response.ok) {
        setError(await failureOf(response));
        setStatus(null);
        return;
      }
      setStatus('downloading');
      setPercent(0);
      const blob = await readWithProgress(response, setPercent);
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = filenameOf(response, format);
      document.body.append(link);
      link.click();
      link.remove();
      // Revoked on the next turn: the click has handed the blob to the download by then.
      setTimeout(() => URL.revokeObjectURL(url), 0);
      setStatus('ready');
    } catch {
      setError('network');
      setStatus(null);
    } finally {
      setBusy(false);
    }
  }

  const working = status === 'preparing' || status === 'downloading';
  return (
    <section className="card-panel" aria-labelledby="report-heading" data-testid="report-panel">
      <h2 id="report-heading">{t('report.heading')}</h2>
      <p className="muted">{t('report.hint')}</p>
      <div className="control-row">
        <label htmlFor="report-format">{t('report.format')}</label>
        <select
          id="report-format"
          data-testid="report-format"
          value={format}
          onChange={(e) => setFormat(e.target.value as Format)}
        >
          {FORMATS.map((f) => (
            <option key={f} value={f}>
              {t(`report.${f}`)}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="button button--primary"
          data-testid="report-download"
          aria-busy={busy}
          onClick={() => void download()}
        >
          {t('report.download')}
        </button>
      </div>
      {working && (
        // No value while the server builds the file: an indeterminate bar, as nobody knows how long.
        <progress
          className="report-progress"
          data-testid="report-progress"
          aria-label={t('report.progress')}
          max={100}
          {...(status === 'downloading' && percent !== null ? { value: percent } : {})}
        />
      )}
      <output className="muted" data-testid="report-status" aria-live="polite">
        {status === 'downloading'
          ? t('report.downloading', { percent: percent ?? 0 })
          : status
            ? t(`report.${status}`)
            : ''}
      </output>
      <ErrorAlert code={error} testId="report-error" />
      <p>
        <a href="#report-editor-heading">{t('report.editLink')}</a>
      </p>
    </section>
  );
}
