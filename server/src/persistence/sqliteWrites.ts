import type Database from 'better-sqlite3';
import type { EventRecord, TokenRecord, WorkshopRecord } from '../domain/workshop.js';
import { bytesParam, EMPTY_UPDATE, eventValues, tokenValues, workshopValues } from './rowValues.js';

/**
 * SqliteStore's writes of one workshop's rows, run inside the caller's transaction (the store's
 * own file keeps the connection, transactions, reads and docs).
 */
/** Writes a new workshop's row (its members, tokens and event follow in the same transaction). */
export function insertWorkshop(db: Database.Database, w: WorkshopRecord): void {
  db.prepare(
    `INSERT INTO workshops (id, join_code, title, date, venue, organiser, mode, locale, template, phase,
       spotlight_group_id, timer, agenda, control, created_at, version)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(w.id, w.joinCode, ...workshopValues(w), w.createdAt, w.version);
}

/**
 * Saves the row only if it is still at `w.version`, raising it by one; false when it is not. The
 * version check and the write are one statement, so two writers can never both pass it.
 */
export function updateWorkshop(db: Database.Database, w: WorkshopRecord): boolean {
  const { changes } = db
    .prepare(
      `UPDATE workshops SET title = ?, date = ?, venue = ?, organiser = ?, mode = ?, locale = ?, template = ?,
         phase = ?, spotlight_group_id = ?, timer = ?, agenda = ?, control = ?, join_code = ?,
         version = version + 1
       WHERE id = ? AND version = ?`,
    )
    // The join code changes only when rotated (issue #14).
    .run(...workshopValues(w), w.joinCode, w.id, w.version);
  return changes === 1;
}

/** Replaces the workshop's groups and participants (its row is already written). */
export function writeMembers(db: Database.Database, w: WorkshopRecord): void {
  db.prepare('DELETE FROM groups WHERE workshop_id = ?').run(w.id);
  const insertGroup = db.prepare(
    `INSERT INTO groups (workshop_id, id, name, attendance, position, rapporteur_id, capacity, prompt)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const g of w.groups) {
    insertGroup.run(w.id, g.id, g.name, g.attendance, g.position, g.rapporteurId, g.capacity, g.prompt);
  }
  db.prepare('DELETE FROM participants WHERE workshop_id = ?').run(w.id);
  const insertParticipant = db.prepare(
    `INSERT INTO participants (workshop_id, id, name, organisation, org_type, attendance, group_id, joined_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const p of w.participants) {
    insertParticipant.run(w.id, p.id, p.name, p.organisation, p.orgType, p.attendance, p.groupId, p.joinedAt);
  }
  // A removed participant's link stops working with the same write that removes them.
  db.prepare(
    `DELETE FROM tokens WHERE workshop_id = ? AND role = 'participant'
         AND participant_id NOT IN (SELECT id FROM participants WHERE workshop_id = ?)`,
  ).run(w.id, w.id);
}

/**
 * Adds tokens. A workshop has one token per staff role (facilitator, co-facilitator, projector),
 * so a staff token replaces that role's old one in the same transaction: a rotated link stops
 * resolving with the save that rotates it (issue #14).
 */
export function writeTokens(db: Database.Database, tokens: TokenRecord[]): void {
  const revoke = db.prepare('DELETE FROM tokens WHERE workshop_id = ? AND role = ?');
  for (const t of tokens) if (t.role !== 'participant') revoke.run(t.workshopId, t.role);
  const insert = db.prepare('INSERT INTO tokens (hash, workshop_id, role, participant_id) VALUES (?, ?, ?, ?)');
  for (const t of tokens) insert.run(tokenValues(t));
}

export function writeEvent(db: Database.Database, e: EventRecord): void {
  db.prepare('INSERT INTO events (workshop_id, at, type, data) VALUES (?, ?, ?, ?)').run(eventValues(e));
}

/**
 * Replaces a doc's snapshot with `parts` (part 0 in `doc_snapshots`, which an older reader still
 * finds; the rest in `doc_snapshot_parts`), merged from the log up to `uptoSeq`.
 */
export function writeSnapshot(db: Database.Database, doc: string, parts: readonly Uint8Array[], uptoSeq: number): void {
  const [first = EMPTY_UPDATE, ...rest] = parts;
  db.prepare(
    `INSERT INTO doc_snapshots (doc, bytes, upto_seq) VALUES (?, ?, ?)
     ON CONFLICT(doc) DO UPDATE SET bytes = excluded.bytes, upto_seq = excluded.upto_seq`,
  ).run(doc, bytesParam(first), uptoSeq);
  db.prepare('DELETE FROM doc_snapshot_parts WHERE doc = ?').run(doc);
  const insert = db.prepare('INSERT INTO doc_snapshot_parts (doc, part, bytes) VALUES (?, ?, ?)');
  for (const [i, part] of rest.entries()) insert.run(doc, i + 1, bytesParam(part));
}
