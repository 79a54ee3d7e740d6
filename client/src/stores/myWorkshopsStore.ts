import type { Phase } from '@warsztat/shared';
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';

/**
 * "Your workshops on this device" (issue #16): the consoles this browser created or opened, kept
 * in localStorage only (no accounts). Each entry holds the console path, so its facilitator token;
 * that is the user's own device, and the home page says so next to the list.
 */
export interface MyWorkshop {
  id: string;
  title: string;
  date: string | null;
  phase: Phase;
  /** `/f/<token>`: the way back to the console. */
  consolePath: string;
  /** Epoch ms this browser last opened it; the list is newest first. */
  seenAt: number;
}

/** What the create page knows of a workshop it just made (the answer carries ids and links only). */
export type NewWorkshop = Pick<MyWorkshop, 'title' | 'date' | 'phase'>;

/** Enough for a facilitator's season; the oldest fall off. */
const MAX_KEPT = 50;

interface MyWorkshopsStore {
  workshops: MyWorkshop[];
  remember: (workshop: Omit<MyWorkshop, 'seenAt'>) => void;
  forget: (id: string) => void;
}

export const useMyWorkshops = create<MyWorkshopsStore>()(
  persist(
    (set) => ({
      workshops: [],
      remember: (entry) =>
        set((s) => {
          const same = s.workshops.find((w) => w.id === entry.id);
          if (
            same &&
            same.title === entry.title &&
            same.phase === entry.phase &&
            same.date === entry.date &&
            same.consolePath === entry.consolePath
          ) {
            return s;
          }
          const rest = s.workshops.filter((w) => w.id !== entry.id);
          return { workshops: [{ ...entry, seenAt: Date.now() }, ...rest].slice(0, MAX_KEPT) };
        }),
      forget: (id) => set((s) => ({ workshops: s.workshops.filter((w) => w.id !== id) })),
    }),
    // localStorage may refuse (private mode): zustand then keeps the list for this visit only.
    { name: 'warsztat:my-workshops', version: 1, storage: createJSONStorage(() => localStorage) },
  ),
);
