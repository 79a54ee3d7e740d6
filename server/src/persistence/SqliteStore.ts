import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { workshopDocPrefix } from '@warsztat/shared';
import Database from 'better-sqlite3';
import type { RetentionRow } from '../domain/retention.js';
import type { EventRecord, TokenRecord, WorkshopRecord } from '../domain/workshop.js';
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
import { bytesParam, DOC_TABLES, WORKSHOP_CHILD_TABLES } from './rowValues.js';
import { type MergeDoc, StaleWriteError, type Store, type StoredDoc, StoreUnavailableError } from './Store.js';
import { freeBytes, isUnwritable, LOW_FREE_BYTES, MIN_FREE_BYTES } from './sqliteDisk.js';
import { migrateSqlite } from './sqliteSchema.js';
import {
  insertWorkshop,
  updateWorkshop,
  writeEvent,
  writeMembers,
  writeSnapshot,
  writeTokens,
} from './sqliteWrites.js';
import { WalCheckpointer } from './walCheckpointer.js';

/** SQLite keeps JSON as text: each JSON column of a row is decoded before the shared mapping. */
type JsonText<Row, Column extends keyof Row> = Omit<Row, Column> & { [K in Column]: string | null };

/** What the WAL file is cut back to once checkpointed (see the constructor): 16 MiB. */
export const WAL_SIZE_LIMIT_BYTES = 16 * 1024 * 1024;

const fromJson = (text: string | null): unknown => (text === null ? null : (JSON.parse(text) as unknown));

/** The embedded default store: one SQLite file in WAL mode; better-sqlite3 is synchronous, so every call is one short transaction. */
export class SqliteStore implements Store {
  private readonly db: Database.Database;
  /**
   * Set when a write found the file unwritable, cleared by the next write that succeeds: `/healthz`
   * stays 503 meanwhile, since a one-row heartbeat can still fit where a board update does not.
   */
  private unwritableSince: number | null = null;
  private readonly path: string;
  /** Checkpoints the WAL off the event loop (a file only; an in-memory database has no WAL). */
  private readonly checkpointer: WalCheckpointer | null;

  constructor(path: string) {
    this.path = path;
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    // NORMAL in WAL mode survives a process crash (kill -9); only an OS crash can lose the last commits.
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    migrateSqlite(this.db);
    this.checkpointer = path === ':memory:' ? null : new WalCheckpointer(path);
    // The backstop only (see WalCheckpointer): 10,000 pages of 4 KiB.
    if (this.checkpointer) this.db.pragma('wal_autocheckpoint = 10000');
    // A burst (an import, a compaction of a large board) grows the WAL file, and SQLite reuses it
    // from its start afterwards but never shrinks it: the first write after a complete checkpoint
    // truncates it back to this size instead of holding the burst's disk for good.
    this.db.pragma(`journal_size_limit = ${WAL_SIZE_LIMIT_BYTES}`);
  }

  /** Runs one write; a disk that refuses it becomes StoreUnavailableError (every transaction rolls back whole). */
  private write<T>(run: () => T): T {
    try {
      const result = run();
      this.unwritableSince = null;
      this.checkpointer?.wrote();
      return result;
    } catch (error) {
      if (!isUnwritable(error)) throw error;
      this.unwritableSince ??= Date.now();
      throw new StoreUnavailableError({ cause: error });
    }
  }

  async createWorkshop(workshop: WorkshopRecord, tokens: TokenRecord[], event: EventRecord): Promise<void> {
    this.write(() => this.createWorkshopNow(workshop, tokens, event));
  }

  private createWorkshopNow(workshop: WorkshopRecord, tokens: TokenRecord[], event: EventRecord): void {
    this.db.transaction(() => {
      insertWorkshop(this.db, workshop);
      writeMembers(this.db, workshop);
      writeTokens(this.db, tokens);
      writeEvent(this.db, event);
    })();
  }

