import { workshopDocPrefix } from '@warsztat/shared';
import type { RetentionRow } from '../domain/retention.js';
import type { EventRecord, TokenRecord, WorkshopRecord } from '../domain/workshop.js';
import { type Client, PostgresPool } from './postgresPool.js';
import { migrate } from './postgresSchema.js';
import { insertWorkshop, updateWorkshop, writeEvent, writeMembers, writeTokens } from './postgresWrites.js';
import {
  type EventRow,
  eventFromRow,
  type GroupRow,
  groupFromRow,
  type LogRow,
  type ParticipantRow,
  type PartRow,
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
import { bytesParam, DOC_TABLES, EMPTY_UPDATE, WORKSHOP_CHILD_TABLES } from './rowValues.js';
import { type MergeDoc, StaleWriteError, type Store, type StoredDoc } from './Store.js';

/**
 * The multi-node store (DESIGN §4–5): the same contract as SqliteStore over a `pg` Pool. Every
 * multi-statement write is one transaction; a workshop save is conditional on its version;
 * compaction's read and write each take a transaction-scoped advisory lock per doc. Connections,
 * outages and the disk-full flag are PostgresPool's (postgresPool.ts); this file holds the queries.
 */
export class PostgresStore implements Store {
  private constructor(private readonly db: PostgresPool) {}

  static async open(connectionString: string): Promise<PostgresStore> {
    const db = PostgresPool.create(connectionString);
    try {
      await db.whenReachable(new URL(connectionString).host, migrate);
    } catch (error) {
      await db.end();
      throw error;
    }
    return new PostgresStore(db);
  }

  async createWorkshop(workshop: WorkshopRecord, tokens: TokenRecord[], event: EventRecord): Promise<void> {
    await this.db.transaction(async (c) => {
      await insertWorkshop(c, workshop);
      await writeMembers(c, workshop);
      await writeTokens(c, tokens);
      await writeEvent(c, event);
    });
  }

  async saveWorkshop(workshop: WorkshopRecord, event: EventRecord, tokens: TokenRecord[] = []): Promise<number> {
    return this.db.transaction(async (c) => {
      if (!(await updateWorkshop(c, workshop))) throw new StaleWriteError(workshop.id, workshop.version);
      await writeMembers(c, workshop);
      await writeTokens(c, tokens);
      await writeEvent(c, event);
      return workshop.version + 1;
    });
  }

  async loadWorkshop(id: string): Promise<WorkshopRecord | null> {
    // One snapshot for the row and its members, so a save committing in between is seen whole or not at all.
    return this.db.transaction(async (c) => {
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
    return this.db.withClient(async (c) => {
      const { rows } = await c.query<{ id: string }>('SELECT id FROM workshops WHERE join_code = $1', [joinCode]);
      return rows[0]?.id ?? null;
    });
  }

  async findToken(hash: string): Promise<TokenRecord | null> {
    return this.db.withClient(async (c) => {
      const { rows } = await c.query<TokenRow>('SELECT * FROM tokens WHERE hash = $1', [hash]);
      return rows[0] ? tokenFromRow(rows[0]) : null;
    });
  }

  async listEvents(workshopId: string): Promise<EventRecord[]> {
    return this.db.withClient(async (c) => {
      const { rows } = await c.query<EventRow>('SELECT * FROM events WHERE workshop_id = $1 ORDER BY seq', [
        workshopId,
      ]);
      return rows.map(eventFromRow);
    });
  }

  async deleteWorkshop(id: string): Promise<boolean> {
    const prefix = workshopDocPrefix(id);
    return this.db.transaction(async (c) => {
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
    return this.db.withClient(async (c) => {
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
    return this.db.transaction(
      async (c) => storedDocFromRows(...(await readDoc(c, name))),
      'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY',
    );
  }

  async appendUpdates(name: string, updates: Uint8Array[]): Promise<number> {
    if (updates.length === 0) return 0;
    // One statement is one transaction; it returns once the commit is flushed to the WAL.
    return this.db.withClient(async (c) => {
      const { rows } = await c.query<{ seq: number }>(
        `INSERT INTO doc_updates (doc, bytes) SELECT $1, u FROM unnest($2::bytea[]) WITH ORDINALITY AS t(u, n)
         ORDER BY n RETURNING seq`,
        [name, updates.map(bytesParam)],
      );
      return Math.max(...rows.map((r) => r.seq));
    });
  }

  async compactDoc(name: string, merge: MergeDoc): Promise<boolean> {
    // The merge runs between two short transactions, holding no connection: it takes about a
    // second at the quota on the decode pool, longer while that queue is busy, and a node's
    // connections must stay free for appends meanwhile. Each transaction takes the doc's lock, so
    // a node that finds it taken skips (another is reading or writing this doc's snapshot).
    const read = await this.db.transaction(async (c) => ((await lockDoc(c, name)) ? readDoc(c, name) : null));
    if (!read) return false;
    const [snapshot, parts, log] = read;
    const last = log.at(-1);
    if (!last) return true;
    const stored = storedDocFromRows(snapshot, parts, log);
    const merged = await merge(stored.snapshot, stored.updates);
    return this.db.transaction(async (c) => {
      if (!(await lockDoc(c, name))) return false;
      // Checked under row locks: the snapshot is still the one merged from (no other node
      // compacted meanwhile), and every merged log row is still there (a workshop deleted meanwhile
      // must not get its board back; a delete running now waits for these locks).
      const now = await c.query<{ upto_seq: number }>('SELECT upto_seq FROM doc_snapshots WHERE doc = $1 FOR UPDATE', [
        name,
      ]);
      if ((now.rows[0]?.upto_seq ?? null) !== (snapshot?.upto_seq ?? null)) return false;
      // In seq order, as a workshop's delete meets them, so the two never wait on each other crosswise.
      const seqs = log.map((r) => r.seq);
      const still = await c.query(
        'SELECT seq FROM doc_updates WHERE doc = $1 AND seq = ANY($2::bigint[]) ORDER BY seq FOR UPDATE',
        [name, seqs],
      );
      if (still.rowCount !== seqs.length) return false;
      const [first = EMPTY_UPDATE, ...rest] = merged.parts;
      await c.query(
        `INSERT INTO doc_snapshots (doc, bytes, upto_seq) VALUES ($1, $2, $3)
         ON CONFLICT (doc) DO UPDATE SET bytes = excluded.bytes, upto_seq = excluded.upto_seq`,
        [name, bytesParam(first), last.seq],
      );
      await c.query('DELETE FROM doc_snapshot_parts WHERE doc = $1', [name]);
      if (rest.length > 0) {
        await c.query(
          `INSERT INTO doc_snapshot_parts (doc, part, bytes)
           SELECT $1, n::int, u FROM unnest($2::bytea[]) WITH ORDINALITY AS t(u, n)`,
          [name, rest.map(bytesParam)],
        );
      }
      // Exactly the rows merged: an append that took a lower seq but committed after the read
      // above is not in this snapshot, so it must stay in the log.
      await c.query('DELETE FROM doc_updates WHERE doc = $1 AND seq = ANY($2::bigint[])', [name, seqs]);
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
      if (this.db.diskFullSince !== null) {
        await this.db.withClient(async (c) => {
          await c.query('BEGIN');
          try {
            await c.query('CREATE TEMP TABLE warsztat_space_probe (filler text) ON COMMIT DROP');
            await c.query("INSERT INTO warsztat_space_probe SELECT repeat('x', 900) FROM generate_series(1, 64)");
          } finally {
            await c.query('ROLLBACK');
          }
        });
        this.db.diskFullSince = null;
      }
      await this.db.withClient((c) =>
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
    await this.db.end();
  }
}

/** Takes the doc's compaction lock for the caller's transaction; false when another node holds it. */
async function lockDoc(c: Client, name: string): Promise<boolean> {
  const lock = await c.query<{ locked: boolean }>(
    "SELECT pg_try_advisory_xact_lock(hashtextextended('warsztat.doc:' || $1, 0)) AS locked",
    [name],
  );
  return lock.rows[0]?.locked === true;
}

/** A doc's snapshot row, its further parts and its log rows, read on the caller's client (inside its transaction). */
async function readDoc(c: Client, name: string): Promise<[SnapshotRow | undefined, PartRow[], LogRow[]]> {
  const snapshot = await c.query<SnapshotRow>('SELECT bytes, upto_seq FROM doc_snapshots WHERE doc = $1', [name]);
  const parts = snapshot.rows[0]
    ? (await c.query<PartRow>('SELECT bytes FROM doc_snapshot_parts WHERE doc = $1 ORDER BY part', [name])).rows
    : [];
  const log = await c.query<LogRow>('SELECT seq, bytes FROM doc_updates WHERE doc = $1 ORDER BY seq', [name]);
  return [snapshot.rows[0], parts, log.rows];
}
