import type { Server as HttpServer, IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { CloseCode } from '@warsztat/shared';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { WebSocketServer } from 'ws';
import * as Y from 'yjs';
import type { Limits } from '../config.js';
import { docFields, planeLog } from '../log.js';
import { loggable, type MergeDoc, type Store } from '../persistence/Store.js';
import { type AwarenessCounters, newAwarenessCounters } from './AwarenessHub.js';
import type { Authorize, Granted } from './authorization.js';
import { inProcessMerge } from './mergeDoc.js';
import type { DocRelay } from './relay.js';
import { type PersistedListener, SharedDoc } from './SharedDoc.js';
import { SyncConnection } from './SyncConnection.js';
import { wsTransport } from './transport.js';

/** What the sync plane reports for metrics. */
export interface SyncEvents {
  persisted: PersistedListener;
  /** A socket closed by the server, with its close code. */
  closed(code: number): void;
  /** A write was refused because the board reached its quota (the console names the board). */
  boardFull?(docName: string): void;
}

const log = planeLog('sync');

export const SYNC_PATH_PREFIX = '/sync/';

/** How long a shutdown waits for clients to answer the 1012 close before cutting them off. */
const CLOSE_HANDSHAKE_GRACE_MS = 1_000;

/**
 * Decoding never throws: this runs inside the upgrade handler, where a throw (a URIError from
 * "%E0%A4%A") is an uncaught exception that ends the process. A name that does not decode is kept
 * as sent and matches no document, so the socket is refused like any other stranger's (4403).
 */
function docNameOf(pathname: string): string {
  const raw = pathname.slice(SYNC_PATH_PREFIX.length);
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/**
 * The sync plane (DESIGN §2): a y-websocket endpoint at /sync/<docName>. Upgrades are accepted,
 * then refused with a close code, because browsers see an HTTP refusal only as 1006.
 */
export class SyncServer {
  private readonly wss: WebSocketServer;
  private readonly docs = new Map<string, Promise<SharedDoc>>();
  private readonly unloadTimers = new Map<string, NodeJS.Timeout>();
  private readonly connections = new Set<SyncConnection>();
  /** Authorised sockets per workshop: for the cap and for revalidation after a change. */
  private readonly byWorkshop = new Map<string, Set<SyncConnection>>();
  /** Presence work of every doc of this server, for /metrics. */
  private readonly awarenessCounters = newAwarenessCounters();
  /** Authorised sockets per token (its stored hash): for the per-token cap. */
  private readonly byHolder = new Map<string, Set<SyncConnection>>();
  /**
   * Update bytes per token over a 4 s window (rate-limiter-flexible; entries expire with the
   * window, so the map holds only tokens that wrote in the last 4 s).
   */
  private readonly updateBudget: RateLimiterMemory;

  constructor(
    private readonly store: Store,
    private readonly authorize: Authorize,
    private readonly limits: Limits,
    private readonly isOriginAllowed: (origin: string | undefined, host: string | undefined) => boolean,
    private readonly events: SyncEvents = { persisted: () => {}, closed: () => {} },
    /** Other nodes holding the same boards (multi-node mode); null on a single node. */
    private readonly relay: DocRelay | null = null,
    /** How boards are compacted: on the decode pool in the server (issue #14), in-process otherwise. */
    private readonly merge: MergeDoc = inProcessMerge(limits.snapshotSegmentStructs),
  ) {
    this.updateBudget = new RateLimiterMemory({ points: limits.syncUpdateBytesPerSecondPerToken * 4, duration: 4 });
    // Our own size check answers 4413; ws's maxPayload is only the hard stop (1009) far above it.
    this.wss = new WebSocketServer({
      noServer: true,
      maxPayload: limits.maxSyncMessageBytes * 4,
      perMessageDeflate: false,
      handleProtocols: (protocols) => protocols.values().next().value ?? false,
    });
    this.wss.on('error', (error) => log.error({ err: error }, 'server error'));
  }

  attach(httpServer: HttpServer): void {
    httpServer.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      if (!req.url?.startsWith(SYNC_PATH_PREFIX)) return; // socket.io handles its own path
      socket.on('error', () => socket.destroy());
      if (!this.isOriginAllowed(req.headers.origin, req.headers.host)) {
        socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
        return;
      }
      this.wss.handleUpgrade(req, socket, head, (ws) => {
        const url = new URL(req.url ?? '/', 'http://localhost');
        const docName = docNameOf(url.pathname);
        const headerToken = req.headers['sec-websocket-protocol']?.split(',')[0]?.trim() || null;
        const token = url.searchParams.get('token') ?? headerToken;
        const connection = new SyncConnection(
          wsTransport(ws),
          docName,
          this.limits,
          {
            authorize: () => this.authorize(token, docName),
            admit: (c, auth) => this.admit(c, auth),
            spend: (holder, bytes) => this.spend(holder, bytes),
            openDoc: () => this.open(docName),
            release: (doc) => this.release(doc),
            closed: (code) => this.events.closed(code),
            boardFull: () => this.events.boardFull?.(docName),
            awarenessRateLimited: () => {
              this.awarenessCounters.rateLimited++;
            },
          },
          url.searchParams.get('saved') === '1',
        );
        this.connections.add(connection);
        ws.once('close', () => {
          this.connections.delete(connection);
          const workshopId = connection.auth?.workshopId;
          const set = workshopId ? this.byWorkshop.get(workshopId) : undefined;
          if (workshopId && set?.delete(connection) && set.size === 0) this.byWorkshop.delete(workshopId);
          const holder = connection.auth?.holder;
          const own = holder ? this.byHolder.get(holder) : undefined;
          if (holder && own?.delete(connection) && own.size === 0) this.byHolder.delete(holder);
        });
      });
    });
  }

  /**
   * A board as stored, for reports and exports: an independent copy (the live doc is never handed
   * out), taken after everything accepted so far is durable. An unloaded board is read from the
   * store without being loaded into the sync plane.
   */
  async readDoc(name: string): Promise<Y.Doc> {
    const copy = new Y.Doc();
    for (const update of await this.readStored(name)) Y.applyUpdate(copy, update);
    return copy;
  }

  /**
   * The same as stored updates (snapshot parts first), for a worker to apply (offthread/, issue #14): a
   * loaded board is read back from the store once everything it accepted is durable, so the main
   * thread neither encodes nor decodes a board at the quota.
   */
  async readStored(name: string): Promise<Uint8Array[]> {
    await (await this.docs.get(name))?.whenDurable();
    const stored = await this.store.loadDoc(name);
    return [...stored.snapshot, ...stored.updates];
  }

  /**
   * Counts a socket against its token's cap and its workshop's cap; returns why it is refused, or
   * null. The token cap comes first, so one token can never take the whole workshop's sockets
   * (issue #14): everyone else keeps getting in.
   */
  private admit(connection: SyncConnection, auth: Granted): string | null {
    const own = openSet(this.byHolder, auth.holder);
    const perToken = auth.staff ? this.limits.maxSyncSocketsPerStaffToken : this.limits.maxSyncSocketsPerParticipant;
    if (own.size >= perToken) return 'token connection limit';
    const set = openSet(this.byWorkshop, auth.workshopId);
    if (set.size >= this.limits.maxSyncConnectionsPerWorkshop) return 'workshop connection limit';
    own.add(connection);
    set.add(connection);
    return null;
  }

  /** Takes `bytes` from the token's update budget; false once it is spent. */
  private async spend(holder: string, bytes: number): Promise<boolean> {
    try {
      await this.updateBudget.consume(holder, Math.max(1, bytes));
      return true;
    } catch (error) {
      if (error instanceof RateLimiterRes) return false;
      throw error;
    }
  }

  /** True while any authorised sync socket of the workshop is open. */
  hasConnections(workshopId: string): boolean {
    return (this.byWorkshop.get(workshopId)?.size ?? 0) > 0;
  }

  /**
   * The workshop changed: sockets whose link was rotated (4401) or that lost their read right
   * (4403) are closed at once. Another node's change arrives here through the workshop bus too.
   */
  revalidate(workshopId: string): void {
    for (const connection of this.byWorkshop.get(workshopId) ?? []) connection.revalidate();
  }

  /**
   * The workshop was deleted (issue #19): its sockets close with 4401 (the token is gone) and its
   * docs leave memory without being compacted or saved again, so nothing of it is written after
   * the store's delete. Updates accepted before are made durable first and deleted with the rest.
   */
  async dropWorkshop(workshopId: string): Promise<void> {
    for (const connection of this.byWorkshop.get(workshopId) ?? []) {
      connection.close(CloseCode.Unauthorized, 'workshop deleted');
    }
    this.byWorkshop.delete(workshopId);
    const prefix = `${workshopId}.`;
    const names = [...this.docs.keys()].filter((name) => name.startsWith(prefix));
    await Promise.all(
      names.map(async (name) => {
        const loading = this.docs.get(name);
        this.docs.delete(name);
        const timer = this.unloadTimers.get(name);
        if (timer) clearTimeout(timer);
        this.unloadTimers.delete(name);
        const doc = await loading?.catch(() => null);
        if (!doc) return;
        await doc.whenDurable().catch(() => {});
        doc.fail(CloseCode.Unauthorized, 'workshop deleted');
      }),
    );
  }

  private open(name: string): Promise<SharedDoc> {
    const timer = this.unloadTimers.get(name);
    if (timer) {
      clearTimeout(timer);
      this.unloadTimers.delete(name);
    }
    let loading = this.docs.get(name);
    if (!loading) {
      loading = SharedDoc.load(
        name,
        this.store,
        this.limits,
        this.events.persisted,
        this.relay,
        this.awarenessCounters,
        this.merge,
      );
      this.docs.set(name, loading);
      // A doc whose load failed is forgotten (never saved over); the next connection tries again.
      loading.then(
        (doc) => log.info({ ...docFields(name), slices: doc.loadSlices }, 'board loaded'),
        (error: unknown) => {
          log.error({ ...docFields(name), err: loggable(error) }, 'could not load a board');
          if (this.docs.get(name) === loading) this.docs.delete(name);
        },
      );
    }
    return loading;
  }

  private release(doc: SharedDoc): void {
    if (doc.isFailed) {
      this.docs.delete(doc.name);
      return;
    }
    if (doc.peers.size > 0 || this.unloadTimers.has(doc.name)) return;
    const timer = setTimeout(() => {
      this.unloadTimers.delete(doc.name);
      if (doc.peers.size > 0) return;
      this.docs.delete(doc.name);
      log.info({ ...docFields(doc.name) }, 'board unloaded');
      void doc.destroy();
    }, this.limits.docUnloadGraceMs);
    timer.unref();
    this.unloadTimers.set(doc.name, timer);
  }

  get stats(): { docs: number; connections: number; awareness: AwarenessCounters } {
    return { docs: this.docs.size, connections: this.connections.size, awareness: this.awarenessCounters };
  }

  /** Drains: peers are told to reconnect (1012), then every accepted update is made durable. */
  async close(): Promise<void> {
    // Connections first: each one that leaves schedules an unload, and those timers go next.
    for (const connection of this.connections) connection.close(CloseCode.ServiceRestart, 'server restart');
    for (const timer of this.unloadTimers.values()) clearTimeout(timer);
    this.unloadTimers.clear();
    const docs = await Promise.allSettled([...this.docs.values()]);
    this.docs.clear();
    for (const result of docs) if (result.status === 'fulfilled') await result.value.destroy();
    // ws waits for every client's closing handshake (up to 30 s each); a client that never answers
    // must not hold up a restart, so stragglers are cut off after a short grace.
    const deadline = Date.now() + CLOSE_HANDSHAKE_GRACE_MS;
    while (this.wss.clients.size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    for (const client of this.wss.clients) client.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }
}

/** The set under `key`, created when missing, with sockets closed meanwhile dropped. */
function openSet(map: Map<string, Set<SyncConnection>>, key: string): Set<SyncConnection> {
  let set = map.get(key);
  if (!set) {
    set = new Set();
    map.set(key, set);
  }
  for (const c of set) if (c.isClosed) set.delete(c);
  return set;
}
