import { useRegisterSW } from 'virtual:pwa-register/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** How often an open tab asks whether a new version is out (a workshop day is long). */
const CHECK_EVERY_MS = 30 * 60_000;

/**
 * Registers the service worker (offline shell, vite-plugin-pwa) and, when a new version has been
 * downloaded, offers it instead of reloading by itself: someone may be typing. Accepting reloads
 * the tab; board edits not yet sent are in IndexedDB already (y-indexeddb) and go out after the
 * reload, so nothing is lost either way.
 */
export function UpdatePrompt() {
  const { t } = useTranslation();
  const [dismissed, setDismissed] = useState(false);
  const {
    needRefresh: [needRefresh],
    updateServiceWorker,
  } = useRegisterSW({
    onRegisteredSW(_url, registration) {
      if (registration) setInterval(() => void registration.update(), CHECK_EVERY_MS);
    },
  });
  if (!needRefresh || dismissed) return null;
  return (
    <section className="update-prompt" aria-labelledby="update-title" data-testid="update-prompt">
      <output id="update-title" className="update-prompt-title">
        {t('update.available')}
      </output>
      <p className="muted small">{t('update.hint')}</p>
      <div className="control-row">
        <button
          type="button"
          className="button button--primary"
          data-testid="update-reload"
          onClick={() => void updateServiceWorker(true)}
        >
          {t('update.reload')}
        </button>
        <button type="button" className="button" onClick={() => setDismissed(true)}>
          {t('update.later')}
        </button>
      </div>
    </section>
  );
}
