import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addCard } from '@warsztat/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { Cleanup } from '../helpers/cleanup.js';
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

/** A fresh 8 MiB tmpfs, or null where mounting is not allowed (not root, a container without the capability). */
function smallTmpfs(): string | null {
  const dir = mkdtempSync(join(tmpdir(), 'warsztat-full-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=8m', 'tmpfs', dir], { stdio: 'ignore' });
  } catch {
    rmSync(dir, { recursive: true, force: true });
    return null;
  }
  cleanup.add(dir, (d) => {
    execFileSync('umount', ['-l', d], { stdio: 'ignore' });
    rmSync(d, { recursive: true, force: true });
  });
  return dir;
}

const mount = smallTmpfs();
if (!mount) console.warn('hostile-disk: skipped — this machine does not allow mounting a tmpfs (needs root)');

/** Writes zeros into `path` until the file system refuses (ENOSPC). */
function fill(path: string): void {
  const fd = openSync(path, 'w');
  const chunk = Buffer.alloc(64 * 1024);
  try {
    for (;;) writeSync(fd, chunk);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  } finally {
    closeSync(fd);
  }
}

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
        fill(filler);
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
});
