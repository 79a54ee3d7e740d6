import { create } from 'zustand';

/**
 * Per-browser preferences that are nobody else's business (not sent to the server). The timer
 * sound is off by default: a room full of laptops beeping at once is worse than silence.
 */
const SOUND_KEY = 'warsztat:sound';
/**
 * The console's presence on group boards, hidden or shown (issue #20). Kept on this device, not in
 * control state: it is one facilitator's choice about their own screen (a co-facilitator on another
 * laptop decides for theirs), nobody else needs it, and hiding is simply not announcing — there is
 * nothing for the server to enforce or store.
 */
const HIDE_PRESENCE_KEY = 'warsztat:hide-presence';

function stored(key: string, on: string): boolean {
  try {
    return localStorage.getItem(key) === on;
  } catch {
    return false;
  }
}

function store(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Private mode may refuse storage; the choice still holds for this visit.
  }
}

export interface PreferencesStore {
  sound: boolean;
  setSound: (sound: boolean) => void;
  hidePresence: boolean;
  setHidePresence: (hidden: boolean) => void;
}

export const usePreferences = create<PreferencesStore>()((set) => ({
  sound: stored(SOUND_KEY, 'on'),
  setSound: (sound) => {
    store(SOUND_KEY, sound ? 'on' : 'off');
    set({ sound });
  },
  hidePresence: stored(HIDE_PRESENCE_KEY, 'yes'),
  setHidePresence: (hidePresence) => {
    store(HIDE_PRESENCE_KEY, hidePresence ? 'yes' : 'no');
    set({ hidePresence });
  },
}));
