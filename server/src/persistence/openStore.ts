import { SqliteStore } from './SqliteStore.js';
import type { Store } from './Store.js';

/** Picks the store from DATABASE_URL: `sqlite:<path>` (default) or `postgres://…`. */
export function openStore(databaseUrl: string): Store {
  if (databaseUrl.startsWith('sqlite:')) return new SqliteStore(databaseUrl.slice('sqlite:'.length) || ':memory:');
  if (databaseUrl.startsWith('postgres://') || databaseUrl.startsWith('postgresql://')) {
    throw new Error('PostgreSQL store is not implemented yet; use sqlite:<path>');
  }
  throw new Error(`Unsupported DATABASE_URL scheme: ${databaseUrl.split(':')[0]}`);
}
