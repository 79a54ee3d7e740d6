import { CloseCode, SYNC_MESSAGE_READ_ONLY, SYNC_MESSAGE_SAVED } from '@warsztat/shared';
import * as decoding from 'lib0/decoding';
import { IndexeddbPersistence } from 'y-indexeddb';
import type { Awareness } from 'y-protocols/awareness';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { createProvider } from './createProvider';

/**
 * One Y.Doc, one provider and at most one IndexedDB copy per doc name in a tab, shared by every
 * component that shows it. Each sync socket counts against the workshop's connection cap, so a
 * board shown in two panels must not open two. Entries are reference-counted; the last user's
 * release closes the entry after a short grace, so a re-render (or StrictMode's double mount)
 * that lets go and takes it again keeps the same connection.
 *
 * Offline flow: while the socket is down every local edit still lands in IndexedDB, so a closed
 * tab or a dead phone battery loses nothing; on reconnect the provider's sync step sends the
 * server whatever it lacks and the CRDT merges it. The provider reconnects by itself; a close
 * code in the 44xx range (no right to this doc, bad token) is final and surfaces as `refused`.
 */
export type SyncStatus = 'connecting' | 'connected' | 'disconnected';

export interface DocState {
  /** Socket state as the provider reports it. */
  socket: SyncStatus;
  /** True once the server's state has been received on the current connection. */
  synced: boolean;
  /** True once the copy kept on this device has been loaded (always false without one). */
  savedLocally: boolean;
  /** Own edits of this tab that the server has not yet confirmed as stored. */
  unsaved: boolean;
  /** Close code of a final refusal (4401, 4403, …), else null. */
  refused: number | null;
  /**
   * The server kept this socket for reading but dropped an edit of ours (issue #17: a new round, a
   * lock, a closed phase): true until everything of ours is stored again or the socket reconnects.
   */
  writeRefused: boolean;
}

export interface SharedDoc {
  readonly key: string;
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  /** Current state; replaced (never mutated) on each change, for useSyncExternalStore. */
  state(): DocState;
  subscribe(listener: () => void): () => void;
  /** The page's state says this tab may write again (an unlock): edits are offered again. */
  forgetWriteRefusal(): void;
}

/** Long enough for an unmount/mount pair in one interaction, short enough to free a cap slot. */
export const RELEASE_GRACE_MS = 2_000;

interface Entry extends SharedDoc {
  refs: number;
  closeTimer: number | null;
  local: IndexeddbPersistence | null;
  keepLocal(): void;
  close(): void;
}

const entries = new Map<string, Entry>();

/**
 * The tab's entry for this doc, opened if needed. Safe to call during render: an entry nobody
 * retains closes itself after the grace period.
 */
export function openDoc(docName: string, token: string): SharedDoc {
  const key = `${docName}\n${token}`;
  let entry = entries.get(key);
  if (!entry) {
    entry = createEntry(key, docName, token);
    entries.set(key, entry);
    scheduleClose(entry);
  }
  return entry;
}

/** Takes a reference; `keepLocal` also keeps an offline copy (writers). Returns the release. */
export function retainDoc(shared: SharedDoc, keepLocal: boolean): () => void {
  const entry = entries.get(shared.key);
  // Closed between render and effect (only after a long stall): nothing to hold.
  if (entry !== shared) return () => undefined;
  entry.refs += 1;
  if (entry.closeTimer !== null) {
    window.clearTimeout(entry.closeTimer);
    entry.closeTimer = null;
  }
  if (keepLocal) entry.keepLocal();
  let released = false;
  return () => {
    if (released) return;
    released = true;
    entry.refs -= 1;
    if (entry.refs === 0) scheduleClose(entry);
  };
}

/** How many docs this tab holds open (tests and diagnostics). */
export function openDocCount(): number {
  return entries.size;
}

function scheduleClose(entry: Entry): void {
  if (entry.closeTimer !== null) window.clearTimeout(entry.closeTimer);
  entry.closeTimer = window.setTimeout(() => {
    entry.closeTimer = null;
    if (entry.refs > 0) return;
    entries.delete(entry.key);
    entry.close();
  }, RELEASE_GRACE_MS);
}

