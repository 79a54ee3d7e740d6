import * as Y from 'yjs';
import { countStructs } from './updateScan.js';

/** Bytes of log updates applied in one event-loop turn at most (one larger update still goes alone). */
const SLICE_BYTES = 512 * 1024;

/**
 * A stored board (snapshot parts, then the log) cut into slices of bounded work, to be applied
 * one per event-loop turn (issue #14, CPU fairness): applying a 16 MiB board in one transaction
 * held the loop for 0.9 s. Each snapshot part is a slice of its own (segmentUpdate bounded it to
 * `maxStructs` structs); log updates are grouped up to `maxStructs` structs or 512 KiB. Structs are
 * counted by a scan that skips over them (updateScan.ts), stopping past the budget.
 */
export function loadSlices(
  stored: { snapshot: readonly Uint8Array[]; updates: readonly Uint8Array[] },
  maxStructs: number,
): Uint8Array[][] {
  const slices: Uint8Array[][] = stored.snapshot.map((part) => [part]);
  let slice: Uint8Array[] = [];
  let structs = 0;
  let bytes = 0;
  for (const update of stored.updates) {
    const count = structsOf(update, maxStructs);
    if (slice.length > 0 && (structs + count > maxStructs || bytes + update.byteLength > SLICE_BYTES)) {
      slices.push(slice);
      slice = [];
      structs = 0;
      bytes = 0;
    }
    slice.push(update);
    structs += count;
    bytes += update.byteLength;
  }
  if (slice.length > 0) slices.push(slice);
  return slices;
}

/** Structs in a stored update, up to `max + 1`; one that does not scan counts as a whole slice. */
function structsOf(update: Uint8Array, max: number): number {
  try {
    return countStructs(update, max);
  } catch {
    return max + 1;
  }
}

/**
 * Applies `slices` to `doc`, one transaction per event-loop turn, with `origin`. Stops early when
 * `stopped()` turns true (the doc failed or was dropped meanwhile). Resolves with the slices applied.
 */
export async function applySlices(
  doc: Y.Doc,
  slices: readonly Uint8Array[][],
  origin: unknown,
  stopped: () => boolean,
): Promise<number> {
  let applied = 0;
  for (const slice of slices) {
    if (applied > 0) await new Promise((resolve) => setImmediate(resolve));
    if (stopped()) break;
    Y.transact(
      doc,
      () => {
        for (const update of slice) Y.applyUpdate(doc, update, origin);
      },
      origin,
    );
    applied++;
  }
  return applied;
}
