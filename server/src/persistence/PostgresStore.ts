import { workshopDocPrefix } from '@warsztat/shared';
import pg from 'pg';
import type { RetentionRow } from '../domain/retention.js';
import type { EventRecord, TokenRecord, WorkshopRecord } from '../domain/workshop.js';
import { planeLog } from '../log.js';
import { mergeDoc } from './mergeDoc.js';
import { migrate } from './postgresSchema.js';
import { insertWorkshop, updateWorkshop, writeEvent, writeMembers, writeTokens } from './postgresWrites.js';
import {
  type EventRow,
  eventFromRow,
  type GroupRow,
  groupFromRow,
  type LogRow,
  type ParticipantRow,
  participantFromRow,
  type RetentionQueryRow,
  retentionFromRow,
  type SnapshotRow,
  storedDocFromRows,
  type TokenRow,
  tokenFromRow,
  type WorkshopRow,
  workshopFromRow,
} from './rows.js';
import { bytesParam, DOC_TABLES, WORKSHOP_CHILD_TABLES } from './rowValues.js';
import { StaleWriteError, type Store, type StoredDoc, StoreUnavailableError } from './Store.js';
import { isConnectionError, isDiskFull } from './unavailable.js';

const log = planeLog('store');

/** Ms to wait for a connection before the write is refused as `unavailable` (never queued for later). */
const CONNECT_TIMEOUT_MS = 3_000;
/** Connections per node; each command or group commit holds one only for its transaction. */
const POOL_SIZE = 10;
/** Ms to wait at startup for a database that is not reachable yet. */
const BOOT_WAIT_MS = 30_000;
/** Ms a statement may take before the connection is treated as lost (a hung network, not a slow query). */
const QUERY_TIMEOUT_MS = 15_000;

const INT8_OID = 20;
/** Epoch ms and log seqs are BIGINT; they fit a double, so read them as numbers, not strings. */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format)) as never,
};

type Client = pg.PoolClient;

/**
 * The multi-node store (DESIGN §4–5): the same contract as SqliteStore over a `pg` Pool. Every
 * multi-statement write is one transaction; a workshop save is conditional on its version;
 * compaction is serialised per doc by a transaction-scoped advisory lock. Lost connections
 * surface as StoreUnavailableError, and the pool reconnects by itself once the server is back.
 */
export class PostgresStore implements Store {
  /** Set when a write failed for lack of space (53100/58030), cleared by a probe in `ping`. */
  private diskFullSince: number | null = null;

  private constructor(private readonly pool: pg.Pool) {}

  static async open(connectionString: string): Promise<PostgresStore> {
    const pool = new pg.Pool({
      connectionString,
      max: POOL_SIZE,
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      query_timeout: QUERY_TIMEOUT_MS,
      types,
    });
    // An idle connection dropped by the server (restart, failover) must not crash the process;
    // the pool discards it and opens a new one on next use.
    pool.on('error', (error) => log.warn({ err: error }, 'postgres: idle connection lost'));
    const store = new PostgresStore(pool);
    try {
      await store.migrateWhenReachable(new URL(connectionString).host);
    } catch (error) {
      await pool.end();
      throw error;
    }
    return store;
  }

