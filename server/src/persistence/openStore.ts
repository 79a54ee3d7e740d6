import { SqliteStore } from './SqliteStore.js';
import type { Store } from './Store.js';

/** Picks the store from DATABASE_URL: `sqlite:<path>` (default) or `postgres://…` / `postgresql://…`. */
export async function openStore(databaseUrl: string): Promise<Store> {
  if (databaseUrl.startsWith('sqlite:')) return new SqliteStore(databaseUrl.slice('sqlite:'.length) || ':memory:');
  if (databaseUrl.startsWith('postgres://') || databaseUrl.startsWith('postgresql://')) {
    // Loaded only when used: a SQLite node never holds `pg` in memory.
    const { PostgresStore } = await import('./PostgresStore.js');
    return PostgresStore.open(databaseUrl);
  }
  throw new Error(`Unsupported DATABASE_URL scheme: ${databaseUrl.split(':')[0]}`);
}
