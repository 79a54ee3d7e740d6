import { parseControl } from '../domain/control.js';
import type { RetentionRow } from '../domain/retention.js';
import type { EventRecord, GroupRecord, ParticipantRecord, TokenRecord, WorkshopRecord } from '../domain/workshop.js';
import type { StoredDoc } from './Store.js';

/**
 * The rows both stores read, with their JSON columns already decoded (SQLite keeps JSON as text
 * and decodes it first; PostgreSQL's JSONB arrives parsed), and the one mapping from each row to
 * its record. Column names stay as in the schema (migrations.ts), so the SQL of each dialect
 * selects plain columns and never renames them into the record's shape by itself.
 */
export interface WorkshopRow {
  id: string;
  join_code: string;
  title: string;
  date: string | null;
  venue: string | null;
  organiser: string | null;
  mode: WorkshopRecord['mode'];
  locale: WorkshopRecord['locale'];
  template: WorkshopRecord['template'];
  phase: WorkshopRecord['phase'];
  spotlight_group_id: string | null;
  timer: WorkshopRecord['timer'];
  agenda: WorkshopRecord['agenda'];
  /** The stored JSON, parsed once here (domain/control.ts); null in SQLite rows from before the column. */
  control: unknown;
  created_at: number;
  version: number;
}

export function workshopFromRow(
  row: WorkshopRow,
  groups: GroupRecord[],
  participants: ParticipantRecord[],
): WorkshopRecord {
  return {
    id: row.id,
    title: row.title,
    date: row.date,
    venue: row.venue,
    organiser: row.organiser,
    mode: row.mode,
    locale: row.locale,
    template: row.template,
    joinCode: row.join_code,
    phase: row.phase,
    spotlightGroupId: row.spotlight_group_id,
    timer: row.timer,
    agenda: row.agenda,
    createdAt: row.created_at,
    control: parseControl(row.control),
    groups,
    participants,
    version: row.version,
  };
}

export interface GroupRow {
  id: string;
  name: string;
  attendance: GroupRecord['attendance'];
  position: number;
  rapporteur_id: string | null;
  capacity: number | null;
  prompt: string | null;
}

export function groupFromRow(g: GroupRow): GroupRecord {
  return {
    id: g.id,
    name: g.name,
    attendance: g.attendance,
    position: g.position,
    rapporteurId: g.rapporteur_id,
    capacity: g.capacity ?? null,
    prompt: g.prompt ?? '',
  };
}

export interface ParticipantRow {
  id: string;
  name: string;
  organisation: string | null;
  org_type: ParticipantRecord['orgType'];
  attendance: ParticipantRecord['attendance'];
  group_id: string | null;
  joined_at: number;
}

export function participantFromRow(p: ParticipantRow): ParticipantRecord {
  return {
    id: p.id,
    name: p.name,
    organisation: p.organisation,
    orgType: p.org_type,
    attendance: p.attendance,
    groupId: p.group_id,
    joinedAt: p.joined_at,
  };
}

export interface TokenRow {
  hash: string;
  workshop_id: string;
  role: TokenRecord['role'];
  participant_id: string | null;
}

export function tokenFromRow(t: TokenRow): TokenRecord {
  return { hash: t.hash, workshopId: t.workshop_id, role: t.role, participantId: t.participant_id };
}

/** An `events` row; `data` decoded. */
export interface EventRow {
  workshop_id: string;
  at: number;
  type: string;
  data: unknown;
}

export function eventFromRow(e: EventRow): EventRecord {
  return { workshopId: e.workshop_id, at: e.at, type: e.type, data: e.data };
}

/** What the retention query selects (each dialect reads the control JSON its own way); `privacy` decoded. */
export interface RetentionQueryRow {
  id: string;
  created_at: number;
  privacy: RetentionRow['privacy'];
  closed_at: number | null;
  last_activity_at: number | null;
}

export function retentionFromRow(r: RetentionQueryRow): RetentionRow {
  return {
    id: r.id,
    createdAt: r.created_at,
    privacy: r.privacy ?? null,
    closedAt: r.closed_at ?? null,
    lastActivityAt: r.last_activity_at ?? null,
  };
}

/** A doc's snapshot row and its log rows (both drivers return BLOB/BYTEA as a Buffer). */
export interface SnapshotRow {
  bytes: Uint8Array;
  upto_seq: number;
}

export interface LogRow {
  seq: number;
  bytes: Uint8Array;
}

export interface PartRow {
  bytes: Uint8Array;
}

/**
 * The doc as read in one transaction: the snapshot's parts in order (part 0 is `doc_snapshots.bytes`,
 * the rest from `doc_snapshot_parts`), the log after it, and the highest seq seen.
 */
export function storedDocFromRows(
  snapshot: SnapshotRow | undefined,
  parts: readonly PartRow[],
  log: readonly LogRow[],
): StoredDoc {
  return {
    snapshot: snapshot ? [snapshot.bytes, ...parts.map((p) => p.bytes)].map((b) => new Uint8Array(b)) : [],
    updates: log.map((r) => new Uint8Array(r.bytes)),
    lastSeq: log.at(-1)?.seq ?? snapshot?.upto_seq ?? 0,
  };
}
