import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../server/src/persistence/openStore.js';
import type { Store } from '../../server/src/persistence/Store.js';
import type { Cleanup } from './cleanup.js';
import { sharedPostgres } from './postgres.js';

/**
 * Both stores behind one description, so a suite runs the same tests against SQLite and
 * PostgreSQL (issue #9): `describe.each(storeKinds())(...)`. Each test gets its own fresh
 * database (a temp SQLite file, or a new database on the file's shared PostgreSQL server), and
 * may open it several times — as several nodes would.
 */
export interface StoreKind {
  readonly name: 'sqlite' | 'postgres';
  /** A new empty database; the URL is what DATABASE_URL would hold. */
  newDatabase(cleanup: Cleanup): Promise<string>;
}

/** Call at the top level of a test file (it registers the PostgreSQL server's beforeAll/afterAll). */
export function storeKinds(): StoreKind[] {
  const postgres = sharedPostgres();
  return [
    {
      name: 'sqlite',
      newDatabase: async (cleanup) => {
        const dir = cleanup.add(mkdtempSync(join(tmpdir(), 'warsztat-store-')), (d) =>
          rmSync(d, { recursive: true, force: true }),
        );
        return `sqlite:${join(dir, 'warsztat.db')}`;
      },
    },
    { name: 'postgres', newDatabase: () => postgres.server.createDatabase() },
  ];
}

/** Opens a store on `databaseUrl` that is closed with the test's cleanup. */
export async function openTestStore(cleanup: Cleanup, databaseUrl: string): Promise<Store> {
  return cleanup.add(await openStore(databaseUrl), (s) => s.close());
}
