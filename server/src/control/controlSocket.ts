import type { Server as HttpServer } from 'node:http';
import {
  type ClientToServerEvents,
  Command,
  ErrorCode,
  MAX_COMMAND_BYTES,
  type ServerToClientEvents,
} from '@warsztat/shared';
import { Server, type Socket } from 'socket.io';
import type { TokenRecord, WorkshopRecord } from '../persistence/Store.js';
import { meFor, viewerFor, viewFor } from './views.js';
import type { WorkshopService } from './WorkshopService.js';

interface SocketData {
  token: TokenRecord;
  rawToken: string;
}

type ControlSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

const roomOf = (workshopId: string) => `w:${workshopId}`;

/**
 * Control plane over socket.io (DESIGN §2): authenticates by capability token at connect, sends
 * each socket the state its role may see after every change, and runs facilitator commands
 * through the same service the REST mirror uses.
 */
export function attachControlSocket(
  httpServer: HttpServer,
  service: WorkshopService,
  isOriginAllowed: (origin: string | undefined, host: string | undefined) => boolean,
): Server {
  const io = new Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>(httpServer, {
    maxHttpBufferSize: MAX_COMMAND_BYTES,
    serveClient: false,
    allowRequest: (req, callback) => callback(null, isOriginAllowed(req.headers.origin, req.headers.host)),
    connectionStateRecovery: { maxDisconnectionDuration: 2 * 60_000 },
  });

  io.use(async (socket, next) => {
    try {
      const raw: unknown = socket.handshake.auth?.token;
      const token = await service.resolveToken(raw);
      if (!token || typeof raw !== 'string') return next(new Error(ErrorCode.Unauthorized));
      const workshop = await service.get(token.workshopId);
      if (!workshop) return next(new Error(ErrorCode.NotFound));
      socket.data = { token, rawToken: raw };
      next();
    } catch (error) {
      next(error instanceof Error ? error : new Error(ErrorCode.Internal));
    }
  });

  const send = (socket: ControlSocket, workshop: WorkshopRecord) => {
    const viewer = viewerFor(socket.data.token, socket.data.rawToken);
    socket.emit('state', viewFor(workshop, viewer, service.onlineIn(workshop.id)), meFor(workshop, socket.data.token));
  };

  service.onChange((workshop) => {
    for (const socket of io.sockets.adapter.rooms.get(roomOf(workshop.id)) ?? []) {
      const s = io.sockets.sockets.get(socket);
      if (s) send(s, workshop);
    }
  });

  io.on('connection', async (socket) => {
    socket.on('error', () => socket.disconnect(true));
    const { token } = socket.data;
    void socket.join(roomOf(token.workshopId));
    if (token.participantId) service.setOnline(token.workshopId, token.participantId, 1);
    socket.on('disconnect', () => {
      if (token.participantId) service.setOnline(token.workshopId, token.participantId, -1);
    });

    socket.on('clock', (ack) => {
      if (typeof ack === 'function') ack(Date.now());
    });

    socket.on('command', async (payload, ack) => {
      if (typeof ack !== 'function') return;
      try {
        if (token.role !== 'facilitator') {
          return ack({ ok: false, error: { code: ErrorCode.Forbidden, message: 'Only a facilitator can do this' } });
        }
        const parsed = Command.safeParse(payload);
        if (!parsed.success) {
          return ack({
            ok: false,
            error: { code: ErrorCode.BadRequest, message: parsed.error.issues[0]?.message ?? 'Invalid command' },
          });
        }
        const result = await service.command(token.workshopId, parsed.data);
        if (!result.ok) return ack(result);
        ack({
          ok: true,
          state: viewFor(
            result.value,
            viewerFor(socket.data.token, socket.data.rawToken),
            service.onlineIn(token.workshopId),
          ),
        });
      } catch (error) {
        console.error('control command failed', error);
        ack({ ok: false, error: { code: ErrorCode.Internal, message: 'Internal error' } });
      }
    });

    const workshop = await service.get(token.workshopId);
    if (workshop) send(socket, workshop);
  });

  io.engine.on('connection_error', () => {
    // Refused handshakes (origin, size) are answered by engine.io itself; nothing to clean up.
  });
  return io;
}
