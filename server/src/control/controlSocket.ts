import type { Server as HttpServer } from 'node:http';
import {
  type Ack,
  type ClientToServerEvents,
  Command,
  ErrorCode,
  FACILITATOR_ROLES,
  MAX_COMMAND_BYTES,
  ParticipantCommand,
  type ServerToClientEvents,
  type WorkshopState,
} from '@warsztat/shared';
import { Server, type Socket } from 'socket.io';
import { isCurrentLink, type TokenRecord, type WorkshopRecord } from '../domain/workshop.js';
import { Limiter } from '../limiter.js';
import { planeLog } from '../log.js';
import { StoreUnavailableError } from '../persistence/Store.js';
import type { ControlPlane } from './ControlPlane.js';
import { schemaError, unavailable } from './result.js';
import { meFor, viewerFor, viewFor } from './views.js';

const log = planeLog('control');

interface SocketData {
  token: TokenRecord;
  rawToken: string;
}

type ControlSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/**
 * Engine-level frame cap. Larger than MAX_COMMAND_BYTES on purpose: a command between the two is
 * answered `too_large` and the socket stays usable; only a frame past this cap drops the socket,
 * which protects the server from memory abuse.
 */
export const MAX_SOCKET_FRAME_BYTES = 4 * MAX_COMMAND_BYTES;
/**
 * How long a disconnected socket's session (id, rooms) is kept on its node (connection state
 * recovery); a reconnect to another node starts afresh. Either way it is sent the full state.
 */
export const RECOVERY_WINDOW_MS = 2 * 60_000;

const roomOf = (workshopId: string) => `w:${workshopId}`;

/** True while any control socket is in the workshop's room. */
export function hasControlSockets(io: Server, workshopId: string): boolean {
  return (io.sockets.adapter.rooms.get(roomOf(workshopId))?.size ?? 0) > 0;
}

function tooLarge(payload: unknown): boolean {
  try {
    return Buffer.byteLength(JSON.stringify(payload) ?? '') > MAX_COMMAND_BYTES;
  } catch {
    return true; // not serialisable: certainly not a command
  }
}

type Refusal = { ok: false; error: { code: ErrorCode; message: string } };
const refuse = (code: ErrorCode, message: string): Refusal => ({ ok: false, error: { code, message } });

/** Ms a socket being hung up waits at most for its `problem` to be sent (normally well under one). */
const HANG_UP_GRACE_MS = 1_000;

/**
 * Says why, then hangs up once the reason has been written to the socket. With connection state
 * recovery, socket.io sends even a one-socket emit through the adapter — in multi-node mode the
 * Redis one, which delivers it a moment later — so disconnecting at once would lose the reason
 * (and the client would not know to drop its offline copies). The wait also lets an ack written
 * in this turn (a participant's own `forgetMe`) go out first.
 */
function hangUp(s: ControlSocket, problem: { code: ErrorCode; message: string }): void {
  let done = false;
  const close = () => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    s.offAnyOutgoing(sent);
    s.disconnect(true);
  };
  const sent = (event: string) => {
    if (event === 'problem') setImmediate(close);
  };
  const timer = setTimeout(close, HANG_UP_GRACE_MS);
  s.onAnyOutgoing(sent);
  s.emit('problem', problem);
}

/**
 * Control plane over socket.io (DESIGN §2): authenticates by capability token at connect, sends
 * each socket the state its role may see after every change, and runs commands through the same
 * service the REST mirror uses. Facilitators send `command`, participants `participant`; each
 * payload is size-checked, then parsed by its zod schema, before it reaches the service.
 */