  async saveWorkshop(workshop: WorkshopRecord, event: EventRecord, tokens: TokenRecord[] = []): Promise<number> {
    return this.write(() => this.saveWorkshopNow(workshop, event, tokens));
  }

  private saveWorkshopNow(workshop: WorkshopRecord, event: EventRecord, tokens: TokenRecord[]): number {
    return this.db.transaction(() => {
      if (!updateWorkshop(this.db, workshop)) throw new StaleWriteError(workshop.id, workshop.version);
      writeMembers(this.db, workshop);
      writeTokens(this.db, tokens);
      writeEvent(this.db, event);
      return workshop.version + 1;
    })();
  }

  async loadWorkshop(id: string): Promise<WorkshopRecord | null> {
    const row = this.db.prepare('SELECT * FROM workshops WHERE id = ?').get(id) as
      | JsonText<WorkshopRow, 'timer' | 'agenda' | 'control'>
      | undefined;
    if (!row) return null;
    const groups = this.db
      .prepare('SELECT * FROM groups WHERE workshop_id = ? ORDER BY position')
      .all(id) as GroupRow[];
    const participants = this.db
      .prepare('SELECT * FROM participants WHERE workshop_id = ? ORDER BY joined_at, id')
      .all(id) as ParticipantRow[];
    return workshopFromRow(
      {
        ...row,
        timer: fromJson(row.timer) as WorkshopRecord['timer'],
        agenda: fromJson(row.agenda) as WorkshopRecord['agenda'],
        control: fromJson(row.control),
      },
      groups.map(groupFromRow),
      participants.map(participantFromRow),
    );
  }

  async findWorkshopByJoinCode(joinCode: string): Promise<string | null> {
    const row = this.db.prepare('SELECT id FROM workshops WHERE join_code = ?').get(joinCode) as
      | { id: string }
      | undefined;
    return row?.id ?? null;
  }

  async findToken(hash: string): Promise<TokenRecord | null> {
    const row = this.db.prepare('SELECT * FROM tokens WHERE hash = ?').get(hash) as TokenRow | undefined;
    return row ? tokenFromRow(row) : null;
  }

  async listEvents(workshopId: string): Promise<EventRecord[]> {
    const rows = this.db.prepare('SELECT * FROM events WHERE workshop_id = ? ORDER BY seq').all(workshopId) as JsonText<
      EventRow,
      'data'
    >[];
    return rows.map((r) => eventFromRow({ ...r, data: fromJson(r.data) }));
  }

  async deleteWorkshop(id: string): Promise<boolean> {
    const prefix = workshopDocPrefix(id);
    return this.write(() =>
      this.db
        .transaction(() => {
          // Children first (foreign keys); docs by exact prefix, since LIKE would read `_` in ids as a wildcard.
          for (const table of WORKSHOP_CHILD_TABLES) {
            this.db.prepare(`DELETE FROM ${table} WHERE workshop_id = ?`).run(id);
          }
          for (const table of DOC_TABLES) {
            this.db.prepare(`DELETE FROM ${table} WHERE substr(doc, 1, ?) = ?`).run(prefix.length, prefix);
          }
          return this.db.prepare('DELETE FROM workshops WHERE id = ?').run(id).changes > 0;
        })
        .immediate(),
    );
  }

  async listRetention(): Promise<RetentionRow[]> {
    const rows = this.db
      .prepare(
        `SELECT id, created_at, json_extract(control, '$.privacy') AS privacy,
           json_extract(control, '$.closedAt') AS closed_at, json_extract(control, '$.lastActivityAt') AS last_activity_at
         FROM workshops`,
      )
      .all() as JsonText<RetentionQueryRow, 'privacy'>[];
    return rows.map((r) => retentionFromRow({ ...r, privacy: fromJson(r.privacy) as RetentionRow['privacy'] }));
  }

  async loadDoc(name: string): Promise<StoredDoc> {
    return this.db.transaction(() => this.loadDocNow(name).stored)();
  }

