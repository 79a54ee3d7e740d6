import { rmSync, statSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import { addCard } from '@warsztat/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { cardHeavyBoard } from '../helpers/bigBoards.js';
import { Cleanup } from '../helpers/cleanup.js';
import { rowsContaining } from '../helpers/databaseRows.js';
import { fillUntilFull, mountTmpfs, unmountTmpfs } from '../helpers/fullDisk.js';
import { duringAttack, expectFriendEditsSurvive, hostileRoom } from '../helpers/hostile.js';
import { waitFor } from '../helpers/poll.js';
import { connectBoard } from '../helpers/provider.js';
import { api } from '../helpers/server.js';

/**
 * Issue #14, "disk full": `/healthz` said ok while commands answered 500 `internal` with a stack
 * trace in the log. The SQLite store now turns an unwritable file into "unavailable": commands,
 * joins and creates answer 503 and change nothing, `/healthz` checks a write (and the free space)
 * and answers 503, and the log has no stack trace per request. The database lives on a small tmpfs
 * that a filler file fills up.
 */
const cleanup = new Cleanup();
afterEach(() => cleanup.run());

/** An 8 MiB tmpfs, unmounted after the test; null where mounting is not allowed. */
const mount = mountTmpfs('warsztat-full-', 'size=8m');
if (mount) cleanup.add(mount, unmountTmpfs);
else console.warn('hostile-disk: skipped — this machine does not allow mounting a tmpfs (needs root)');

describe('a full disk', () => {
  it.skipIf(!mount)(
    'answers 503 unavailable everywhere, logs no stack traces, and recovers when space is back',
    async () => {
      const dir = mount as string;
      const room = await hostileRoom(cleanup, {}, `sqlite:${join(dir, 'warsztat.db')}`);
      const { url } = room.server;
      const before = room.server.output.length;
      const filler = join(dir, 'filler');
      const { result, slowestMs } = await duringAttack(url, async () => {
        fillUntilFull(filler);
        const command = await api(url, 'POST', `/api/workshops/${room.workshopId}/commands`, {
          token: room.facilitatorToken,
          body: { type: 'phase', to: 'plenary' },
        });
        const join = await api(url, 'POST', '/api/join', { body: { joinCode: room.joinCode, name: 'Spóźniona' } });
        const create = await api(url, 'POST', '/api/workshops', { body: { title: 'Na pełnym dysku' } });
        const health = await fetch(`${url}/healthz`);
        // A board edit cannot be stored: it is never sent to anyone (its sockets close with 1011).
        const friend = connectBoard(cleanup, room.server.port, room.docName, room.friend);
        await waitFor(() => friend.provider.synced, 5_000);
        addCard(friend.doc, { sectionId: 'needs', text: 'na pełnym dysku' });
        await waitFor(() => !friend.provider.wsconnected, 10_000, 'board socket dropped');
        friend.provider.destroy();
        return [
          command.status,
          join.status,
          create.status,
          health.status,
          (command.body as { error?: { code?: string } }).error?.code,
        ];
      });
      expect(result).toEqual([503, 503, 503, 503, 'unavailable']);
      expect(slowestMs).toBeLessThan(1_000);
      expect(room.server.output.slice(before)).not.toMatch(/\n\s+at /);

      // Space is back: healthy again, and nothing was half-written (the phase is still breakout).
      rmSync(filler);
      await waitFor(async () => (await fetch(`${url}/healthz`)).status === 200, 5_000, 'healthz back to 200');
      const state = await api<{ phase: string }>(url, 'GET', `/api/workshops/${room.workshopId}`, {
        token: room.facilitatorToken,
      });
      expect(state.body.phase).toBe('breakout');
      await expectFriendEditsSurvive(cleanup, room, 'po zwolnieniu miejsca');
    },
    90_000,
  );

  it.skipIf(!mount)(
    'removes the boards of an import that failed half-way for want of space, once it can',
    async () => {
      // A tmpfs of its own: the file's one is unmounted by the first test's cleanup.
      const dir = mountTmpfs('warsztat-full-', 'size=8m');
      if (!dir) throw new Error('mounting worked for the first test');
      cleanup.add(dir, unmountTmpfs);
      const databaseUrl = `sqlite:${join(dir, 'warsztat.db')}`;
      // The sweep that retries the removal runs every half second here (hourly by default).
      const room = await hostileRoom(cleanup, { RETENTION_SWEEP_MS: '500' }, databaseUrl);
      const { url } = room.server;
      const exported = await api<{ workshop: { groups: Array<{ id: string }> } }>(
        url,
        'GET',
        `/api/workshops/${room.workshopId}/report?format=json`,
        { token: room.facilitatorToken },
      );
      expect(exported.status).toBe(200);
      // Boards of ~300 KB whose cards carry a marker no other row has.
      const marker = 'znacznik-nieudanego-importu';
      const board = Buffer.from(cardHeavyBoard(300_000, [marker])).toString('base64');
      const backup = {
        ...exported.body,
        boards: exported.body.workshop.groups.map((g) => ({ groupId: g.id, update: board })),
      };
      // Room for about one board: the import writes it, then the next one finds the disk full.
      const filler = join(dir, 'filler');
      fillUntilFull(filler);
      truncateSync(filler, statSync(filler).size - 450_000);
      const answer = await api(url, 'POST', '/api/workshops/import', { body: backup });
      expect(answer.status).toBe(503);
      rmSync(filler);
      // Nothing refers to those boards: they go, at once or at the next sweep once there is space.
      await waitFor(
        async () => (await rowsContaining(databaseUrl, [marker])).length === 0,
        10_000,
        'orphan boards removed',
      );
      await expectFriendEditsSurvive(cleanup, room, 'po nieudanym imporcie');
    },
    90_000,
  );
});
