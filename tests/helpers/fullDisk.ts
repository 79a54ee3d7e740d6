import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * A real full disk for the "disk full" tests (issue #14, hostile-disk on SQLite and on
 * PostgreSQL): a small tmpfs the store writes to, and a filler file that takes its last byte.
 */

/**
 * A fresh tmpfs mounted with `options` (e.g. `size=8m`), or null where mounting is not allowed
 * (not root, a container without the capability): the caller skips its test then.
 */
export function mountTmpfs(prefix: string, options: string): string | null {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir], { stdio: 'ignore' });
  } catch {
    rmSync(dir, { recursive: true, force: true });
    return null;
  }
  return dir;
}

/** Detaches the tmpfs at once (lazily: a server may still hold files there) and removes the dir. */
export function unmountTmpfs(dir: string): void {
  execFileSync('umount', ['-l', dir], { stdio: 'ignore' });
  rmSync(dir, { recursive: true, force: true });
}

/**
 * Writes zeros into `path` until the file system refuses (ENOSPC). Refuses to start unless `path`
 * is on a file system of its own (the tmpfs): a directory left behind after an unmount is on the
 * machine's disk, and filling that takes every process on the machine down with it.
 */
export function fillUntilFull(path: string): void {
  if (statSync(dirname(path)).dev === statSync(tmpdir()).dev) {
    throw new Error(`fillUntilFull: ${dirname(path)} is not a mounted tmpfs; refusing to fill the machine's disk`);
  }
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
