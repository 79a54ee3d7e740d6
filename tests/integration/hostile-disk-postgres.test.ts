import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { Cleanup } from '../helpers/cleanup.js';
import { fillUntilFull, mountTmpfs, unmountTmpfs } from '../helpers/fullDisk.js';
import { duringAttack, expectFriendEditsSurvive, hostileRoom } from '../helpers/hostile.js';
import { waitFor } from '../helpers/poll.js';
import { sharedPostgres } from '../helpers/postgres.js';
import { api } from '../helpers/server.js';

/**
 * Issue #14, "disk full", on PostgreSQL (hostile-disk.test.ts is the SQLite one): the workshop's
 * database lives in a tablespace on a small tmpfs that a filler file fills up. WAL stays in the
 * data dir (as with data on a separate volume), so a write that fits in a page PostgreSQL already
 * has still succeeds, and is stored; the first that needs a new page fails with SQLSTATE 53100.
 * That command or join answers 503 `unavailable` and changes nothing, `/healthz` answers 503 from
 * then on, the log has no stack trace, and all recovers when the space is back.
 */
const cleanup = new Cleanup();
afterEach(() => cleanup.run());
const postgres = sharedPostgres();

/** The `postgres` OS user (the test server runs as it when we are root), or null. */
function postgresUser(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}

/** A 32 MiB tmpfs owned by the postgres user, or null where mounting is not allowed. */
function smallTmpfs(): string | null {
  const user = postgresUser();
  return user ? mountTmpfs('warsztat-pgfull-', `size=32m,mode=0700,uid=${user.uid},gid=${user.gid}`) : null;
}

const mount = smallTmpfs();
if (!mount) console.warn('hostile-disk-postgres: skipped — this machine does not allow mounting a tmpfs (needs root)');
// Registered after sharedPostgres, so it runs before the server is removed (after-hooks run in
// reverse): a lazy unmount detaches the tmpfs now and frees it once PostgreSQL has closed its files.
afterAll(() => {
  if (mount) unmountTmpfs(mount);
});

/** A database whose every table is in a tablespace on `dir` (CREATE DATABASE … TABLESPACE). */
async function databaseOn(dir: string): Promise<string> {
  const location = join(dir, 'tablespace');
  const user = postgresUser();
  mkdirSync(location, { mode: 0o700 });
  if (user) execFileSync('chown', [`${user.uid}:${user.gid}`, location]);
  const admin = new pg.Client({ connectionString: postgres.server.url() });
  await admin.connect();
  const name = `full_${process.pid}`;
  try {
    await admin.query(`CREATE TABLESPACE tiny_${process.pid} LOCATION '${location}'`);
    await admin.query(`CREATE DATABASE ${name} TABLESPACE tiny_${process.pid}`);
  } finally {
    await admin.end();
  }
  return postgres.server.url(name);
}

describe('a full disk under PostgreSQL', () => {
  it.skipIf(!mount)(
    'answers 503 unavailable everywhere, logs no stack traces, and recovers when space is back',
    async () => {
      const dir = mount as string;
      const room = await hostileRoom(cleanup, {}, await databaseOn(dir));
      const { url } = room.server;
      const before = room.server.output.length;
      const filler = join(dir, 'filler');
      const { result, slowestMs } = await duringAttack(url, async () => {
        fillUntilFull(filler);
        // A write that fits in a page PostgreSQL already has still succeeds (and is stored: the WAL
        // is elsewhere); the first one that needs a new page is refused. Commands until then.
        const refusedBy = async (send: (i: number) => Promise<{ status: number; body: unknown }>) => {
          for (let i = 0; i < 2_000; i++) {
            const answer = await send(i);
            if (answer.status !== 200 && answer.status !== 201) return { ...answer, tries: i + 1 };
          }
          throw new Error('no write was refused on a full disk');
        };
        const command = await refusedBy((i) =>
          api(url, 'POST', `/api/workshops/${room.workshopId}/commands`, {
            token: room.facilitatorToken,
            body: { type: 'broadcast', text: `Komunikat ${i} ${'x'.repeat(400)}`, groupId: null },
          }),
        );
        const health = await fetch(`${url}/healthz`);
        const join = await refusedBy((i) =>
          api(url, 'POST', '/api/join', { body: { joinCode: room.joinCode, name: `Spóźniona ${i}` } }),
        );
        const phase = await api(url, 'POST', `/api/workshops/${room.workshopId}/commands`, {
          token: room.facilitatorToken,
          body: { type: 'phase', to: 'plenary' },
        });
        return { command, health: health.status, join, phase };
      });
      console.log(`refused after ${result.command.tries} commands and ${result.join.tries} joins`);
      const codeOf = (answer: { body: unknown }) => (answer.body as { error?: { code?: string } }).error?.code;
      expect([result.command.status, codeOf(result.command)]).toEqual([503, 'unavailable']);
      expect([result.join.status, codeOf(result.join)]).toEqual([503, 'unavailable']);
      // Once a write was refused for space, /healthz says so until a write needing space succeeds.
      expect(result.health).toBe(503);
      expect(slowestMs).toBeLessThan(1_000);
      const log = room.server.output.slice(before);
      expect(log).not.toMatch(/\n\s+at /);
      expect(log).not.toMatch(/"level":50/);

      // Space is back: healthy again, and nothing was half-written (the phase is still breakout).
      rmSync(filler);
      await waitFor(async () => (await fetch(`${url}/healthz`)).status === 200, 10_000, 'healthz back to 200');
      const state = await api<{ phase: string; broadcasts: Array<{ text: string }> }>(
        url,
        'GET',
        `/api/workshops/${room.workshopId}`,
        { token: room.facilitatorToken },
      );
      // Nothing half-written: the refused broadcast is not there, and the phase moved only if its
      // command was answered 200.
      const refusedText = `Komunikat ${result.command.tries - 1} `;
      expect(JSON.stringify(state.body)).not.toContain(refusedText);
      expect(state.body.phase).toBe(result.phase.status === 200 ? 'plenary' : 'breakout');
      // And writing works again.
      const again = await api(url, 'POST', '/api/workshops', { body: { title: 'Po zwolnieniu miejsca' } });
      expect(again.status).toBe(201);
      await expectFriendEditsSurvive(cleanup, room, 'po zwolnieniu miejsca');
    },
    120_000,
  );
});
