import { CloseCode } from '@warsztat/shared';
import * as Y from 'yjs';
import { typeDepthOf } from './updateDepth.js';
import { changesRoot } from './updateRoots.js';
import { countStructs } from './updateScan.js';

/**
 * Clocks count inserted characters per client; no real client gets near 2^40 (a trillion). A
 * larger clock or length is a forged update that would push that client id towards 2^53, where
 * clock arithmetic stops being exact and the doc can no longer be encoded faithfully.
 */
export const MAX_CLOCK = 2 ** 40;

/** What one update may hold (from config.ts `Limits`). */
export interface UpdateLimits {
  /** Deepest shared type: a root type is depth 1, a card map in it 2, the card's text 3. */
  maxTypeDepth: number;
  /** Structs (items and tombstones) in one update: bounds the synchronous cost of applying it. */
  maxStructsPerUpdate: number;
  /** Delete ranges in one update: each is a search through the doc's store. */
  maxDeleteRangesPerUpdate: number;
}

/** No limit at all: for imports, whose size is bounded by the import body limit instead. */
export const UNBOUNDED_COUNTS: Omit<UpdateLimits, 'maxTypeDepth'> = {
  maxStructsPerUpdate: Number.POSITIVE_INFINITY,
  maxDeleteRangesPerUpdate: Number.POSITIVE_INFINITY,
};

export type UpdateVerdict =
  | { ok: true; structs: number; deleteRanges: number }
  | {
      ok: false;
      code: typeof CloseCode.Malformed | typeof CloseCode.UpdateRefused | typeof CloseCode.SummaryLocked;
      reason: string;
      /** Only a dependency is missing: the update may become applicable once it arrives. */
      missing?: true;
    };

const malformed = (reason: string): UpdateVerdict => ({ ok: false, code: CloseCode.Malformed, reason });
const refused = (reason: string): UpdateVerdict => ({ ok: false, code: CloseCode.UpdateRefused, reason });
const MISSING: UpdateVerdict = {
  ok: false,
  code: CloseCode.UpdateRefused,
  reason: 'missing dependencies',
  missing: true,
};

/**
 * Checks a v1 update against the doc it is about to be applied to, before it touches it (issue #14).
 *
 * - Decoding is bounded in work by the message size: in the v1 format every struct and delete
 *   range consumes input bytes, so a tiny update that claims millions of structs runs out of input
 *   and throws within milliseconds (yjs issue #687 is about the v2 decoders, never used here).
 * - Struct and delete-range counts are capped, so applying is cheap (a few µs per struct).
 * - Every reference must be to content the doc or the update itself holds: Yjs keeps an update
 *   with a gap as "pending" without bound and serves it to newcomers in their first sync, though
 *   it was never stored. Such an update is reported as `missing`; the connection holds a bounded
 *   few of them outside the doc (a provider that reconnects while typing sends edits before its
 *   sync step 2 fills the gap) and refuses the socket past that bound.
 * - With `lockedRoot`, nothing of that root type may be inserted or deleted (updateRoots.ts).
 * - No type may nest deeper than `maxTypeDepth`: Yjs's transaction cleanup and every reader
 *   (toJSON, TipTap, the report) recurse once per level, and a few thousand levels overflow the
 *   stack — inside a transaction, which leaves the doc unable to emit updates ever again.
 */
export function checkUpdate(
  update: Uint8Array,
  doc: Y.Doc,
  limits: UpdateLimits,
  /** A root type this sender may not change (the summary, for a participant who is not the rapporteur). */
  lockedRoot?: string,
): UpdateVerdict {
  let decoded: ReturnType<typeof Y.decodeUpdate>;
  try {
    // Counted first without building anything: building is the expensive part.
    if (countStructs(update, limits.maxStructsPerUpdate) > limits.maxStructsPerUpdate) {
      return refused('too many structs in one update');
    }
    decoded = Y.decodeUpdate(update);
  } catch {
    return malformed('undecodable update');
  }
  const { structs, ds } = decoded;
  let ranges = 0;
  for (const deletes of ds.clients.values()) ranges += deletes.length;
  if (ranges > limits.maxDeleteRangesPerUpdate) return refused('too many deletions in one update');

  // Per client: the update's structs in clock order (the decoder yields them grouped by client),
  // and how far that client's content reaches once the update is applied.
  const byClient = new Map<number, Y.AbstractStruct[]>();
  const known = new Map<number, number>();
  const stateOf = (client: number) => known.get(client) ?? Y.getState(doc.store, client);
  for (const struct of structs) {
    if (struct.id.clock + struct.length > MAX_CLOCK) return malformed('update clock out of range');
    // A Skip is a gap the sender does not have either: whatever follows it would wait forever.
    if (struct instanceof Y.Skip) return MISSING;
    const { client, clock } = struct.id;
    let list = byClient.get(client);
    if (!list) {
      if (clock > Y.getState(doc.store, client)) return MISSING;
      list = [];
      byClient.set(client, list);
    }
    list.push(struct);
    known.set(client, Math.max(stateOf(client), clock + struct.length));
  }
  const isKnown = (id: Y.ID) => id.clock < stateOf(id.client);
  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue;
    if (struct.origin && !isKnown(struct.origin)) return MISSING;
    if (struct.rightOrigin && !isKnown(struct.rightOrigin)) return MISSING;
    if (struct.parent instanceof Y.ID && !isKnown(struct.parent)) return MISSING;
  }
  for (const [client, deletes] of ds.clients) {
    for (const range of deletes) {
      if (range.clock + range.len > MAX_CLOCK) return malformed('delete range out of range');
      if (range.clock + range.len > stateOf(client)) return MISSING;
    }
  }
  const tooDeep = typeDepthOf(structs, byClient, doc, limits.maxTypeDepth);
  if (tooDeep === 'cycle') return malformed('update refers to itself');
  if (tooDeep) return refused('nested too deep');
  // Last: it relies on every reference resolving and on the update having no cycles.
  if (lockedRoot !== undefined && changesRoot(structs, byClient, ds, doc, lockedRoot)) {
    return { ok: false, code: CloseCode.SummaryLocked, reason: `${lockedRoot} is written by the rapporteur` };
  }
  return { ok: true, structs: structs.length, deleteRanges: ranges };
}
