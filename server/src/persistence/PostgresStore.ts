import pg from 'pg';
import type { RetentionRow } from '../domain/retention.js';
import type { EventRecord, GroupRecord, ParticipantRecord, TokenRecord, WorkshopRecord } from '../domain/workshop.js';
import { planeLog } from '../log.js';
import { mergeDoc } from './mergeDoc.js';
import { migrate } from './postgresSchema.js';
import { workshopColumns, writeEvent, writeMembers, writeTokens } from './postgresWrites.js';
import { StaleWriteError, type Store, type StoredDoc, StoreUnavailableError } from './Store.js';
import { isConnectionError } from './unavailable.js';
import { type WorkshopRow, workshopFromRow } from './workshopRow.js';

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
      const w = workshopColumns(workshop);
      await c.query(
        `INSERT INTO workshops (id, join_code, title, date, venue, organiser, mode, locale, template, phase,
           spotlight_group_id, timer, agenda, control, created_at, version)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`,
        [w.id, workshop.joinCode, ...w.values, workshop.createdAt, workshop.version],
      );
      await writeMembers(c, workshop);
      await writeTokens(c, tokens);
      await writeEvent(c, event);
    });
  }

  async saveWorkshop(workshop: WorkshopRecord, event: EventRecord, tokens: TokenRecord[] = []): Promise<number> {
    return this.transaction(async (c) => {
      const w = workshopColumns(workshop);
      // The version check and the write are one statement: of two nodes saving version N, the
      // second waits for the first's row lock, then finds N + 1 and updates nothing.
      const updated = await c.query(
        `UPDATE workshops SET title = $3, date = $4, venue = $5, organiser = $6, mode = $7, locale = $8,
           template = $9, phase = $10, spotlight_group_id = $11, timer = $12, agenda = $13, control = $14,
           join_code = $15, version = version + 1
         WHERE id = $1 AND version = $2`,
        // The join code changes only when rotated (issue #14).
        [w.id, workshop.version, ...w.values, workshop.joinCode],
      );
      if (updated.rowCount !== 1) throw new StaleWriteError(workshop.id, workshop.version);
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
      const groups = await c.query<GroupRecord>(
        `SELECT id, name, attendance, position, rapporteur_id AS "rapporteurId", capacity, prompt
         FROM groups WHERE workshop_id = $1 ORDER BY position`,
        [id],
      );
      const participants = await c.query<ParticipantRecord>(
        `SELECT id, name, organisation, org_type AS "orgType", attendance, group_id AS "groupId",
           joined_at AS "joinedAt"
         FROM participants WHERE workshop_id = $1 ORDER BY joined_at, id`,
        [id],
      );
      return workshopFromRow(row, groups.rows, participants.rows);
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
      const { rows } = await c.query<TokenRecord>(
        `SELECT hash, workshop_id AS "workshopId", role, participant_id AS "participantId"
         FROM tokens WHERE hash = $1`,
        [hash],
      );
      return rows[0] ?? null;
    });
  }

  async listEvents(workshopId: string): Promise<EventRecord[]> {
    return this.withClient(async (c) => {
      const { rows } = await c.query<EventRecord>(
        `SELECT workshop_id AS "workshopId", at, type, data FROM events WHERE workshop_id = $1 ORDER BY seq`,
        [workshopId],
      );
      return rows;
    });
  }

  async deleteWorkshop(id: string): Promise<boolean> {
    const prefix = `${id}.`;
    return this.transaction(async (c) => {
      // Children first (foreign keys); docs by exact prefix, since LIKE would read `_` in ids as a wildcard.
      for (const table of ['tokens', 'participants', 'groups', 'events']) {
        await c.query(`DELETE FROM ${table} WHERE workshop_id = $1`, [id]);
      }
      for (const table of ['doc_updates', 'doc_snapshots']) {
        await c.query(`DELETE FROM ${table} WHERE starts_with(doc, $1)`, [prefix]);
      }
      const deleted = await c.query('DELETE FROM workshops WHERE id = $1', [id]);
      return deleted.rowCount === 1;
    });
  }

  async listRetention(): Promise<RetentionRow[]> {
    return this.withClient(async (c) => {
      const { rows } = await c.query<RetentionRow>(
        `SELECT id, created_at AS "createdAt", control->'privacy' AS privacy,
           (control->>'closedAt')::bigint AS "closedAt", (control->>'lastActivityAt')::bigint AS "lastActivityAt"
         FROM workshops`,
      );
      return rows;
    });
  }

  async loadDoc(name: string): Promise<StoredDoc> {
    // REPEATABLE READ: a compaction committing between the two reads would otherwise make the
    // log look emptied while the old snapshot is still the one read.
    return this.transaction(async (c) => {
      const snap = await c.query<{ bytes: Buffer; upto_seq: number }>(
        'SELECT bytes, upto_seq FROM doc_snapshots WHERE doc = $1',
        [name],
      );
      const log = await c.query<{ seq: number; bytes: Buffer }>(
        'SELECT seq, bytes FROM doc_updates WHERE doc = $1 ORDER BY seq',
        [name],
      );
      const snapshot = snap.rows[0];
      return {
        snapshot: snapshot ? new Uint8Array(snapshot.bytes) : null,
        updates: log.rows.map((r) => new Uint8Array(r.bytes)),
        lastSeq: log.rows.at(-1)?.seq ?? snapshot?.upto_seq ?? 0,
      };
    }, 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  }

  async appendUpdates(name: string, updates: Uint8Array[]): Promise<number> {
    if (updates.length === 0) return 0;
    // One statement is one transaction; it returns once the commit is flushed to the WAL.
    return this.withClient(async (c) => {
      const { rows } = await c.query<{ seq: number }>(
        `INSERT INTO doc_updates (doc, bytes) SELECT $1, u FROM unnest($2::bytea[]) WITH ORDINALITY AS t(u, n)
         ORDER BY n RETURNING seq`,
        [name, updates.map((u) => Buffer.from(u.buffer, u.byteOffset, u.byteLength))],
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
      const snap = await c.query<{ bytes: Buffer }>('SELECT bytes FROM doc_snapshots WHERE doc = $1', [name]);
      const log = await c.query<{ seq: number; bytes: Buffer }>(
        'SELECT seq, bytes FROM doc_updates WHERE doc = $1 ORDER BY seq',
        [name],
      );
      const last = log.rows.at(-1);
      if (!last) return true;
      const previous = snap.rows[0];
      const merged = mergeDoc(
        previous ? new Uint8Array(previous.bytes) : null,
        log.rows.map((r) => new Uint8Array(r.bytes)),
      );
      await c.query(
        `INSERT INTO doc_snapshots (doc, bytes, upto_seq) VALUES ($1, $2, $3)
         ON CONFLICT (doc) DO UPDATE SET bytes = excluded.bytes, upto_seq = excluded.upto_seq`,
        [name, Buffer.from(merged.buffer, merged.byteOffset, merged.byteLength), last.seq],
      );
      // Exactly the rows merged: an append that took a lower seq but committed after the read
      // above is not in this snapshot, so it must stay in the log.
      await c.query('DELETE FROM doc_updates WHERE doc = $1 AND seq = ANY($2::bigint[])', [
        name,
        log.rows.map((r) => r.seq),
      ]);
      return true;
    });
  }

  /** A write check (issue #14): a database that answers reads but refuses writes is not healthy. */
  async ping(): Promise<boolean> {
    try {
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
