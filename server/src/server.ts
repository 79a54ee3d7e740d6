import { existsSync } from 'node:fs';
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import express from 'express';
import helmet from 'helmet';
import { type Config, DEFAULT_LIMITS } from './config.js';
import { createControlPlane } from './control/ControlPlane.js';
import { attachControlSocket, hasControlSockets } from './control/controlSocket.js';
import { markBoardFull } from './control/fullBoards.js';
import type { WorkshopService } from './control/WorkshopService.js';
import { apiRouter } from './http/api.js';
import { styleNonce } from './http/cspNonce.js';
import { errorHandler } from './http/errors.js';
import { Metrics } from './http/metrics.js';
import { compressDynamic, serveClient } from './http/staticClient.js';
import { planeLog } from './log.js';
import { DecodePool } from './offthread/DecodePool.js';
import { openStore } from './persistence/openStore.js';
import type { Store } from './persistence/Store.js';
import { RetentionSweep } from './privacy/RetentionSweep.js';
import { authorizeDoc } from './sync/authorizeDoc.js';
import { SyncServer } from './sync/SyncServer.js';

export interface RunningServer {
  url: string;
  port: number;
  httpServer: HttpServer;
  /** The control plane's core (tests read the cache through it). */
  service: WorkshopService;
  /** The store this server writes to (tests read the audit log through it). */
  store: Store;
  sync: SyncServer;
  /** Runs one retention sweep now (it also runs at start and every `retentionSweepMs`); resolves with the deleted ids. */
  sweepRetention(): Promise<string[]>;
  close(): Promise<void>;
}

export type ServerOptions = Partial<Omit<Config, 'limits'>> & {
  limits?: Partial<Config['limits']>;
  /** The server's clock (epoch ms); tests stand a year later without waiting. */
  clock?: () => number;
};

/** Same-host requests always pass; other origins only when listed (ALLOWED_ORIGINS). */
function originCheck(allowed: string[]) {
  return (origin: string | undefined, host: string | undefined): boolean => {
    if (!origin) return true; // non-browser clients (tests, scripts) send no Origin
    if (allowed.includes(origin)) return true;
    try {
      return new URL(origin).host === host;
    } catch {
      return false;
    }
  };
}

