import type pg from 'pg';
import { storedControl } from '../domain/control.js';
import type { EventRecord, TokenRecord, WorkshopRecord } from '../domain/workshop.js';

/**
 * PostgresStore's writes of one workshop's rows, each a statement or two on a client inside the
 * caller's transaction (the store's own file keeps connections, transactions and reads).
 */
type Client = pg.PoolClient;

/** The mutable columns $3…$14 shared by INSERT and UPDATE, in that order. */
export function workshopColumns(w: WorkshopRecord): { id: string; values: unknown[] } {
  return {
    id: w.id,
    values: [
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
    ],
  };
}

/** Replaces the workshop's groups and participants, one statement each. */
export async function writeMembers(c: Client, w: WorkshopRecord): Promise<void> {
  await c.query('DELETE FROM groups WHERE workshop_id = $1', [w.id]);
  await c.query(
    `INSERT INTO groups (workshop_id, id, name, attendance, position, rapporteur_id, capacity, prompt)
     SELECT $1, g.id, g.name, g.attendance, g.position, g."rapporteurId", g.capacity, g.prompt
     FROM jsonb_to_recordset($2::jsonb) AS g(id text, name text, attendance text, position int,
       "rapporteurId" text, capacity int, prompt text)`,
    [w.id, JSON.stringify(w.groups)],
  );
  await c.query('DELETE FROM participants WHERE workshop_id = $1', [w.id]);
  await c.query(
    `INSERT INTO participants (workshop_id, id, name, organisation, org_type, attendance, group_id, joined_at)
     SELECT $1, p.id, p.name, p.organisation, p."orgType", p.attendance, p."groupId", p."joinedAt"
     FROM jsonb_to_recordset($2::jsonb) AS p(id text, name text, organisation text, "orgType" text,
       attendance text, "groupId" text, "joinedAt" bigint)`,
    [w.id, JSON.stringify(w.participants)],
  );
  // A removed participant's link stops working with the same write that removes them.
  await c.query(
    `DELETE FROM tokens WHERE workshop_id = $1 AND role = 'participant'
       AND participant_id NOT IN (SELECT id FROM participants WHERE workshop_id = $1)`,
    [w.id],
  );
}

/**
 * Adds tokens. A workshop has one token per staff role (facilitator, co-facilitator, projector),
 * so a staff token replaces that role's old one in the same transaction: a rotated link stops
 * resolving with the save that rotates it (issue #14).
 */
export async function writeTokens(c: Client, tokens: TokenRecord[]): Promise<void> {
  for (const t of tokens) {
    if (t.role !== 'participant') {
      await c.query('DELETE FROM tokens WHERE workshop_id = $1 AND role = $2', [t.workshopId, t.role]);
    }
    await c.query('INSERT INTO tokens (hash, workshop_id, role, participant_id) VALUES ($1, $2, $3, $4)', [
      t.hash,
      t.workshopId,
      t.role,
      t.participantId,
    ]);
  }
}

export async function writeEvent(c: Client, e: EventRecord): Promise<void> {
  await c.query('INSERT INTO events (workshop_id, at, type, data) VALUES ($1, $2, $3, $4)', [
    e.workshopId,
    e.at,
    e.type,
    JSON.stringify(e.data ?? null),
  ]);
}
