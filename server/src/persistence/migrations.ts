/**
 * One numbered list of schema migrations for both stores (DESIGN §4). Each version has its SQL per
 * dialect, written side by side so they stay in step: only the types differ (JSON is TEXT in SQLite
 * and JSONB in PostgreSQL, bytes BLOB/BYTEA, epoch ms INTEGER/BIGINT, autoincrement vs BIGSERIAL).
 * Each store runs the versions it has not recorded in `schema_migrations`, in order, in one
 * transaction with the record of each. tests/integration/store-schema.test.ts checks that both
 * stores end with the same tables, columns and indexes.
 *
 * A new column: append a migration with both statements (never edit one that has shipped), read and
 * write it in both stores, and give it a default for rows written before it.
 */
export interface Migration {
  version: number;
  /** What it adds, for people reading `schema_migrations`. */
  name: string;
  sqlite: string;
  postgres: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'workshops, groups, participants, tokens, events, docs',
    sqlite: `
      CREATE TABLE workshops (
        id TEXT PRIMARY KEY,
        join_code TEXT NOT NULL UNIQUE,
        title TEXT NOT NULL,
        date TEXT, venue TEXT, organiser TEXT,
        mode TEXT NOT NULL, locale TEXT NOT NULL, template TEXT NOT NULL,
        phase TEXT NOT NULL,
        spotlight_group_id TEXT,
        timer TEXT NOT NULL,
        agenda TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        control TEXT,
        version INTEGER NOT NULL DEFAULT 1
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
        joined_at INTEGER NOT NULL,
        PRIMARY KEY (workshop_id, id)
      );
      CREATE TABLE tokens (
        hash TEXT PRIMARY KEY,
        workshop_id TEXT NOT NULL REFERENCES workshops(id),
        role TEXT NOT NULL,
        participant_id TEXT
      );
      CREATE TABLE events (
        workshop_id TEXT NOT NULL,
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        at INTEGER NOT NULL,
        type TEXT NOT NULL,
        data TEXT NOT NULL
      );
      CREATE INDEX events_by_workshop ON events(workshop_id, seq);
      CREATE TABLE doc_updates (
        doc TEXT NOT NULL,
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        bytes BLOB NOT NULL
      );
      CREATE INDEX doc_updates_by_doc ON doc_updates(doc, seq);
      CREATE TABLE doc_snapshots (
        doc TEXT PRIMARY KEY,
        bytes BLOB NOT NULL,
        upto_seq INTEGER NOT NULL
      );`,
    postgres: `
      CREATE TABLE workshops (
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
  },
  {
    version: 2,
    // PostgreSQL had this index from version 1 (deleting a workshop's tokens); SQLite catches up.
    name: 'tokens by workshop in both stores',
    sqlite: 'CREATE INDEX IF NOT EXISTS tokens_by_workshop ON tokens(workshop_id);',
    postgres: 'CREATE INDEX IF NOT EXISTS tokens_by_workshop ON tokens(workshop_id);',
  },
  {
    version: 3,
    // /healthz upserts its one row: a store that reads but cannot write is not healthy (issue #14).
    name: 'heartbeat row for the health check',
    sqlite: 'CREATE TABLE IF NOT EXISTS heartbeat (id INTEGER PRIMARY KEY, at INTEGER NOT NULL);',
    postgres: 'CREATE TABLE IF NOT EXISTS heartbeat (id INTEGER PRIMARY KEY, at BIGINT NOT NULL);',
  },
  {
    version: 4,
    // A snapshot is stored in parts so a board is loaded a part per event-loop turn (issue #14):
    // `doc_snapshots` keeps part 0 and `upto_seq`, so a snapshot written before is read unchanged.
    name: 'snapshot parts after the first',
    sqlite: `CREATE TABLE IF NOT EXISTS doc_snapshot_parts (
        doc TEXT NOT NULL, part INTEGER NOT NULL, bytes BLOB NOT NULL, PRIMARY KEY (doc, part));`,
    postgres: `CREATE TABLE IF NOT EXISTS doc_snapshot_parts (
        doc TEXT NOT NULL, part INTEGER NOT NULL, bytes BYTEA NOT NULL, PRIMARY KEY (doc, part));`,
  },
];

/**
 * SQLite files written before the numbered migrations (no `schema_migrations` table) were made by
 * `CREATE TABLE IF NOT EXISTS` plus these columns added later. Such a file is brought to version
 * 1 by adding whichever of them it lacks, then recorded as at version 1.
 */
export const SQLITE_PRE_MIGRATION_COLUMNS: ReadonlyArray<{ table: string; column: string; definition: string }> = [
  { table: 'workshops', column: 'control', definition: 'TEXT' },
  { table: 'groups', column: 'capacity', definition: 'INTEGER' },
  { table: 'groups', column: 'prompt', definition: "TEXT NOT NULL DEFAULT ''" },
  { table: 'workshops', column: 'version', definition: 'INTEGER NOT NULL DEFAULT 1' },
];
