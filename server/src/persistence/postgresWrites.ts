import type pg from 'pg';
import type { EventRecord, TokenRecord, WorkshopRecord } from '../domain/workshop.js';
import { eventValues, tokenValues, workshopValues } from './rowValues.js';

/**
 * PostgresStore's writes of one workshop's rows, each a statement or two on a client inside the
 * caller's transaction (the store's own file keeps connections, transactions and reads).
 */
type Client = pg.PoolClient;

/** Writes a new workshop's row (its members, tokens and event follow in the same transaction). */
export async function insertWorkshop(c: Client, w: WorkshopRecord): Promise<void> {
  await c.query(
    `INSERT INTO workshops (id, join_code, title, date, venue, organiser, mode, locale, template, phase,
       spotlight_group_id, timer, agenda, control, created_at, version)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`,
    [w.id, w.joinCode, ...workshopValues(w), w.createdAt, w.version],
  );
}

/**
 * Saves the row only if it is still at `w.version`, raising it by one; false when it is not. The
 * version check and the write are one statement: of two nodes saving version N, the second waits
 * for the first's row lock, then finds N + 1 and updates nothing.
 */
export async function updateWorkshop(c: Client, w: WorkshopRecord): Promise<boolean> {
  const updated = await c.query(
    `UPDATE workshops SET title = $1, date = $2, venue = $3, organiser = $4, mode = $5, locale = $6,
       template = $7, phase = $8, spotlight_group_id = $9, timer = $10, agenda = $11, control = $12,
       join_code = $13, version = version + 1
     WHERE id = $14 AND version = $15`,
    // The join code changes only when rotated (issue #14).
    [...workshopValues(w), w.joinCode, w.id, w.version],
  );
  return updated.rowCount === 1;
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
    await c.query(
      'INSERT INTO tokens (hash, workshop_id, role, participant_id) VALUES ($1, $2, $3, $4)',
      tokenValues(t),
    );
  }
}

export async function writeEvent(c: Client, e: EventRecord): Promise<void> {
  await c.query('INSERT INTO events (workshop_id, at, type, data) VALUES ($1, $2, $3, $4)', eventValues(e));
}
