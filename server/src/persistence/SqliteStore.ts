import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { RetentionRow } from '../domain/retention.js';
import type { EventRecord, GroupRecord, ParticipantRecord, TokenRecord, WorkshopRecord } from '../domain/workshop.js';
import { mergeDoc } from './mergeDoc.js';
import { StaleWriteError, type Store, type StoredDoc, StoreUnavailableError } from './Store.js';
import { freeBytes, isUnwritable, LOW_FREE_BYTES, MIN_FREE_BYTES } from './sqliteDisk.js';
import { migrateSqlite } from './sqliteSchema.js';
import { workshopColumns, writeEvent, writeMembers, writeTokens } from './sqliteWrites.js';
import { type WorkshopRow, workshopFromRow } from './workshopRow.js';

/** How SQLite returns a `workshops` row: the JSON columns still as text. */
type SqliteWorkshopRow = Omit<WorkshopRow, 'timer' | 'agenda' | 'control'> & {
  timer: string;
  agenda: string;
  control: string | null;
};

/** The embedded default store: one SQLite file in WAL mode; better-sqlite3 is synchronous, so every call is one short transaction. */
export class SqliteStore implements Store {
  private readonly db: Database.Database;
  /**
   * Set when a write found the file unwritable, cleared by the next write that succeeds: `/healthz`
   * stays 503 meanwhile, since a one-row heartbeat can still fit where a board update does not.
   */
  private unwritableSince: number | null = null;
  private readonly path: string;

  constructor(path: string) {
    this.path = path;
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    // NORMAL in WAL mode survives a process crash (kill -9); only an OS crash can lose the last commits.
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    migrateSqlite(this.db);
  }

