import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { sharedPostgres } from '../helpers/postgres.js';

/**
 * The throwaway PostgreSQL server other tests rely on: separate databases per test, and outages
 * (fast stop, crash) that keep committed rows once it is back.
 */
const postgres = sharedPostgres();

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe('test PostgreSQL server', () => {
  it('gives each test its own empty database on a loopback port', async () => {
    const a = await postgres.server.createDatabase();
    const b = await postgres.server.createDatabase();
    expect(a).not.toBe(b);
    expect(a).toMatch(/^postgres:\/\/postgres@127\.0\.0\.1:\d+\//);
    await query(a, 'CREATE TABLE only_in_a (x int)');
    expect(await query(b, "SELECT to_regclass('only_in_a') AS t")).toEqual([{ t: null }]);
  });

  it('refuses connections while stopped or killed and keeps committed rows across both', async () => {
    const url = await postgres.server.createDatabase();
    await query(url, 'CREATE TABLE kept (x int); INSERT INTO kept VALUES (1)');

    await postgres.server.stop();
    await expect(query(url, 'SELECT 1')).rejects.toThrow(/ECONNREFUSED/);
    await postgres.server.restart();
    await query(url, 'INSERT INTO kept VALUES (2)');

    await postgres.server.kill();
    // A killed postmaster's orphaned backends can reset a connection instead of refusing it: no server either way.
    await expect(query(url, 'SELECT 1')).rejects.toThrow(/ECONNREFUSED|ECONNRESET/);
    await postgres.server.restart();
    expect(await query(url, 'SELECT x FROM kept ORDER BY x')).toEqual([{ x: 1 }, { x: 2 }]);
  });
});
