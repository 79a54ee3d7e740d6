import * as Y from 'yjs';

/**
 * Clocks count inserted characters per client; no real client gets near 2^40 (a trillion). A
 * larger clock or length is a forged update that would push that client id towards 2^53, where
 * clock arithmetic stops being exact and the doc can no longer be encoded faithfully.
 */
export const MAX_CLOCK = 2 ** 40;

/**
 * Checks a v1 update before it touches a doc. Decoding is bounded in work by the message size:
 * in the v1 format every struct and delete range consumes input bytes, so a tiny update that
 * claims millions of structs runs out of input and throws within milliseconds (yjs issue #687 is
 * about the v2 run-length decoders, which this server never uses). Returns a reason, or null.
 */
export function checkUpdate(update: Uint8Array): string | null {
  let decoded: ReturnType<typeof Y.decodeUpdate>;
  try {
    decoded = Y.decodeUpdate(update);
  } catch {
    return 'undecodable update';
  }
  for (const struct of decoded.structs) {
    if (struct.id.clock + struct.length > MAX_CLOCK) return 'update clock out of range';
  }
  for (const deletes of decoded.ds.clients.values()) {
    for (const item of deletes) if (item.clock + item.len > MAX_CLOCK) return 'delete range out of range';
  }
  return null;
}
