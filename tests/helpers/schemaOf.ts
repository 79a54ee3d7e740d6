import Database from 'better-sqlite3';
import pg from 'pg';

/** A database's shape by name only (types differ by dialect on purpose): what migrations must keep equal. */
export interface SchemaShape {
  /** `table.column`, sorted. */
  columns: string[];
  /** Explicit indexes (not those behind a primary key or UNIQUE constraint), sorted. */
  indexes: string[];
  /** Versions recorded in `schema_migrations`, ascending. */
  versions: number[];
}

/** Reads the shape straight from the database behind `databaseUrl` (sqlite_master / information_schema). */
export async function schemaOf(databaseUrl: string): Promise<SchemaShape> {
  if (databaseUrl.startsWith('sqlite:')) {
    const db = new Database(databaseUrl.slice('sqlite:'.length), { readonly: true });
    try {
      const tables = db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        .all() as Array<{ name: string }>;
      const columns = tables.flatMap(({ name }) =>
        (db.prepare(`PRAGMA table_info("${name}")`).all() as Array<{ name: string }>).map((c) => `${name}.${c.name}`),
      );
      // Autoindexes (primary keys, UNIQUE) have no SQL text.
      const indexes = db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")
        .all() as Array<{
        name: string;
      }>;
      const versions = db.prepare('SELECT version FROM schema_migrations ORDER BY version').all() as Array<{
        version: number;
      }>;
      return shape(
        columns,
        indexes.map((i) => i.name),
        versions.map((v) => v.version),
      );
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const columns = await client.query<{ table_name: string; column_name: string }>(
      "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public'",
    );
    const indexes = await client.query<{ indexname: string }>(
      `SELECT indexname FROM pg_indexes WHERE schemaname = 'public'
         AND indexname NOT IN (SELECT conname FROM pg_constraint)`,
    );
    const versions = await client.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
    return shape(
      columns.rows.map((c) => `${c.table_name}.${c.column_name}`),
      indexes.rows.map((i) => i.indexname),
      versions.rows.map((v) => v.version),
    );
  } finally {
    await client.end();
  }
}

function shape(columns: string[], indexes: string[], versions: number[]): SchemaShape {
  return { columns: [...columns].sort(), indexes: [...indexes].sort(), versions };
}
