import type { ApiError, Me, WorkshopState } from '@warsztat/shared';
import type { StateCreator } from 'zustand';
import { create } from 'zustand';

/**
 * Control-plane state of the one workshop this page shows, built from typed slices
 * (zustand slices pattern). React reads it with narrow selectors; the socket wrapper in
 * `controlSocket.ts` writes it through `getState()`.
 */
export type ConnectionStatus = 'connecting' | 'connected' | 'disconnected';

export interface ConnectionSlice {
  status: ConnectionStatus;
  /** A refusal from the server (bad token): the page stops retrying and says so. */
  problem: ApiError | null;
  setStatus: (status: ConnectionStatus) => void;
  setProblem: (problem: ApiError | null) => void;
}

export interface WorkshopSlice {
  workshop: WorkshopState | null;
  me: Me | null;
  setWorkshop: (workshop: WorkshopState, me?: Me) => void;
}

export interface ClockSlice {
  /** serverNow − clientNow in ms, measured by round trips; added to Date.now() to render timers. */
  offsetMs: number;
  setOffset: (offsetMs: number) => void;
}

export type ControlStore = ConnectionSlice & WorkshopSlice & ClockSlice & { reset: () => void };

type Slice<T> = StateCreator<ControlStore, [], [], T>;

const createConnectionSlice: Slice<ConnectionSlice> = (set) => ({
  status: 'connecting',
  problem: null,
  setStatus: (status) => set({ status }),
  setProblem: (problem) => set({ problem }),
});

const createWorkshopSlice: Slice<WorkshopSlice> = (set) => ({
  workshop: null,
  me: null,
  setWorkshop: (workshop, me) => set(me ? { workshop, me } : { workshop }),
});

const createClockSlice: Slice<ClockSlice> = (set) => ({
  offsetMs: 0,
  setOffset: (offsetMs) => set({ offsetMs }),
});

const INITIAL = {
  status: 'connecting',
  problem: null,
  workshop: null,
  me: null,
  offsetMs: 0,
} satisfies Partial<ControlStore>;

export const useControlStore = create<ControlStore>()((...a) => ({
  ...createConnectionSlice(...a),
  ...createWorkshopSlice(...a),
  ...createClockSlice(...a),
  reset: () => a[0](INITIAL),
}));
