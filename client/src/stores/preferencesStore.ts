import { create } from 'zustand';

/**
 * Per-browser preferences that are nobody else's business (not sent to the server). The timer
 * sound is off by default: a room full of laptops beeping at once is worse than silence.
 */
const SOUND_KEY = 'warsztat:sound';

function storedSound(): boolean {
  try {
    return localStorage.getItem(SOUND_KEY) === 'on';
  } catch {
    return false;
  }
}

export interface PreferencesStore {
  sound: boolean;
  setSound: (sound: boolean) => void;
}

export const usePreferences = create<PreferencesStore>()((set) => ({
  sound: storedSound(),
  setSound: (sound) => {
    try {
      localStorage.setItem(SOUND_KEY, sound ? 'on' : 'off');
    } catch {
      // Private mode may refuse storage; the choice still holds for this visit.
    }
    set({ sound });
  },
}));
