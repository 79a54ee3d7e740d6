import { statfsSync } from 'node:fs';
import { dirname } from 'node:path';

/** Free space that counts as "room again" after a full disk: a few board updates' worth. */
export const MIN_FREE_BYTES = 1_048_576;
/** Less than this is a full disk even before a write has failed (a heartbeat row fits in far less). */
export const LOW_FREE_BYTES = 65_536;

/** Free bytes on the file system holding `path` (unbounded for an in-memory database). */
export function freeBytes(path: string): number {
  if (path === ':memory:') return Number.POSITIVE_INFINITY;
  try {
    const stats = statfsSync(dirname(path));
    return stats.bavail * stats.bsize;
  } catch {
    return 0;
  }
}

/**
 * SQLite result codes that mean the file cannot be written (disk full, I/O error, read-only file or
 * directory, file gone): like a database that is down, nothing was stored and the caller answers
 * 503 `unavailable` (issue #14) instead of 500 with a stack trace per request.
 */
export function isUnwritable(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  return /^SQLITE_(FULL|IOERR|READONLY|CANTOPEN|CORRUPT|NOTADB)/.test(code);
}
