import type {
  Ack,
  ApiError,
  AssignmentPreview,
  ClientToServerEvents,
  CommandAck,
  CommandInput,
  ParticipantCommandInput,
  ServerToClientEvents,
  WorkshopState,
} from '@warsztat/shared';
import type { Socket } from 'socket.io-client';
import { io } from 'socket.io-client';
import { forgetParticipantOnDevice, workshopOfRememberedToken } from '../api/deviceData';
import { forgetLocalBoards } from '../sync/localCopies';
import { useControlStore } from './controlStore';
import { forgetLastState, loadLastState, saveLastState } from './lastState';

/**
 * Transport wrapper for the control plane (socket.io, same origin, default path).
 * Flow: connect with `auth.token` → server emits `state(state, me)` now and after every change;
 * on a bad token it emits `problem(error)` and disconnects. Commands go out as
 * `command(cmd, ack)` (facilitators) or `participant(cmd, ack)` (participants); the ack carries the
 * new state. Every (re)connect — recovered or not — gets a full `state` from the server, so a
 * participant who lost Wi-Fi is back in its group without asking; the clock offset is then
 * re-measured with a few `clock` round trips, keeping the sample with the shortest round trip.
 */
type ControlSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Round trips per clock measurement; the fastest one wins. */
const CLOCK_SAMPLES = 3;
/** How long a command waits for its ack before the UI reports a network failure. */
export const COMMAND_TIMEOUT_MS = 10_000;

let socket: ControlSocket | null = null;

function measureOnce(s: ControlSocket): Promise<{ offset: number; rtt: number } | null> {
  return new Promise((resolve) => {
    const t0 = Date.now();
    s.timeout(COMMAND_TIMEOUT_MS).emit('clock', (err: Error | null, serverNow: number) => {
      const t1 = Date.now();
      if (err || typeof serverNow !== 'number') return resolve(null);
      resolve({ offset: serverNow - (t0 + t1) / 2, rtt: t1 - t0 });
    });
  });
}

async function measureClock(s: ControlSocket): Promise<void> {
  let best: { offset: number; rtt: number } | null = null;
  for (let i = 0; i < CLOCK_SAMPLES; i++) {
    const sample = await measureOnce(s);
    if (sample && (!best || sample.rtt < best.rtt)) best = sample;
  }
  if (best && socket === s) useControlStore.getState().setOffset(Math.round(best.offset));
}

/** Ms before connecting again after the server said its database is unavailable. */
const UNAVAILABLE_RETRY_MS = 3_000;

/** Opens the control connection for `token`; returns a function that closes it and clears the store. */
export function connectControl(token: string): () => void {
  const store = useControlStore.getState();
  store.reset();
  const s: ControlSocket = io({ auth: { token }, transports: ['websocket', 'polling'] });
  socket = s;

  s.on('connect', () => {
    useControlStore.getState().setStatus('connected');
    void measureClock(s);
  });
  s.on('disconnect', () => useControlStore.getState().setStatus('disconnected'));
  // No server (offline reload): draw from the last state seen, until the server answers.
  const fallBackToLastState = () => {
    if (socket !== s || useControlStore.getState().workshop) return;
    const saved = loadLastState(token);
    if (saved) useControlStore.getState().setWorkshop(saved.workshop, saved.me);
  };
  if (typeof navigator !== 'undefined' && navigator.onLine === false) fallBackToLastState();
  s.io.on('reconnect_attempt', () => useControlStore.getState().setStatus('connecting'));
  s.on('connect_error', (err) => {
    // A refusal from the server's middleware is final (socket.active is false); a network
    // failure is retried by socket.io itself. `unavailable` (the server's database is down) is
    // a refusal too, but a passing one: try again after a pause.
    if (!s.active && err.message === 'unavailable') {
      useControlStore.getState().setStatus('connecting');
      setTimeout(() => {
        if (socket === s && !s.connected) s.connect();
      }, UNAVAILABLE_RETRY_MS);
      return;
    }
    if (!s.active) {
      forgetLastState(token);
      // A dead link (erased, revoked or deleted while this device was away, issue #19): clear
      // what this browser kept of that workshop, as an open device does when told.
      const workshopId = err.message === 'unauthorized' ? workshopOfRememberedToken(token) : null;
      if (workshopId) {
        void forgetLocalBoards(workshopId);
        forgetParticipantOnDevice(workshopId, token);
      }
      useControlStore.getState().setProblem({ code: 'unauthorized', message: err.message });
    } else {
      fallBackToLastState();
    }
    useControlStore.getState().setStatus('disconnected');
  });
  s.on('state', (state, me) => {
    useControlStore.getState().setWorkshop(state, me);
    saveLastState(token, state, me);
  });
  s.on('problem', (error) => {
    const workshopId = useControlStore.getState().workshop?.id;
    if (error.code === 'unauthorized') forgetLastState(token);
    if (error.code === 'unauthorized' && workshopId) {
      // Revoked, erased or deleted (issue #19): nothing of it stays on this device.
      void forgetLocalBoards(workshopId);
      forgetParticipantOnDevice(workshopId, token);
    }
    useControlStore.getState().setProblem(error);
    s.disconnect();
  });

  return () => {
    s.removeAllListeners();
    s.io.removeAllListeners();
    s.disconnect();
    if (socket === s) socket = null;
    useControlStore.getState().reset();
  };
}

export type CommandResult =
  | { ok: true; state: WorkshopState; preview?: AssignmentPreview }
  | { ok: false; error: ApiError | { code: 'network' } };

/** Sends one facilitator command; the new state from the ack is applied right away. */
export function sendCommand(command: CommandInput): Promise<CommandResult> {
  const s = socket;
  if (!s?.connected) return Promise.resolve({ ok: false, error: { code: 'network' } });
  return new Promise((resolve) => {
    s.timeout(COMMAND_TIMEOUT_MS).emit('command', command, (err: Error | null, answer: CommandAck) => {
      if (err) return resolve({ ok: false, error: { code: 'network' } });
      if (!answer.ok) return resolve({ ok: false, error: answer.error });
      useControlStore.getState().setWorkshop(answer.state);
      resolve(
        answer.preview ? { ok: true, state: answer.state, preview: answer.preview } : { ok: true, state: answer.state },
      );
    });
  });
}

/** Sends one participant command (help, choose a group, rapporteur self-pick). */
export function sendParticipantCommand(command: ParticipantCommandInput): Promise<CommandResult> {
  const s = socket;
  if (!s?.connected) return Promise.resolve({ ok: false, error: { code: 'network' } });
  return new Promise((resolve) => {
    s.timeout(COMMAND_TIMEOUT_MS).emit(
      'participant',
      command,
      (err: Error | null, answer: Ack<{ state: WorkshopState }>) => {
        if (err) return resolve({ ok: false, error: { code: 'network' } });
        if (!answer.ok) return resolve({ ok: false, error: answer.error });
        useControlStore.getState().setWorkshop(answer.state);
        resolve({ ok: true, state: answer.state });
      },
    );
  });
}
