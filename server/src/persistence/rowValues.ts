import { storedControl } from '../domain/control.js';
import type { EventRecord, TokenRecord, WorkshopRecord } from '../domain/workshop.js';

/**
 * What both stores write, as positional values in the order their statements list the columns
 * (the SQL itself stays per dialect: `?` here, `$n` there, and set-based inserts where PostgreSQL
 * has them). JSON columns are written as JSON text, which SQLite stores as it is and PostgreSQL
 * casts to JSONB.
 */

/**
 * The columns a save may change, in this order: title, date, venue, organiser, mode, locale,
 * template, phase, spotlight_group_id, timer, agenda, control.
 */
export function workshopValues(w: WorkshopRecord): unknown[] {
  return [
    w.title,
    w.date,
    w.venue,
    w.organiser,
    w.mode,
    w.locale,
    w.template,
    w.phase,
    w.spotlightGroupId,
    JSON.stringify(w.timer),
    JSON.stringify(w.agenda),
    JSON.stringify(storedControl(w.control)),
  ];
}

/** hash, workshop_id, role, participant_id */
export function tokenValues(t: TokenRecord): unknown[] {
  return [t.hash, t.workshopId, t.role, t.participantId];
}

/** workshop_id, at, type, data */
export function eventValues(e: EventRecord): unknown[] {
  return [e.workshopId, e.at, e.type, JSON.stringify(e.data ?? null)];
}

/** A Uint8Array as the Buffer both drivers bind to a BLOB/BYTEA, without copying. */
export function bytesParam(u: Uint8Array): Buffer {
  return Buffer.from(u.buffer, u.byteOffset, u.byteLength);
}

/** An update with nothing in it (no structs, no deletes): the snapshot of an empty board. */
export const EMPTY_UPDATE = new Uint8Array([0, 0]);

/** The tables holding a workshop's rows by `workshop_id`, children before the `workshops` row (foreign keys). */
export const WORKSHOP_CHILD_TABLES = ['tokens', 'participants', 'groups', 'events'] as const;
/**
 * The tables holding docs by name; a workshop's docs are those named by `workshopDocPrefix` (shared).
 * The log first: a compaction finishing meanwhile locks its last log row (PostgresStore.compactDoc),
 * so a delete either waits for it and then removes its snapshot too, or finds the rows gone.
 */
export const DOC_TABLES = ['doc_updates', 'doc_snapshot_parts', 'doc_snapshots'] as const;
