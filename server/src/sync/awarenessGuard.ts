import type { Role } from '@warsztat/shared';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/** Who a peer is, from its token; clients may not claim another name, role or colour. */
export interface AwarenessUser {
  name: string | null;
  role: Role;
  color: string;
}

/** One awareness state (cursor, editing card, name) is small; a larger one is abuse. */
export const MAX_AWARENESS_STATE_BYTES = 4_096;
/** A browser tab introduces one client id; a few allow for reloads within one socket's life. */
export const MAX_AWARENESS_ENTRIES = 8;
/**
 * Entries per message. A socket speaks for at most MAX_AWARENESS_ENTRIES ids, but a stock provider
 * echoes every state it receives (one message can carry a whole doc's worth of foreign ids), so
 * the count itself is bounded only loosely; those entries are skipped unparsed.
 */
export const MAX_AWARENESS_MESSAGE_ENTRIES = 10_000;

export interface GuardResult {
  /** The entries this socket may set, re-encoded with the session's `user`; null when none. */
  update: Uint8Array | null;
  /** Entries whose JSON was parsed (this socket's own). */
  parsed: number;
  /** Entries for client ids this socket does not own, skipped without reading their JSON. */
  skipped: number;
}

/**
 * Rewrites one peer's awareness update (y-protocols format: varUint count, then per entry
 * varUint clientID, varUint clock, varString JSON state) before it reaches the shared Awareness.
 *
 * `mayUse(clientId, clock)` is asked with the header of each entry, BEFORE its JSON is read: an
 * entry it refuses (another socket's id, or a stale echo) is skipped by its byte length, so a
 * stock provider that echoes a 100-person doc costs a few varint reads, not 99 JSON.parse calls.
 * Kept entries get `user` replaced with the session's. Throws on malformed bytes (the caller
 * closes 4400).
 */
export function guardAwareness(
  update: Uint8Array,
  user: AwarenessUser,
  mayUse: (clientId: number, clock: number) => boolean,
): GuardResult {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  if (count > MAX_AWARENESS_MESSAGE_ENTRIES) throw new Error(`awareness update with ${count} entries`);
  const kept: Array<{ clientId: number; clock: number; state: string }> = [];
  let skipped = 0;
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    if (!mayUse(clientId, clock)) {
      // lib0's varString is a varUint byte length followed by UTF-8: the same layout as a
      // varUint8Array, whose reader returns a view without decoding anything.
      const bytes = decoding.readVarUint8Array(decoder);
      if (bytes.byteLength > MAX_AWARENESS_STATE_BYTES) throw new Error('awareness state too large');
      skipped++;
      continue;
    }
    if (kept.length >= MAX_AWARENESS_ENTRIES) throw new Error('too many own awareness entries');
    const raw = decoding.readVarString(decoder);
    if (raw.length > MAX_AWARENESS_STATE_BYTES) throw new Error('awareness state too large');
    const state: unknown = JSON.parse(raw);
    // null is "this client left"; anything else must be an object we can stamp.
    if (state === null) kept.push({ clientId, clock, state: 'null' });
    else if (typeof state === 'object' && !Array.isArray(state)) {
      kept.push({ clientId, clock, state: JSON.stringify({ ...state, user }) });
    } else throw new Error('awareness state is not an object');
  }
  if (decoding.hasContent(decoder)) throw new Error('trailing bytes after awareness update');
  if (kept.length === 0) return { update: null, parsed: 0, skipped };
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, kept.length);
  for (const entry of kept) {
    encoding.writeVarUint(encoder, entry.clientId);
    encoding.writeVarUint(encoder, entry.clock);
    encoding.writeVarString(encoder, entry.state);
  }
  return { update: encoding.toUint8Array(encoder), parsed: kept.length, skipped };
}
