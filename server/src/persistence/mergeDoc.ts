import * as Y from 'yjs';

/**
 * One snapshot from a stored snapshot and log, for compaction. Goes through a Y.Doc rather than
 * `Y.mergeUpdates` so deleted content is garbage-collected and the snapshot stays small.
 */
export function mergeDoc(snapshot: Uint8Array | null, updates: readonly Uint8Array[]): Uint8Array {
  const doc = new Y.Doc();
  try {
    Y.transact(doc, () => {
      if (snapshot) Y.applyUpdate(doc, snapshot);
      for (const update of updates) Y.applyUpdate(doc, update);
    });
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}
