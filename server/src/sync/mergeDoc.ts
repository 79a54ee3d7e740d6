import * as Y from 'yjs';
import { DEFAULT_LIMITS } from '../config.js';
import type { MergeDoc, MergedSnapshot } from '../persistence/Store.js';
import { segmentUpdate } from './segmentUpdate.js';

/**
 * One snapshot from a stored snapshot and log, for compaction, in parts of at most `maxStructs`
 * structs (config.ts `snapshotSegmentStructs`). Goes through a Y.Doc rather than
 * `Y.mergeUpdates` so deleted content is garbage-collected and the snapshot stays small. Costs
 * about a second for a board at its quota: the server runs it on its decode pool (offthread/).
 */
export function mergeDoc(
  snapshot: readonly Uint8Array[],
  updates: readonly Uint8Array[],
  maxStructs: number,
): MergedSnapshot {
  const doc = new Y.Doc();
  try {
    Y.transact(doc, () => {
      for (const part of snapshot) Y.applyUpdate(doc, part);
      for (const update of updates) Y.applyUpdate(doc, update);
    });
    const parts = segmentUpdate(Y.encodeStateAsUpdate(doc), maxStructs);
    return { parts, bytes: parts.reduce((sum, p) => sum + p.byteLength, 0) };
  } finally {
    doc.destroy();
  }
}

/** The merge run on the calling thread: for tools and tests that have no decode pool. */
export function inProcessMerge(maxStructs = DEFAULT_LIMITS.snapshotSegmentStructs): MergeDoc {
  return async (snapshot, updates) => mergeDoc(snapshot, updates, maxStructs);
}

/** `inProcessMerge` with the default part size. */
export const mergeInProcess: MergeDoc = inProcessMerge();