  /**
   * Brings the schema up to date. A database that is still starting (containers started
   * together) is waited for, up to BOOT_WAIT_MS; past that, or on any other error, startup fails.
   */
  private async migrateWhenReachable(host: string): Promise<void> {
    const deadline = Date.now() + BOOT_WAIT_MS;
    for (let attempt = 1; ; attempt++) {
      try {
        await this.withClient((client) => migrate(client));
        return;
      } catch (error) {
        if (!(error instanceof StoreUnavailableError) || Date.now() > deadline) throw error;
        if (attempt === 1) log.warn({ host }, 'postgres: waiting for the database');
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }
  }

  private async withClient<T>(work: (client: Client) => Promise<T>): Promise<T> {
    let client: Client;
    try {
      client = await this.pool.connect();
    } catch (error) {
      // Unreachable or overloaded is an outage; a wrong password or database name is not.
      throw isConnectionError(error) ? new StoreUnavailableError({ cause: error }) : error;
    }
    let broken: Error | undefined;
    // The pool listens for errors only on idle clients. A checked-out one that the server drops
    // between two statements (crash, shutdown) emits 'error' with nobody listening, which would
    // take the whole process down; remember it instead, so the client is discarded on release.
    const onError = (error: Error) => {
      broken = error;
    };
    client.on('error', onError);
    try {
      return await work(client);
    } catch (error) {
      if (isDiskFull(error)) this.diskFullSince ??= Date.now();
      if (isConnectionError(error)) {
        broken = error as Error;
        throw new StoreUnavailableError({ cause: error });
      }
      throw error;
    } finally {
      // A broken client keeps a listener: it may still report the end of its socket after release.
      if (!broken) client.off('error', onError);
      client.release(broken);
    }
  }

  /** Runs `work` in one transaction; any failure rolls it back and is rethrown. */
  private transaction<T>(work: (client: Client) => Promise<T>, begin = 'BEGIN'): Promise<T> {
    return this.withClient(async (client) => {
      await client.query(begin);
      try {
        const result = await work(client);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      }
    });
  }

  async createWorkshop(workshop: WorkshopRecord, tokens: TokenRecord[], event: EventRecord): Promise<void> {
    await this.transaction(async (c) => {
      await insertWorkshop(c, workshop);
      await writeMembers(c, workshop);
      await writeTokens(c, tokens);
      await writeEvent(c, event);
    });
  }

  async saveWorkshop(workshop: WorkshopRecord, event: EventRecord, tokens: TokenRecord[] = []): Promise<number> {
    return this.transaction(async (c) => {
      if (!(await updateWorkshop(c, workshop))) throw new StaleWriteError(workshop.id, workshop.version);
      await writeMembers(c, workshop);
      await writeTokens(c, tokens);
      await writeEvent(c, event);
      return workshop.version + 1;
    });
  }

  async loadWorkshop(id: string): Promise<WorkshopRecord | null> {
    // One snapshot for the row and its members, so a save committing in between is seen whole or not at all.
    return this.transaction(async (c) => {
      const row = (await c.query<WorkshopRow>('SELECT * FROM workshops WHERE id = $1', [id])).rows[0];
      if (!row) return null;
      const groups = await c.query<GroupRow>('SELECT * FROM groups WHERE workshop_id = $1 ORDER BY position', [id]);
      const participants = await c.query<ParticipantRow>(
        'SELECT * FROM participants WHERE workshop_id = $1 ORDER BY joined_at, id',
        [id],
      );
      return workshopFromRow(row, groups.rows.map(groupFromRow), participants.rows.map(participantFromRow));
    }, 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  }

  async findWorkshopByJoinCode(joinCode: string): Promise<string | null> {
    return this.withClient(async (c) => {
      const { rows } = await c.query<{ id: string }>('SELECT id FROM workshops WHERE join_code = $1', [joinCode]);
      return rows[0]?.id ?? null;
    });
  }

  async findToken(hash: string): Promise<TokenRecord | null> {
    return this.withClient(async (c) => {
      const { rows } = await c.query<TokenRow>('SELECT * FROM tokens WHERE hash = $1', [hash]);
      return rows[0] ? tokenFromRow(rows[0]) : null;
    });
  }

  async listEvents(workshopId: string): Promise<EventRecord[]> {
    return this.withClient(async (c) => {
      const { rows } = await c.query<EventRow>('SELECT * FROM events WHERE workshop_id = $1 ORDER BY seq', [
        workshopId,
      ]);
      return rows.map(eventFromRow);
    });
  }

  async deleteWorkshop(id: string): Promise<boolean> {
    const prefix = workshopDocPrefix(id);
    return this.transaction(async (c) => {
      // Children first (foreign keys); docs by exact prefix, since LIKE would read `_` in ids as a wildcard.
      for (const table of WORKSHOP_CHILD_TABLES) {
        await c.query(`DELETE FROM ${table} WHERE workshop_id = $1`, [id]);
      }
      for (const table of DOC_TABLES) {
        await c.query(`DELETE FROM ${table} WHERE starts_with(doc, $1)`, [prefix]);
      }
      const deleted = await c.query('DELETE FROM workshops WHERE id = $1', [id]);
      return deleted.rowCount === 1;
    });
  }

  async listRetention(): Promise<RetentionRow[]> {
    return this.withClient(async (c) => {
      const { rows } = await c.query<RetentionQueryRow>(
        `SELECT id, created_at, control->'privacy' AS privacy,
           (control->>'closedAt')::bigint AS closed_at, (control->>'lastActivityAt')::bigint AS last_activity_at
         FROM workshops`,
      );
      return rows.map(retentionFromRow);
    });
  }

  async loadDoc(name: string): Promise<StoredDoc> {
    // REPEATABLE READ: a compaction committing between the two reads would otherwise make the
    // log look emptied while the old snapshot is still the one read.
    return this.transaction(
      async (c) => storedDocFromRows(...(await readDoc(c, name))),
      'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY',
    );
  }

  async appendUpdates(name: string, updates: Uint8Array[]): Promise<number> {
    if (updates.length === 0) return 0;
    // One statement is one transaction; it returns once the commit is flushed to the WAL.
    return this.withClient(async (c) => {
      const { rows } = await c.query<{ seq: number }>(
        `INSERT INTO doc_updates (doc, bytes) SELECT $1, u FROM unnest($2::bytea[]) WITH ORDINALITY AS t(u, n)
         ORDER BY n RETURNING seq`,
        [name, updates.map(bytesParam)],
      );
      return Math.max(...rows.map((r) => r.seq));
    });
  }

  async compactDoc(name: string): Promise<boolean> {
    return this.transaction(async (c) => {
      // One node at a time per doc; a node that finds the lock taken skips (the other is doing it).
      const lock = await c.query<{ locked: boolean }>(
        "SELECT pg_try_advisory_xact_lock(hashtextextended('warsztat.doc:' || $1, 0)) AS locked",
        [name],
      );
      if (!lock.rows[0]?.locked) return false;
      const [snapshot, log] = await readDoc(c, name);
      const last = log.at(-1);
      if (!last) return true;
      const stored = storedDocFromRows(snapshot, log);
      const merged = mergeDoc(stored.snapshot, stored.updates);
      await c.query(
        `INSERT INTO doc_snapshots (doc, bytes, upto_seq) VALUES ($1, $2, $3)
         ON CONFLICT (doc) DO UPDATE SET bytes = excluded.bytes, upto_seq = excluded.upto_seq`,
        [name, bytesParam(merged), last.seq],
      );
      // Exactly the rows merged: an append that took a lower seq but committed after the read
      // above is not in this snapshot, so it must stay in the log.
      await c.query('DELETE FROM doc_updates WHERE doc = $1 AND seq = ANY($2::bigint[])', [
        name,
        log.map((r) => r.seq),
      ]);
      return true;
    });
  }

  /**
   * A write check (issue #14): a database that answers reads but refuses writes is not healthy.
   * After a write failed for lack of space, the one-row heartbeat proves nothing (it fits in a
   * page that already exists), so until a write that needs new pages succeeds — a temporary table
   * of ~60 KB in the database's own tablespace, rolled back — the store stays unhealthy.
   */
  async ping(): Promise<boolean> {
    try {
      if (this.diskFullSince !== null) {
        await this.withClient(async (c) => {
          await c.query('BEGIN');
          try {
            await c.query('CREATE TEMP TABLE warsztat_space_probe (filler text) ON COMMIT DROP');
            await c.query("INSERT INTO warsztat_space_probe SELECT repeat('x', 900) FROM generate_series(1, 64)");
          } finally {
            await c.query('ROLLBACK');
          }
        });
        this.diskFullSince = null;
      }
      await this.withClient((c) =>
        c.query('INSERT INTO heartbeat (id, at) VALUES (1, $1) ON CONFLICT (id) DO UPDATE SET at = EXCLUDED.at', [
          Date.now(),
        ]),
      );
      return true;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

/** A doc's snapshot row and log rows, read on the caller's client (inside its transaction). */
async function readDoc(c: Client, name: string): Promise<[SnapshotRow | undefined, LogRow[]]> {
  const snapshot = await c.query<SnapshotRow>('SELECT bytes, upto_seq FROM doc_snapshots WHERE doc = $1', [name]);
  const log = await c.query<LogRow>('SELECT seq, bytes FROM doc_updates WHERE doc = $1 ORDER BY seq', [name]);
  return [snapshot.rows[0], log.rows];
}
