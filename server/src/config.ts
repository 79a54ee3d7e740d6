import { availableParallelism } from 'node:os';

/**
 * Every limit and setting in one place, with units in the name (STYLE §5). Environment variables
 * are the public contract (DESIGN §9) and documented in the README.
 */
export interface Config {
  port: number;
  /** `sqlite:<path>` or `postgres://…`. */
  databaseUrl: string;
  redisUrl: string | null;
  /** Built client to serve; null serves the API only. */
  clientDist: string | null;
  /** Origins allowed to open sync and control sockets; empty allows same-host only. */
  allowedOrigins: string[];
  limits: Limits;
}

export interface Limits {
  /** Largest y-websocket message accepted; larger ones close the socket with 4413. */
  maxSyncMessageBytes: number;
  /** Sustained sync messages per second per connection (token bucket, burst = 4×). */
  syncMessagesPerSecond: number;
  /**
   * Sustained awareness messages per second per connection (own token bucket, burst = 4×). Over it,
   * awareness messages are dropped and counted (`warsztat_sync_awareness_rate_limited_total`), the
   * socket stays: a stock provider echoes about one message per coalesced broadcast (≤ 10/s).
   */
  awarenessMessagesPerSecond: number;
  /** Ms a sync socket may wait for its token to be checked before it is closed. */
  syncAuthTimeoutMs: number;
  /** Ms a doc stays in memory after its last connection left. */
  docUnloadGraceMs: number;
  /**
   * Log rows after which the doc is compacted into a snapshot. A row holds one group commit's
   * updates, merged (up to MERGE_AT_MOST of them): one edit when typing, dozens on a busy board.
   */
  compactAfterUpdates: number;
  /**
   * Structs per stored snapshot part and per imported log entry (issue #14): a board is loaded one
   * part per event-loop turn, so this bounds the turn (about 5 µs a struct, far more on a busy machine).
   */
  snapshotSegmentStructs: number;
  /**
   * Group-commit window (issue #18): a board's next flush waits until this many ms after its
   * previous one, so a busy board stores and broadcasts many edits in one transaction and one write
   * per socket. A first edit after a quiet spell goes out on the next turn. 0 flushes every turn.
   */
  syncCommitWindowMs: number;
  /**
   * Stored size from which a board's newcomers get it in its stored parts, one sync update each,
   * rather than one update encoded from the live doc (issue #14: that encoding is one synchronous
   * step, 140–190 ms at the 16 MiB quota). Below it the single update is cheaper.
   */
  partedSyncFromBytes: number;
  /** Bytes queued to one sync socket before it is treated as a slow consumer (closed 1013, resyncs on reconnect). */
  maxBufferedBytes: number;
  /** Open sync sockets per workshop (a 60-person workshop with projectors needs ~100). */
  maxSyncConnectionsPerWorkshop: number;
  /** Ms a workshop with no open socket stays in memory after its last use (it reloads from the store). */
  workshopIdleMs: number;
  /** Largest HTTP JSON body. */
  maxHttpBodyBytes: number;
  /** Largest workshop export accepted by `POST /api/workshops/import` (the only route with a larger body). */
  maxImportBytes: number;
  /** Joins per join code per minute (per code, not per IP: a venue shares one NAT). */
  joinsPerCodePerMinute: number;
  /**
   * Workshop imports per client address per hour: each may carry 20 MiB that the server parses and
   * stores, so an open door must not take them without bound. An organiser restores a handful.
   */
  importsPerAddressPerHour: number;
  /**
   * Imports one client address may have running at once (reading, decoding, storing); more get
   * 429 at once, so one address cannot fill the decode queue that everyone's imports and reports share.
   */
  importsInFlightPerAddress: number;
  /**
   * Worker threads that parse imports and render reports off the event loop (issue #14), started on
   * demand and stopped after a minute idle; default one less than the cores, 1–2.
   */
  decodeThreads: number;
  /** Imports and reports waiting for a worker at most; past it they are answered 503 `unavailable` at once. */
  decodeQueueLength: number;
  /** Ms between retention sweeps, which delete workshops past their retention period (also run at start). */
  retentionSweepMs: number;
  /** New workshops per client address per hour (each is held in memory for half an hour); more get 429. */
  createsPerAddressPerHour: number;
  /**
   * Failed joins (a code that matches no open workshop) per client address per minute; past it the
   * address gets 429 on joins for the rest of the minute. Only failures count, so 60 people behind
   * one venue NAT joining with the right code never touch it.
   */
  failedJoinsPerAddressPerMinute: number;
  /** Commands per control socket per second (over a 4 s window); more are answered 429. */
  commandsPerControlSocketPerSecond: number;
  /**
   * Deepest shared type an update may create (a root type is 1, a card 2, its text 3; TipTap's
   * nested lists add two per level). Deeper updates are refused with 4422 before they are applied:
   * Yjs and every reader recurse once per level (issue #14).
   */
  maxTypeDepth: number;
  /** Structs in one update (each costs a few µs to apply); more are refused with 4422. */
  maxStructsPerUpdate: number;
  /** Delete ranges in one update; more are refused with 4422. */
  maxDeleteRangesPerUpdate: number;
  /** Bytes a board may store (snapshot plus log, as last measured); updates past it get 4409. */
  boardQuotaBytes: number;
  /**
   * Update bytes per second one token may send over all its sync sockets (averaged over a 4 s
   * window, so one full-size message fits); past it the socket is closed with 4429. Decoding costs
   * about 85 ms per MiB, so this bounds the CPU one participant can take.
   */
  syncUpdateBytesPerSecondPerToken: number;
  /**
   * Bytes and count of updates one sync socket may hold while they wait for content they refer to
   * (a reconnecting provider's edits that overtake its sync step 2); past either, 4422.
   */
  maxHeldUpdateBytesPerSocket: number;
  maxHeldUpdatesPerSocket: number;
  /** Open sync sockets per participant token (a phone and a laptop, a few tabs each); more get 1013. */
  maxSyncSocketsPerParticipant: number;
  /** Open sync sockets per facilitator, co-facilitator or projector token (every board at once). */
  maxSyncSocketsPerStaffToken: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxSyncMessageBytes: 1_048_576,
  syncMessagesPerSecond: 100,
  awarenessMessagesPerSecond: 20,
  syncAuthTimeoutMs: 10_000,
  docUnloadGraceMs: 30_000,
  compactAfterUpdates: 500,
  snapshotSegmentStructs: 5_000,
  syncCommitWindowMs: 4,
  partedSyncFromBytes: 1_048_576,
  maxBufferedBytes: 8 * 1_048_576,
  maxSyncConnectionsPerWorkshop: 1_000,
  workshopIdleMs: 30 * 60_000,
  maxHttpBodyBytes: 16_384,
  maxImportBytes: 20 * 1_048_576,
  joinsPerCodePerMinute: 120,
  importsPerAddressPerHour: 30,
  importsInFlightPerAddress: 2,
  decodeThreads: Math.max(1, Math.min(2, availableParallelism() - 1)),
  decodeQueueLength: 8,
  retentionSweepMs: 3_600_000,
  createsPerAddressPerHour: 20,
  failedJoinsPerAddressPerMinute: 20,
  commandsPerControlSocketPerSecond: 10,
  maxTypeDepth: 64,
  maxStructsPerUpdate: 10_000,
  maxDeleteRangesPerUpdate: 10_000,
  boardQuotaBytes: 16 * 1_048_576,
  syncUpdateBytesPerSecondPerToken: 1_048_576,
  maxHeldUpdateBytesPerSocket: 1_048_576,
  maxHeldUpdatesPerSocket: 256,
  maxSyncSocketsPerParticipant: 8,
  maxSyncSocketsPerStaffToken: 64,
};

