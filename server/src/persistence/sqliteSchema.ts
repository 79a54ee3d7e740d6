import type Database from 'better-sqlite3';
import { MIGRATIONS, SQLITE_PRE_MIGRATION_COLUMNS } from './migrations.js';

/**
 * Brings a SQLite file to the newest schema (migrations.ts). `BEGIN IMMEDIATE` takes the write
 * lock before reading the version, so two processes opening the same file at once run each
 * migration once: the second waits (busy timeout) and then finds it recorded.
 */
export function migrateSqlite(db: Database.Database): void {
  const migrate = db.transaction(() => {
    db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, at INTEGER NOT NULL)');
    const row = db.prepare('SELECT max(version) AS version FROM schema_migrations').get() as { version: number | null };
    let done = row.version ?? 0;
    if (done === 0 && hasTable(db, 'workshops')) {
      upgradePreMigrationFile(db);
      record(db, 1);
      done = 1;
    }
    for (const migration of MIGRATIONS) {
      if (migration.version <= done) continue;
      db.exec(migration.sqlite);
      record(db, migration.version);
    }
  });
  migrate.immediate();
}

function hasTable(db: Database.Database, name: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

/** A file from before the numbered migrations: add the columns it may lack (version 1's shape). */
function upgradePreMigrationFile(db: Database.Database): void {
  for (const { table, column, definition } of SQLITE_PRE_MIGRATION_COLUMNS) {
    const columns = db.prepare(`PRAGMA table_info(${table})`).all() as Array<{ name: string }>;
    if (!columns.some((c) => c.name === column)) db.exec(`ALTER TABLE ${table} ADD COLUMN ${column} ${definition}`);
  }
}

function record(db: Database.Database, version: number): void {
  db.prepare('INSERT INTO schema_migrations (version, at) VALUES (?, ?)').run(version, Date.now());
}