  /** Runs one write; a disk that refuses it becomes StoreUnavailableError (every transaction rolls back whole). */
  private write<T>(run: () => T): T {
    try {
      const result = run();
      this.unwritableSince = null;
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
      this.db
        .prepare(
          `INSERT INTO workshops (id, join_code, title, date, venue, organiser, mode, locale, template, phase,
             spotlight_group_id, timer, agenda, created_at, control, version)
           VALUES (@id, @joinCode, @title, @date, @venue, @organiser, @mode, @locale, @template, @phase,
             @spotlightGroupId, @timer, @agenda, @createdAt, @control, @version)`,
        )
        .run({ ...workshopColumns(workshop), joinCode: workshop.joinCode, createdAt: workshop.createdAt });
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
      // The version check and the write are one statement, so two writers can never both pass it.
      const { changes } = this.db
        .prepare(
          `UPDATE workshops SET title=@title, date=@date, venue=@venue, organiser=@organiser, mode=@mode,
             locale=@locale, template=@template, phase=@phase, spotlight_group_id=@spotlightGroupId,
             timer=@timer, agenda=@agenda, control=@control, join_code=@joinCode, version=@version + 1
           WHERE id=@id AND version=@version`,
        )
        // The join code changes only when rotated (issue #14).
        .run({ ...workshopColumns(workshop), joinCode: workshop.joinCode });
      if (changes === 0) throw new StaleWriteError(workshop.id, workshop.version);
      writeMembers(this.db, workshop);
      writeTokens(this.db, tokens);
      writeEvent(this.db, event);
      return workshop.version + 1;
    })();
  }

  async loadWorkshop(id: string): Promise<WorkshopRecord | null> {
    const row = this.db.prepare('SELECT * FROM workshops WHERE id = ?').get(id) as SqliteWorkshopRow | undefined;
    if (!row) return null;
    const groups = (
      this.db.prepare('SELECT * FROM groups WHERE workshop_id = ? ORDER BY position').all(id) as Array<{
        id: string;
        name: string;
        attendance: GroupRecord['attendance'];
        position: number;
        rapporteur_id: string | null;
        capacity: number | null;
        prompt: string | null;
      }>
    ).map(
      (g): GroupRecord => ({
        id: g.id,
        name: g.name,
        attendance: g.attendance,
        position: g.position,
        rapporteurId: g.rapporteur_id,
        capacity: g.capacity ?? null,
        prompt: g.prompt ?? '',
      }),
    );
    const participants = (
      this.db.prepare('SELECT * FROM participants WHERE workshop_id = ? ORDER BY joined_at, id').all(id) as Array<{
        id: string;
        name: string;
        organisation: string | null;
        org_type: ParticipantRecord['orgType'];
        attendance: ParticipantRecord['attendance'];
        group_id: string | null;
        joined_at: number;
      }>
    ).map(
      (p): ParticipantRecord => ({
        id: p.id,
        name: p.name,
        organisation: p.organisation,
        orgType: p.org_type,
        attendance: p.attendance,
        groupId: p.group_id,
        joinedAt: p.joined_at,
      }),
    );
    return workshopFromRow(
      {
        ...row,
        timer: JSON.parse(row.timer) as WorkshopRecord['timer'],
        agenda: JSON.parse(row.agenda) as WorkshopRecord['agenda'],
        control: row.control ? (JSON.parse(row.control) as unknown) : null,
      },
      groups,
      participants,
    );
  }

  async findWorkshopByJoinCode(joinCode: string): Promise<string | null> {
    const row = this.db.prepare('SELECT id FROM workshops WHERE join_code = ?').get(joinCode) as
      | { id: string }
      | undefined;
    return row?.id ?? null;
  }

  async findToken(hash: string): Promise<TokenRecord | null> {
    const row = this.db.prepare('SELECT * FROM tokens WHERE hash = ?').get(hash) as
      | { hash: string; workshop_id: string; role: TokenRecord['role']; participant_id: string | null }
      | undefined;
    return row
      ? { hash: row.hash, workshopId: row.workshop_id, role: row.role, participantId: row.participant_id }
      : null;
  }

  async listEvents(workshopId: string): Promise<EventRecord[]> {
    const rows = this.db.prepare('SELECT * FROM events WHERE workshop_id = ? ORDER BY seq').all(workshopId) as Array<{
      workshop_id: string;
      at: number;
      type: string;
      data: string;
    }>;
    return rows.map((r) => ({
      workshopId: r.workshop_id,
      at: r.at,
      type: r.type,
      data: JSON.parse(r.data) as unknown,
    }));
  }

  async deleteWorkshop(id: string): Promise<boolean> {
    const prefix = `${id}.`;
    return this.write(() =>
      this.db
        .transaction(() => {
          // Children first (foreign keys); docs by exact prefix, since LIKE would read `_` in ids as a wildcard.
          for (const table of ['tokens', 'participants', 'groups', 'events']) {
            this.db.prepare(`DELETE FROM ${table} WHERE workshop_id = ?`).run(id);
          }
          for (const table of ['doc_updates', 'doc_snapshots']) {
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
      .all() as Array<{
      id: string;
      created_at: number;
      privacy: string | null;
      closed_at: number | null;
      last_activity_at: number | null;
    }>;
    return rows.map((r) => ({
      id: r.id,
      createdAt: r.created_at,
      privacy: r.privacy ? (JSON.parse(r.privacy) as RetentionRow['privacy']) : null,
      closedAt: r.closed_at ?? null,
      lastActivityAt: r.last_activity_at ?? null,
    }));
  }

  async loadDoc(name: string): Promise<StoredDoc> {
    return this.db.transaction((): StoredDoc => {
      const snap = this.db.prepare('SELECT bytes, upto_seq FROM doc_snapshots WHERE doc = ?').get(name) as
        | { bytes: Buffer; upto_seq: number }
        | undefined;
      const rows = this.db.prepare('SELECT seq, bytes FROM doc_updates WHERE doc = ? ORDER BY seq').all(name) as Array<{
        seq: number;
        bytes: Buffer;
      }>;
      return {
        snapshot: snap ? new Uint8Array(snap.bytes) : null,
        updates: rows.map((r) => new Uint8Array(r.bytes)),
        lastSeq: rows.at(-1)?.seq ?? snap?.upto_seq ?? 0,
      };
    })();
  }

  /** Prepared once: the sync plane appends on every event-loop turn that has edits. */
  private append: ((name: string, updates: Uint8Array[]) => number) | null = null;

  async appendUpdates(name: string, updates: Uint8Array[]): Promise<number> {
    if (!this.append) {
      const insert = this.db.prepare('INSERT INTO doc_updates (doc, bytes) VALUES (?, ?)');
      this.append = this.db.transaction((doc: string, list: Uint8Array[]) => {
        let seq = 0;
        for (const u of list)
          seq = Number(insert.run(doc, Buffer.from(u.buffer, u.byteOffset, u.byteLength)).lastInsertRowid);
        return seq;
      });
    }
    const append = this.append;
    return this.write(() => append(name, updates));
  }

  async compactDoc(name: string): Promise<boolean> {
    // IMMEDIATE takes the write lock before reading, so another process on the same file can
    // neither append between the read and the delete unseen nor compact at the same time.
    this.write(() =>
      this.db
        .transaction(() => {
          const snap = this.db.prepare('SELECT bytes FROM doc_snapshots WHERE doc = ?').get(name) as
            | { bytes: Buffer }
            | undefined;
          const rows = this.db
            .prepare('SELECT seq, bytes FROM doc_updates WHERE doc = ? ORDER BY seq')
            .all(name) as Array<{ seq: number; bytes: Buffer }>;
          const last = rows.at(-1);
          if (!last) return;
          const merged = mergeDoc(
            snap ? new Uint8Array(snap.bytes) : null,
            rows.map((r) => new Uint8Array(r.bytes)),
          );
          this.db
            .prepare(
              `INSERT INTO doc_snapshots (doc, bytes, upto_seq) VALUES (?, ?, ?)
             ON CONFLICT(doc) DO UPDATE SET bytes = excluded.bytes, upto_seq = excluded.upto_seq`,
            )
            .run(name, Buffer.from(merged.buffer, merged.byteOffset, merged.byteLength), last.seq);
          this.db.prepare('DELETE FROM doc_updates WHERE doc = ? AND seq <= ?').run(name, last.seq);
        })
        .immediate(),
    );
    return true;
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
    this.db.close();
  }
}