/** Starts all three planes on one port. `port: 0` picks a free one (tests). */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const config: Config = {
    port: options.port ?? 3000,
    databaseUrl: options.databaseUrl ?? 'sqlite:./data/warsztat.db',
    redisUrl: options.redisUrl ?? null,
    clientDist: options.clientDist ?? null,
    allowedOrigins: options.allowedOrigins ?? [],
    limits: { ...DEFAULT_LIMITS, ...options.limits },
  };
  const store = await openStore(config.databaseUrl);
  const clock = options.clock ?? Date.now;
  const control = createControlPlane(store, clock);
  const service = control.workshops;
  // Multi-node mode (DESIGN §5): Redis relays boards, control changes and presence between nodes.
  // Its modules (and ioredis) are loaded only then: a single node never holds them in memory.
  const clustering = config.redisUrl ? await import('./cluster/index.js') : null;
  const cluster = clustering && config.redisUrl ? await clustering.Cluster.connect(config.redisUrl) : null;
  const relay = clustering && cluster ? new clustering.RedisDocRelay(cluster) : null;
  const isOriginAllowed = originCheck(config.allowedOrigins);
  const decode = new DecodePool({ maxThreads: config.limits.decodeThreads, maxQueue: config.limits.decodeQueueLength });

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          connectSrc: ["'self'", 'ws:', 'wss:'],
          imgSrc: ["'self'", 'data:'],
          // Stylesheets from this origin, plus the `<style>` elements the client injects at run time
          // (Radix dialogs' scroll lock) when they carry this answer's nonce. No 'unsafe-inline'.
          styleSrc: ["'self'", (_req, res) => `'nonce-${styleNonce(res)}'`],
          scriptSrc: ["'self'"],
          objectSrc: ["'none'"],
          frameAncestors: ["'none'"],
          upgradeInsecureRequests: null,
        },
      },
      // Served over plain HTTP on a LAN at many venues; HSTS would lock them out.
      strictTransportSecurity: false,
    }),
  );
  compressDynamic(app);
  // 200 while this node can serve, 503 when the store is down (load balancers and monitoring read
  // the status; people read the JSON). A node whose Redis is down still serves the boards it holds,
  // so it stays at 200 and says it is degraded: `ok: false, redis: 'down'`.
  app.get('/healthz', async (_req, res) => {
    const storeUp = await store.ping();
    const redis = cluster ? (cluster.healthy ? 'up' : 'down') : null;
    res.status(storeUp ? 200 : 503).json({
      ok: storeUp && redis !== 'down',
      store: storeUp ? 'up' : 'down',
      ...(redis ? { redis } : {}),
    });
  });
  const metrics = new Metrics(() => sync.stats, cluster ? () => cluster.healthy : null);
  app.get('/metrics', async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  app.use(
    '/api',
    apiRouter(control, {
      maxBodyBytes: config.limits.maxHttpBodyBytes,
      maxImportBytes: config.limits.maxImportBytes,
      joinsPerCodePerMinute: config.limits.joinsPerCodePerMinute,
      importsPerAddressPerHour: config.limits.importsPerAddressPerHour,
      importsInFlightPerAddress: config.limits.importsInFlightPerAddress,
      snapshotSegmentStructs: config.limits.snapshotSegmentStructs,
      createsPerAddressPerHour: config.limits.createsPerAddressPerHour,
      failedJoinsPerAddressPerMinute: config.limits.failedJoinsPerAddressPerMinute,
      redis: cluster?.pub ?? null,
      // `sync` is created below, once the HTTP server exists; reports run long after that.
      readStored: (docName) => sync.readStored(docName),
      decode,
    }),
  );
  const dist = config.clientDist;
  if (dist && existsSync(join(dist, 'index.html'))) {
    serveClient(app, dist);
  }
  app.use(errorHandler);

  const httpServer = createServer(app);
  httpServer.on('clientError', (_error, socket) => socket.destroy());
  const sync = new SyncServer(
    store,
    (token, docName) => authorizeDoc(service, token, docName),
    config.limits,
    isOriginAllowed,
    {
      persisted: (updates, bytes) => metrics.recordPersisted(updates, bytes),
      closed: (code) => metrics.recordClose(code),
      // The console names the full board (issue #14); recorded once, in the workshop's state.
      boardFull: (docName) => void markBoardFull(service, docName),
    },
    relay,
    // Compactions merge on the decode pool: about a second for a board at its quota (issue #14).
    (snapshot, updates) =>
      decode.run({ type: 'compact', snapshot, updates, maxStructs: config.limits.snapshotSegmentStructs }),
  );
  sync.attach(httpServer);
  // Rights follow the workshop: a move, a removal or a deleted group closes affected sockets at once.
  service.onChange((workshop) => sync.revalidate(workshop.id));
  control.deletion.onDelete((workshopId) => sync.dropWorkshop(workshopId));
  // No socket.io adapter, on one node or many: nothing is broadcast through socket.io rooms (each
  // socket gets its role's view from the node it is on), and other nodes' changes arrive through
  // WorkshopBus (DESIGN §5).
  const io = attachControlSocket(httpServer, control, isOriginAllowed, config.limits.commandsPerControlSocketPerSecond);
  const bus = clustering && cluster ? await clustering.WorkshopBus.start(cluster, control) : null;
  const evictTimer = setInterval(
    () => service.evictIdle(config.limits.workshopIdleMs, (id) => hasControlSockets(io, id) || sync.hasConnections(id)),
    Math.min(60_000, Math.max(10, config.limits.workshopIdleMs / 2)),
  );
  evictTimer.unref();
  const retention = new RetentionSweep(
    store,
    control.deletion,
    config.limits.retentionSweepMs,
    clock,
    control.workshops,
  );

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.port, () => {
      httpServer.off('error', reject);
      resolve();
    });
  });
  httpServer.on('error', (error) => planeLog('http').error({ err: error }, 'server error'));
  retention.start();
  const port = (httpServer.address() as AddressInfo).port;

  let closing: Promise<void> | null = null;
  return {
    url: `http://localhost:${port}`,
    port,
    httpServer,
    service,
    store,
    sync,
    sweepRetention: () => retention.sweep(),
    close: () => {
      closing ??= (async () => {
        clearInterval(evictTimer);
        await retention.dispose();
        control.dispose();
        await sync.close();
        await io.close();
        bus?.close();
        relay?.close();
        await cluster?.close();
        httpServer.closeAllConnections();
        await new Promise<void>((resolve) => httpServer.close(() => resolve()));
        await decode.close();
        await store.close();
      })();
      return closing;
    },
  };
}
