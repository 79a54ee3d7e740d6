import { afterAll, beforeAll } from 'vitest';
import { TestPostgres } from './testPostgres.js';

// The server itself lives in testPostgres.ts, which does not import vitest, so scripts outside the
// test runner (tests/bench) can start one too.
export { postgresBinDir, TestPostgres } from './testPostgres.js';

/** One PostgreSQL server for a whole test file: started in beforeAll, removed in afterAll. */
export function sharedPostgres(): { readonly server: TestPostgres } {
  let server: TestPostgres | undefined;
  beforeAll(async () => {
    server = await TestPostgres.start();
  });
  afterAll(async () => {
    await server?.destroy();
  });
  return {
    get server(): TestPostgres {
      if (!server) throw new Error('the shared PostgreSQL server starts in beforeAll');
      return server;
    },
  };
}
