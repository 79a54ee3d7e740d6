import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** How long the "copied" confirmation stays. */
const COPIED_MS = 2_000;

interface Props {
  label: string;
  url: string;
  testId: string;
  hint?: string;
}

/** A full URL as a link, with copy and open buttons. */
export function CopyLink({ label, url, testId, hint }: Props) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const id = window.setTimeout(() => setCopied(false), COPIED_MS);
    return () => window.clearTimeout(id);
  }, [copied]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      // Clipboard refused (insecure context): the URL is on screen to copy by hand.
    }
  };

  return (
    <div className="copy-link">
      <div className="copy-link-label">{label}</div>
      {hint && <div className="muted small">{hint}</div>}
      <div className="copy-link-row">
        <a href={url} data-testid={testId} className="copy-link-url">
          {url}
        </a>
        <button type="button" className="button button--small" onClick={copy} aria-label={`${t('app.copy')}: ${label}`}>
          {copied ? t('app.copied') : t('app.copy')}
        </button>
        <a href={url} target="_blank" rel="noopener" className="button button--small button--ghost">
          {t('app.open')}
        </a>
      </div>
      <span className="visually-hidden" aria-live="polite">
        {copied ? t('app.copied') : ''}
      </span>
    </div>
  );
}
