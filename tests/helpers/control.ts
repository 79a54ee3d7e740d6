import type { Ack, ClientToServerEvents, Me, ServerToClientEvents, WorkshopState } from '@warsztat/shared';
import { io, type Socket } from 'socket.io-client';
import type { Cleanup } from './cleanup.js';
import { waitFor } from './poll.js';

export type ControlSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A real socket.io client that keeps every `state` it is sent, newest last. */
export interface ControlClient {
  socket: ControlSocket;
  states: WorkshopState[];
  me: Me | null;
  /** The newest state; throws if none has arrived yet. */
  latest(): WorkshopState;
  /** Waits until the newest state satisfies `predicate` (5 s unless `timeoutMs`), and returns it. */
  waitForState(predicate: (state: WorkshopState) => boolean, what?: string, timeoutMs?: number): Promise<WorkshopState>;
}

export function controlSocket(cleanup: Cleanup, url: string, token: string): ControlSocket {
  // websocket only and no reconnection: one connection per client, nothing retries after cleanup.
  const socket: ControlSocket = io(url, { auth: { token }, transports: ['websocket'], reconnection: false });
  cleanup.add(socket, (s) => s.disconnect());
  return socket;
}

/** Connects and waits for the first `state`, which the server sends to every new socket. */
export async function connectControl(cleanup: Cleanup, url: string, token: string): Promise<ControlClient> {
  const socket = controlSocket(cleanup, url, token);
  const client: ControlClient = {
    socket,
    states: [],
    me: null,
    latest() {
      const state = client.states.at(-1);
      if (!state) throw new Error('no state received yet');
      return state;
    },
    async waitForState(predicate, what = 'state', timeoutMs = 5_000) {
      await waitFor(
        () => {
          const state = client.states.at(-1);
          return state !== undefined && predicate(state);
        },
        timeoutMs,
        what,
      );
      return client.latest();
    },
  };
  socket.on('state', (state, me) => {
    client.states.push(state);
    client.me = me;
  });
  await waitFor(() => client.states.length > 0, 5_000, 'first state on connect');
  return client;
}

export type CommandAnswer = Ack<{ state: WorkshopState }>;

/** Sends a command (any payload: malformed ones too) and resolves with the server's ack. */
export function sendCommand(socket: ControlSocket, command: unknown): Promise<CommandAnswer> {
  return socket.timeout(5_000).emitWithAck('command', command);
}

/** The state of a successful ack; a refusal fails the test with its code and message. */
export function stateOf(answer: CommandAnswer): WorkshopState {
  if (!answer.ok) throw new Error(`${answer.error.code}: ${answer.error.message}`);
  return answer.state;
}

/** Sends a participant command (help, choose, rapporteur) and resolves with the ack. */
export function participantCommand(socket: ControlSocket, command: unknown): Promise<CommandAnswer> {
  return socket.timeout(5_000).emitWithAck('participant', command);
}
