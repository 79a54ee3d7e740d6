import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Cleanup } from './cleanup.js';
import { TestPostgres } from './testPostgres.js';

/** Set TEST_DATABASE=postgres to run every test server that does not pick its store on PostgreSQL. */
const usePostgres = process.env.TEST_DATABASE === 'postgres';
let postgres: Promise<TestPostgres> | null = null;

/**
 * The database a test server gets when the test does not choose one: a temp SQLite file (the
 * default), or with TEST_DATABASE=postgres a fresh database on one throwaway PostgreSQL server per
 * test process (removed when the process exits) — so the whole integration suite can be run
 * against PostgreSQL too: `TEST_DATABASE=postgres pnpm vitest run tests/integration`.
 */
export async function defaultDatabaseUrl(cleanup: Cleanup): Promise<string> {
  if (usePostgres) {
    postgres ??= TestPostgres.start();
    return (await postgres).createDatabase();
  }
  const dir = cleanup.add(mkdtempSync(join(tmpdir(), 'warsztat-')), (d) => rmSync(d, { recursive: true, force: true }));
  return `sqlite:${join(dir, 'warsztat.db')}`;
}
