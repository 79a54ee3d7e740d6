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
 * Rewrites one peer's awareness update (y-protocols format: varUint count, then per entry
 * varUint clientID, varUint clock, varString JSON state) before it reaches the shared Awareness:
 * entries for client ids another peer introduced are dropped, and `user` is replaced with the
 * session's. Returns null when nothing is left; throws on malformed bytes (the caller closes 4400).
 */
export function guardAwareness(
  update: Uint8Array,
  user: AwarenessUser,
  mayUse: (clientId: number) => boolean,
): Uint8Array | null {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  if (count > MAX_AWARENESS_ENTRIES) throw new Error(`awareness update with ${count} entries`);
  const kept: Array<{ clientId: number; clock: number; state: string }> = [];
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const raw = decoding.readVarString(decoder);
    if (raw.length > MAX_AWARENESS_STATE_BYTES) throw new Error('awareness state too large');
    const state: unknown = JSON.parse(raw);
    if (!mayUse(clientId)) continue;
    // null is "this client left"; anything else must be an object we can stamp.
    if (state === null) kept.push({ clientId, clock, state: 'null' });
    else if (typeof state === 'object' && !Array.isArray(state)) {
      kept.push({ clientId, clock, state: JSON.stringify({ ...state, user }) });
    } else throw new Error('awareness state is not an object');
  }
  if (decoding.hasContent(decoder)) throw new Error('trailing bytes after awareness update');
  if (kept.length === 0) return null;
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, kept.length);
  for (const entry of kept) {
    encoding.writeVarUint(encoder, entry.clientId);
    encoding.writeVarUint(encoder, entry.clock);
    encoding.writeVarString(encoder, entry.state);
  }
  return encoding.toUint8Array(encoder);
}
