/** Socket errors that mean the database is out of reach, not that the statement was wrong. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND']);

/**
 * Whether a `pg` error means "the server is gone or refusing work" (so the write was not
 * acknowledged and the caller should answer 503): network errors, a connection the server
 * dropped, SQLSTATE class 08 (connection exception), 57P0x (shutdown, crash, still starting up),
 * 53300 (too many connections), and a disk that refuses writes (53100, 58030).
 */
export function isConnectionError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code = 'code' in error ? String(error.code) : '';
  // 53100 disk full, 58030 I/O error (issue #14): nothing was written, like a database that is down.
  if (NETWORK_CODES.has(code) || code.startsWith('08') || code.startsWith('57P') || code === '53300') return true;
  if (code === '53100' || code === '58030') return true;
  const message = 'message' in error ? String(error.message) : '';
  return /Connection terminated|connection timeout|Client has encountered a connection error|not queryable|Query read timeout/i.test(
    message,
  );
}

/** SQLSTATE 53100 (disk full) or 58030 (I/O error): PostgreSQL could not get room for a write. */
export function isDiskFull(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  return code === '53100' || code === '58030';
}