  /** The snapshot parts and the log of one doc, and the snapshot's `upto_seq`, read inside the caller's transaction. */
  private loadDocNow(name: string): { stored: StoredDoc; upto: number | null } {
    const snapshot = this.db.prepare('SELECT bytes, upto_seq FROM doc_snapshots WHERE doc = ?').get(name) as
      | SnapshotRow
      | undefined;
    const parts = snapshot
      ? (this.db.prepare('SELECT bytes FROM doc_snapshot_parts WHERE doc = ? ORDER BY part').all(name) as PartRow[])
      : [];
    const log = this.db.prepare('SELECT seq, bytes FROM doc_updates WHERE doc = ? ORDER BY seq').all(name) as LogRow[];
    return { stored: storedDocFromRows(snapshot, parts, log), upto: snapshot?.upto_seq ?? null };
  }

  /** Prepared once: the sync plane appends on every event-loop turn that has edits. */
  private append: ((name: string, updates: Uint8Array[]) => number) | null = null;

  async appendUpdates(name: string, updates: Uint8Array[]): Promise<number> {
    if (!this.append) {
      const insert = this.db.prepare('INSERT INTO doc_updates (doc, bytes) VALUES (?, ?)');
      this.append = this.db.transaction((doc: string, list: Uint8Array[]) => {
        let seq = 0;
        for (const u of list) seq = Number(insert.run(doc, bytesParam(u)).lastInsertRowid);
        return seq;
      });
    }
    const append = this.append;
    return this.write(() => append(name, updates));
  }

  async compactDoc(name: string, merge: MergeDoc): Promise<boolean> {
    const read = this.db.transaction(() => this.loadDocNow(name))();
    const { stored } = read;
    if (stored.updates.length === 0) return true;
    // Off the event loop in the server (issue #14); appends go on meanwhile and stay in the log.
    const merged = await merge(stored.snapshot, stored.updates);
    // IMMEDIATE takes the write lock before checking, so no other process on the same file can
    // compact or delete between the check and the write.
    return this.write(() =>
      this.db
        .transaction(() => {
          const now = this.db.prepare('SELECT upto_seq FROM doc_snapshots WHERE doc = ?').get(name) as
            | { upto_seq: number }
            | undefined;
          // Another process compacted meanwhile: its snapshot already holds what this one merged.
          if ((now?.upto_seq ?? null) !== read.upto) return false;
          // The workshop was deleted meanwhile: writing the snapshot would bring its board back.
          const last = this.db.prepare('SELECT 1 FROM doc_updates WHERE doc = ? AND seq = ?').get(name, stored.lastSeq);
          if (!last) return false;
          writeSnapshot(this.db, name, merged.parts, stored.lastSeq);
          // SQLite has one writer at a time, so every seq up to the last one read was read.
          this.db.prepare('DELETE FROM doc_updates WHERE doc = ? AND seq <= ?').run(name, stored.lastSeq);
          return true;
        })
        .immediate(),
    );
  }

  /**
   * A write check (issue #14): a store that answers reads but cannot write — a full disk, a
   * read-only file — must not be reported healthy. One row is upserted; and since a row can still
   * fit where a board update does not, a recent write that found the disk full keeps it false
   * until a write succeeds again.
   */
  async ping(): Promise<boolean> {
    try {
      this.db
        .prepare('INSERT INTO heartbeat (id, at) VALUES (1, ?) ON CONFLICT(id) DO UPDATE SET at = excluded.at')
        .run(Date.now());
    } catch {
      return false;
    }
    // Room again (someone freed space): healthy without waiting for a user's write to prove it.
    const free = freeBytes(this.path);
    if (this.unwritableSince !== null && free >= MIN_FREE_BYTES) this.unwritableSince = null;
    return this.unwritableSince === null && free >= LOW_FREE_BYTES;
  }

  async close(): Promise<void> {
    await this.checkpointer?.close();
    this.db.close();
  }
}