/*
 * Issue #20: a facilitator may hide the console's own presence on the group boards. It is a choice
 * of this browser (preferencesStore), applied here to every doc the tab holds: a hidden tab's
 * awareness state is null, so the provider announces nothing (and withdraws what it had
 * announced) and the server has nothing to forward. Only the console sets it.
 */
let presenceHidden = false;

export function setPresenceHidden(hidden: boolean): void {
  if (hidden === presenceHidden) return;
  presenceHidden = hidden;
  for (const entry of entries.values()) applyPresence(entry.provider.awareness);
}

function applyPresence(awareness: Awareness): void {
  if (presenceHidden) {
    if (awareness.getLocalState() !== null) awareness.setLocalState(null);
  } else if (awareness.getLocalState() === null) {
    // y-protocols' initial state: the server stamps who this is.
    awareness.setLocalState({});
  }
}

function createEntry(key: string, docName: string, token: string): Entry {
  const doc = new Y.Doc();
  const provider = createProvider(docName, doc, token);
  // Before the socket opens, so a hidden console never announces itself at all.
  if (presenceHidden) applyPresence(provider.awareness);
  let state: DocState = {
    socket: 'connecting',
    synced: false,
    savedLocally: false,
    unsaved: false,
    refused: null,
    writeRefused: false,
  };
  const listeners = new Set<() => void>();
  const update = (patch: Partial<DocState>) => {
    const next = { ...state, ...patch };
    if ((Object.keys(patch) as (keyof DocState)[]).every((k) => next[k] === state[k])) return;
    state = next;
    for (const listener of listeners) listener();
  };

  const onStatus = ({ status }: { status: SyncStatus }) =>
    update({
      socket: status,
      synced: status === 'connected' && state.synced,
      writeRefused: status === 'connected' && state.writeRefused,
    });
  const onSync = (synced: boolean) => update({ synced });
  const onClosed = ({ code }: { code: number }) => {
    update({ socket: 'disconnected', synced: false, refused: code });
    // A revoked link (4401) or a lost right to this board (4403, e.g. moved to another group) is
    // final: nothing kept here can ever be sent, and on a venue's shared laptop it must not linger.
    if (code === CloseCode.Unauthorized || code === CloseCode.Forbidden) {
      void entry.local?.clearData();
      entry.local = null;
    }
  };
  const onLocal = () => update({ savedLocally: true });

  // "Saved" means the server stored this tab's own edits: compare our client's clock with the
  // stored state vector it announces. Until the first announcement, connected + synced is it.
  let savedClock: number | null = null;
  const checkSaved = () => update({ unsaved: savedClock !== null && Y.getState(doc.store, doc.clientID) > savedClock });
  provider.messageHandlers[SYNC_MESSAGE_SAVED] = (_encoder, decoder) => {
    savedClock = Y.decodeStateVector(decoding.readVarUint8Array(decoder)).get(doc.clientID) ?? 0;
    checkSaved();
    // Everything of ours is stored: whatever refused our edits no longer does.
    if (!state.unsaved) update({ writeRefused: false });
  };
  provider.messageHandlers[SYNC_MESSAGE_READ_ONLY] = () => update({ writeRefused: true });
  const onUpdate = (_update: Uint8Array, origin: unknown) => {
    if (origin !== provider && savedClock !== null) checkSaved();
  };
  doc.on('update', onUpdate);
  provider.on('status', onStatus);
  provider.on('sync', onSync);
  provider.on('closed', onClosed);

  const entry: Entry = {
    key,
    doc,
    provider,
    refs: 0,
    closeTimer: null,
    local: null,
    state: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    forgetWriteRefusal: () => update({ writeRefused: false }),
    keepLocal() {
      if (entry.local || state.refused !== null) return;
      // IndexedDB may be missing (private mode, old browsers): the board then works online only.
      try {
        if (typeof indexedDB === 'undefined') return;
        entry.local = new IndexeddbPersistence(docName, doc);
        entry.local.on('synced', onLocal);
      } catch {
        entry.local = null;
      }
    },
    close() {
      provider.off('status', onStatus);
      provider.off('sync', onSync);
      provider.off('closed', onClosed);
      doc.off('update', onUpdate);
      listeners.clear();
      provider.destroy();
      void entry.local?.destroy();
      doc.destroy();
    },
  };
  return entry;
}