export function attachControlSocket(
  httpServer: HttpServer,
  control: Pick<ControlPlane, 'workshops' | 'commands' | 'presence' | 'deletion'>,
  isOriginAllowed: (origin: string | undefined, host: string | undefined) => boolean,
  /** Commands per socket per second (over a 4 s window), issue #14; more are answered 429. */
  commandsPerSecond: number,
): Server {
  const { workshops, commands, presence, deletion } = control;
  // Per socket, in memory (a socket lives on one node); keys expire with their window. Before the
  // limit, 2,000 consent toggles from one socket made 2,000 event rows and 38,000 state pushes.
  const commandBudget = Limiter.create('command', commandsPerSecond * 4, 4, null);
  const TOO_FAST = refuse(ErrorCode.TooManyRequests, 'Too many commands from this connection; slow down');
  const io = new Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>(httpServer, {
    maxHttpBufferSize: MAX_SOCKET_FRAME_BYTES,
    serveClient: false,
    allowRequest: (req, callback) => callback(null, isOriginAllowed(req.headers.origin, req.headers.host)),
    connectionStateRecovery: { maxDisconnectionDuration: RECOVERY_WINDOW_MS },
  });

  io.use(async (socket, next) => {
    try {
      const raw: unknown = socket.handshake.auth?.token;
      const token = await workshops.resolveToken(raw);
      if (!token || typeof raw !== 'string') return next(new Error(ErrorCode.Unauthorized));
      let workshop = await workshops.get(token.workshopId);
      // The store still knows the token but this node's copy names another link: either the copy
      // is older than the rotation that minted it (another node), or it was rotated out just now.
      if (workshop && !isCurrentLink(workshop, token)) workshop = await workshops.refresh(token.workshopId);
      if (!workshop) return next(new Error(ErrorCode.NotFound));
      if (!isCurrentLink(workshop, token)) return next(new Error(ErrorCode.Unauthorized));
      socket.data = { token, rawToken: raw };
      next();
    } catch (error) {
      // `unavailable` is not final for the client: it retries the connection after a pause.
      if (error instanceof StoreUnavailableError) return next(new Error(ErrorCode.Unavailable));
      next(error instanceof Error ? error : new Error(ErrorCode.Internal));
    }
  });

  const viewOf = (socket: ControlSocket, workshop: WorkshopRecord): WorkshopState =>
    viewFor(workshop, viewerFor(socket.data.token, socket.data.rawToken), presence.onlineIn(workshop.id));
  const send = (socket: ControlSocket, workshop: WorkshopRecord) => {
    socket.emit('state', viewOf(socket, workshop), meFor(workshop, socket.data.token));
  };

  workshops.onChange((workshop) => {
    for (const socket of io.sockets.adapter.rooms.get(roomOf(workshop.id)) ?? []) {
      const s = io.sockets.sockets.get(socket);
      if (!s) continue;
      const { participantId } = s.data.token;
      if (participantId && !workshop.participants.some((p) => p.id === participantId)) {
        // Revoked by a facilitator, or erased on their own request: say why, then hang up (the token
        // no longer resolves).
        hangUp(s, { code: ErrorCode.Unauthorized, message: 'You were removed from this workshop' });
        continue;
      }
      if (!isCurrentLink(workshop, s.data.token)) {
        // Its link was rotated (issue #14), here or on another node (the bus reloads the workshop).
        hangUp(s, { code: ErrorCode.Unauthorized, message: 'This link was replaced by a new one' });
        continue;
      }
      send(s, workshop);
    }
  });

  // A deleted workshop (issue #19): every socket of it is told why, then hung up; its token is gone.
  deletion.onDelete((workshopId) => {
    for (const id of io.sockets.adapter.rooms.get(roomOf(workshopId)) ?? []) {
      const s = io.sockets.sockets.get(id);
      if (!s) continue;
      hangUp(s, { code: ErrorCode.Unauthorized, message: 'This workshop was deleted' });
    }
  });

  io.on('connection', async (socket) => {
    socket.on('error', () => socket.disconnect(true));
    const { token } = socket.data;
    void socket.join(roomOf(token.workshopId));
    if (token.participantId) presence.setOnline(token.workshopId, token.participantId, 1);
    socket.on('disconnect', () => {
      if (token.participantId) presence.setOnline(token.workshopId, token.participantId, -1);
    });

    socket.on('clock', (ack) => {
      if (typeof ack === 'function') ack(Date.now());
    });

    /** Wraps a handler so a bug answers `internal` instead of leaving the client waiting. */
    const guarded =
      <A>(handler: (payload: unknown, ack: (answer: A) => void) => Promise<void>) =>
      async (payload: unknown, ack: (answer: A) => void) => {
        if (typeof ack !== 'function') return;
        if (!(await commandBudget.take(socket.id))) return ack(TOO_FAST as A);
        try {
          await handler(payload, ack);
        } catch (error) {
          if (error instanceof StoreUnavailableError) {
            return ack(unavailable() as A);
          }
          log.error({ workshopId: socket.data.token.workshopId, err: error }, 'command failed');
          ack(refuse(ErrorCode.Internal, 'Internal error') as A);
        }
      };

    socket.on(
      'command',
      guarded(async (payload, ack) => {
        if (!FACILITATOR_ROLES.includes(token.role)) {
          return ack(refuse(ErrorCode.Forbidden, 'Only a facilitator can do this'));
        }
        if (tooLarge(payload))
          return ack(refuse(ErrorCode.TooLarge, `Commands are at most ${MAX_COMMAND_BYTES} bytes`));
        const parsed = Command.safeParse(payload);
        if (!parsed.success) return ack({ ok: false, error: schemaError(parsed.error) });
        const result = await commands.command(token.workshopId, parsed.data, token.role, socket.data.rawToken);
        if (!result.ok) return ack(result);
        const { workshop, preview } = result.value;
        ack(
          preview
            ? { ok: true, state: viewOf(socket, workshop), preview }
            : { ok: true, state: viewOf(socket, workshop) },
        );
      }),
    );

    socket.on(
      'participant',
      guarded<Ack<{ state: WorkshopState }>>(async (payload, ack) => {
        if (token.role !== 'participant' || !token.participantId) {
          return ack(refuse(ErrorCode.Forbidden, 'Only a participant can do this'));
        }
        if (tooLarge(payload))
          return ack(refuse(ErrorCode.TooLarge, `Commands are at most ${MAX_COMMAND_BYTES} bytes`));
        const parsed = ParticipantCommand.safeParse(payload);
        if (!parsed.success) return ack({ ok: false, error: schemaError(parsed.error) });
        const result = await commands.participantCommand(token.workshopId, token.participantId, parsed.data);
        if (!result.ok) return ack(result);
        ack({ ok: true, state: viewOf(socket, result.value) });
      }),
    );

    // Every (re)connection, recovered or not, starts from the full current state.
    const workshop = await workshops.get(token.workshopId);
    if (workshop) send(socket, workshop);
  });

  io.engine.on('connection_error', () => {
    // Refused handshakes (origin, size) are answered by engine.io itself; nothing to clean up.
  });
  return io;
}
