import { useEffect, useState, useSyncExternalStore } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { type DocState, openDoc, retainDoc } from './docRegistry';

export type { SyncStatus } from './docRegistry';

/**
 * One group board as a component sees it: the tab's shared Y.Doc for this doc name (see
 * docRegistry: one doc, one socket, one IndexedDB copy, however many components show it) and its
 * connection state.
 */
export interface BoardDoc extends DocState {
  doc: Y.Doc;
  /** Presence (who is here, who edits which card), shared by the tab's views of this doc. */
  awareness: Awareness | null;
  /** Origin of this component's own transactions: its undo manager tracks only these. */
  origin: object;
  forgetWriteRefusal: () => void;
}

/** `keepLocal`: keep an offline copy (writers); the read-only projector does without one. */
export function useBoardDoc(docName: string, token: string, keepLocal = true): BoardDoc {
  const shared = openDoc(docName, token);
  useEffect(() => retainDoc(shared, keepLocal), [shared, keepLocal]);
  const state = useSyncExternalStore(shared.subscribe, shared.state);
  const [origin] = useState(() => ({ board: true }));
  return {
    ...state,
    doc: shared.doc,
    awareness: shared.provider.awareness,
    origin,
    forgetWriteRefusal: shared.forgetWriteRefusal,
  };
}