/** A non-negative integer from the environment, or the default when unset. */
function nonNegativeInt(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer, got ${raw}`);
  return value;
}

/** A positive integer from the environment, or the default when unset. */
function positiveInt(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer, got ${raw}`);
  return value;
}

export function configFromEnv(env: NodeJS.ProcessEnv, defaults: { clientDist: string | null }): Config {
  const port = Number.parseInt(env.PORT ?? '3000', 10);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be 0–65535, got ${env.PORT}`);
  return {
    port,
    databaseUrl: env.DATABASE_URL || 'sqlite:./data/warsztat.db',
    redisUrl: env.REDIS_URL || null,
    clientDist: env.CLIENT_DIST ?? defaults.clientDist,
    allowedOrigins: (env.ALLOWED_ORIGINS ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    limits: {
      ...DEFAULT_LIMITS,
      boardQuotaBytes: positiveInt(env, 'BOARD_QUOTA_BYTES', DEFAULT_LIMITS.boardQuotaBytes),
      syncCommitWindowMs: nonNegativeInt(env, 'SYNC_COMMIT_WINDOW_MS', DEFAULT_LIMITS.syncCommitWindowMs),
      partedSyncFromBytes: positiveInt(env, 'PARTED_SYNC_FROM_BYTES', DEFAULT_LIMITS.partedSyncFromBytes),
      snapshotSegmentStructs: positiveInt(env, 'SNAPSHOT_SEGMENT_STRUCTS', DEFAULT_LIMITS.snapshotSegmentStructs),
      retentionSweepMs: positiveInt(env, 'RETENTION_SWEEP_MS', DEFAULT_LIMITS.retentionSweepMs),
    },
  };
}
