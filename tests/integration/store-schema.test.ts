import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../server/src/persistence/migrations.js';
import { Cleanup } from '../helpers/cleanup.js';
import { workshopRecord } from '../helpers/records.js';
import { schemaOf } from '../helpers/schemaOf.js';
import { openTestStore, storeKinds } from '../helpers/stores.js';

/**
 * One migration story for both stores (issue #13, DESIGN §4): the numbered list in
 * persistence/migrations.ts brings SQLite and PostgreSQL to the same tables, columns and indexes,
 * and a SQLite file written before the list existed upgrades in place.
 */
const [sqlite, postgres] = storeKinds();
const cleanup = new Cleanup();
afterEach(() => cleanup.run());

/** The DDL the first release ran on every start (CREATE IF NOT EXISTS, no migrations table). */
const FIRST_RELEASE_SQLITE = `
CREATE TABLE IF NOT EXISTS workshops (
  id TEXT PRIMARY KEY, join_code TEXT NOT NULL UNIQUE, title TEXT NOT NULL,
  date TEXT, venue TEXT, organiser TEXT,
  mode TEXT NOT NULL, locale TEXT NOT NULL, template TEXT NOT NULL, phase TEXT NOT NULL,
  spotlight_group_id TEXT, timer TEXT NOT NULL, agenda TEXT NOT NULL, created_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS groups (
  workshop_id TEXT NOT NULL REFERENCES workshops(id), id TEXT NOT NULL, name TEXT NOT NULL,
  attendance TEXT NOT NULL, position INTEGER NOT NULL, rapporteur_id TEXT, PRIMARY KEY (workshop_id, id)
);
CREATE TABLE IF NOT EXISTS participants (
  workshop_id TEXT NOT NULL REFERENCES workshops(id), id TEXT NOT NULL, name TEXT NOT NULL,
  organisation TEXT, org_type TEXT, attendance TEXT NOT NULL, group_id TEXT, joined_at INTEGER NOT NULL,
  PRIMARY KEY (workshop_id, id)
);
CREATE TABLE IF NOT EXISTS tokens (
  hash TEXT PRIMARY KEY, workshop_id TEXT NOT NULL REFERENCES workshops(id), role TEXT NOT NULL, participant_id TEXT
);
CREATE TABLE IF NOT EXISTS events (
  workshop_id TEXT NOT NULL, seq INTEGER PRIMARY KEY AUTOINCREMENT, at INTEGER NOT NULL, type TEXT NOT NULL,
  data TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS events_by_workshop ON events(workshop_id, seq);
CREATE TABLE IF NOT EXISTS doc_updates (doc TEXT NOT NULL, seq INTEGER PRIMARY KEY AUTOINCREMENT, bytes BLOB NOT NULL);
CREATE INDEX IF NOT EXISTS doc_updates_by_doc ON doc_updates(doc, seq);
CREATE TABLE IF NOT EXISTS doc_snapshots (doc TEXT PRIMARY KEY, bytes BLOB NOT NULL, upto_seq INTEGER NOT NULL);
`;

const allVersions = MIGRATIONS.map((m) => m.version);

describe('schema migrations', () => {
  it('numbers the migrations 1, 2, 3… with SQL for both dialects', () => {
    expect(allVersions).toEqual(MIGRATIONS.map((_, i) => i + 1));
    for (const m of MIGRATIONS) expect(m.sqlite.trim() && m.postgres.trim()).toBeTruthy();
  });

  it('brings a new SQLite file and a new PostgreSQL database to the same tables, columns and indexes', async () => {
    if (!sqlite || !postgres) throw new Error('both store kinds are expected');
    const [liteUrl, pgUrl] = await Promise.all([sqlite.newDatabase(cleanup), postgres.newDatabase(cleanup)]);
    await openTestStore(cleanup, liteUrl);
    await openTestStore(cleanup, pgUrl);
    const [lite, pgShape] = await Promise.all([schemaOf(liteUrl), schemaOf(pgUrl)]);
    expect(lite.columns).toEqual(pgShape.columns);
    expect(lite.indexes).toEqual(pgShape.indexes);
    expect(lite.versions).toEqual(allVersions);
    expect(pgShape.versions).toEqual(allVersions);
  });

  it('upgrades a SQLite file from before the migrations in place, keeping its rows', async () => {
    if (!sqlite) throw new Error('sqlite expected');
    const url = await sqlite.newDatabase(cleanup);
    const old = new Database(url.slice('sqlite:'.length));
    old.exec(FIRST_RELEASE_SQLITE);
    old
      .prepare(
        `INSERT INTO workshops (id, join_code, title, mode, locale, template, phase, timer, agenda, created_at)
         VALUES ('w1', 'ABCDEF', 'Stary plik', 'onsite', 'pl', 'di-5', 'lobby', ?, '[]', 0)`,
      )
      .run(JSON.stringify({ endsAt: null, pausedRemainingMs: null }));
    old.close();

    const store = await openTestStore(cleanup, url);
    const loaded = await store.loadWorkshop('w1');
    expect(loaded).toMatchObject({ title: 'Stary plik', version: 1 });
    // The upgraded file has exactly the shape of a new one.
    const fresh = await sqlite.newDatabase(cleanup);
    await openTestStore(cleanup, fresh);
    expect(await schemaOf(url)).toEqual(await schemaOf(fresh));
    // And it takes writes of every column.
    if (!loaded) throw new Error('not loaded');
    await store.saveWorkshop({ ...loaded, title: 'Nowy tytuł' }, { workshopId: 'w1', at: 1, type: 'x', data: null });
    expect((await store.loadWorkshop('w1'))?.version).toBe(2);
  });

  it('runs each migration once, however often and however many openers open the database', async () => {
    for (const kind of [sqlite, postgres]) {
      if (!kind) continue;
      const url = await kind.newDatabase(cleanup);
      await Promise.all([openTestStore(cleanup, url), openTestStore(cleanup, url), openTestStore(cleanup, url)]);
      await openTestStore(cleanup, url);
      expect((await schemaOf(url)).versions).toEqual(allVersions);
    }
  });

  it('keeps the rows of the version before when a later migration runs', async () => {
    if (!sqlite) throw new Error('sqlite expected');
    const url = await sqlite.newDatabase(cleanup);
    const store = await openTestStore(cleanup, url);
    await store.createWorkshop(workshopRecord({ id: 'w1' }), [], {
      workshopId: 'w1',
      at: 0,
      type: 'created',
      data: null,
    });
    // Pretend the file stopped at version 1, then open it again: version 2 runs on a file with rows.
    const raw = new Database(join(url.slice('sqlite:'.length)));
    raw.exec('DROP INDEX tokens_by_workshop; DELETE FROM schema_migrations WHERE version > 1');
    raw.close();
    const again = await openTestStore(cleanup, url);
    expect((await again.loadWorkshop('w1'))?.id).toBe('w1');
    expect((await schemaOf(url)).versions).toEqual(allVersions);
  });
});
