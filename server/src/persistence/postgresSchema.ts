import type pg from 'pg';
import { MIGRATIONS } from './migrations.js';

/** Key of the advisory lock held while migrating (any constant unique to this app). */
const MIGRATION_LOCK = 0x77_61_72_73_7a_74; // "warszt"

/**
 * Brings a PostgreSQL database to the newest schema (migrations.ts, shared with SQLite). Each
 * version runs once, in order, in one transaction that also records it in `schema_migrations`; a
 * transaction-scoped advisory lock makes nodes starting together wait for each other instead of
 * racing on the same DDL.
 */
export async function migrate(client: pg.ClientBase): Promise<void> {
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, at BIGINT NOT NULL)',
    );
    const { rows } = await client.query<{ version: number }>('SELECT max(version) AS version FROM schema_migrations');
    const done = rows[0]?.version ?? 0;
    for (const migration of MIGRATIONS) {
      if (migration.version <= done) continue;
      await client.query(migration.postgres);
      await client.query('INSERT INTO schema_migrations (version, at) VALUES ($1, $2)', [
        migration.version,
        Date.now(),
      ]);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  }
}
