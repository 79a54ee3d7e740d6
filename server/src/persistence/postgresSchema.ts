import type pg from 'pg';

/**
 * The PostgreSQL schema as numbered migrations (issue #9). Each runs once, in order, in one
 * transaction that also records it in `schema_migrations`; a transaction-scoped advisory lock
 * makes nodes starting together wait for each other instead of racing on the same DDL.
 * Append new migrations; never edit one that has shipped.
 */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE workshops (
     id TEXT PRIMARY KEY,
     join_code TEXT NOT NULL UNIQUE,
     title TEXT NOT NULL,
     date TEXT, venue TEXT, organiser TEXT,
     mode TEXT NOT NULL, locale TEXT NOT NULL, template TEXT NOT NULL,
     phase TEXT NOT NULL,
     spotlight_group_id TEXT,
     timer JSONB NOT NULL,
     agenda JSONB NOT NULL,
     control JSONB NOT NULL,
     created_at BIGINT NOT NULL,
     version INTEGER NOT NULL
   );
   CREATE TABLE groups (
     workshop_id TEXT NOT NULL REFERENCES workshops(id),
     id TEXT NOT NULL,
     name TEXT NOT NULL,
     attendance TEXT NOT NULL,
     position INTEGER NOT NULL,
     rapporteur_id TEXT,
     capacity INTEGER,
     prompt TEXT NOT NULL DEFAULT '',
     PRIMARY KEY (workshop_id, id)
   );
   CREATE TABLE participants (
     workshop_id TEXT NOT NULL REFERENCES workshops(id),
     id TEXT NOT NULL,
     name TEXT NOT NULL,
     organisation TEXT,
     org_type TEXT,
     attendance TEXT NOT NULL,
     group_id TEXT,
     joined_at BIGINT NOT NULL,
     PRIMARY KEY (workshop_id, id)
   );
   CREATE TABLE tokens (
     hash TEXT PRIMARY KEY,
     workshop_id TEXT NOT NULL REFERENCES workshops(id),
     role TEXT NOT NULL,
     participant_id TEXT
   );
   CREATE INDEX tokens_by_workshop ON tokens(workshop_id);
   CREATE TABLE events (
     seq BIGSERIAL PRIMARY KEY,
     workshop_id TEXT NOT NULL,
     at BIGINT NOT NULL,
     type TEXT NOT NULL,
     data JSONB
   );
   CREATE INDEX events_by_workshop ON events(workshop_id, seq);
   CREATE TABLE doc_updates (
     seq BIGSERIAL PRIMARY KEY,
     doc TEXT NOT NULL,
     bytes BYTEA NOT NULL
   );
   CREATE INDEX doc_updates_by_doc ON doc_updates(doc, seq);
   CREATE TABLE doc_snapshots (
     doc TEXT PRIMARY KEY,
     bytes BYTEA NOT NULL,
     upto_seq BIGINT NOT NULL
   );`,
];

/** Key of the advisory lock held while migrating (any constant unique to this app). */
const MIGRATION_LOCK = 0x77_61_72_73_7a_74; // "warszt"

export async function migrate(client: pg.ClientBase): Promise<void> {
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, at BIGINT NOT NULL)',
    );
    const { rows } = await client.query<{ version: number }>('SELECT max(version) AS version FROM schema_migrations');
    const done = rows[0]?.version ?? 0;
    for (let version = done + 1; version <= MIGRATIONS.length; version++) {
      await client.query(MIGRATIONS[version - 1] ?? '');
      await client.query('INSERT INTO schema_migrations (version, at) VALUES ($1, $2)', [version, Date.now()]);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  }
}
