import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { usePreferences } from '../../stores/preferencesStore';
import { setPresenceHidden } from '../../sync/docRegistry';

/**
 * Applies the facilitator's choice to every board this console opens, for as long as the console
 * is on screen (issue #20: the console's presence on group boards is labelled or hidden).
 */
export function useConsolePresence(): void {
  const hidden = usePreferences((s) => s.hidePresence);
  useEffect(() => {
    setPresenceHidden(hidden);
    return () => setPresenceHidden(false);
  }, [hidden]);
}

/**
 * "Ukryj moją obecność na tablicach", next to the board the console opens (the one place its
 * presence shows: the Run view's tiles and sheet only read). Off by default, so a group sees
 * "Prowadzący" when the facilitator looks in.
 */
export function PresenceToggle() {
  const { t } = useTranslation();
  const hidden = usePreferences((s) => s.hidePresence);
  const setHidden = usePreferences((s) => s.setHidePresence);
  return (
    <label className="checkbox-row small">
      <input
        type="checkbox"
        data-testid="hide-presence"
        checked={hidden}
        onChange={(e) => setHidden(e.target.checked)}
      />
      {t('console.hidePresence')}
    </label>
  );
}
