import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';

/**
 * One style nonce per answer, the same for its `Content-Security-Policy` header (helmet asks for
 * it) and its body (the app shell writes it into the page). Made on first ask and kept with the
 * answer, so the two always match and no answer ever reuses another's.
 */
const nonces = new WeakMap<ServerResponse, string>();

/** 128 random bits, base64: CSP asks for a nonce an attacker cannot guess, fresh per answer. */
export function styleNonce(res: ServerResponse): string {
  let nonce = nonces.get(res);
  if (!nonce) {
    nonce = randomBytes(16).toString('base64');
    nonces.set(res, nonce);
  }
  return nonce;
}
