import { CloseCode, SYNC_MESSAGE_SAVED } from '@warsztat/shared';
import * as decoding from 'lib0/decoding';
import { useEffect, useState } from 'react';
import { IndexeddbPersistence } from 'y-indexeddb';
import type { Awareness } from 'y-protocols/awareness';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

/**
 * One group board: a Y.Doc, an unmodified y-websocket provider on `/sync/<docName>?token=…` and,
 * for writers, a y-indexeddb copy in the browser (one IndexedDB database per doc name).
 *
 * Offline flow: while the socket is down every local edit still lands in IndexedDB, so a closed
 * tab or a dead phone battery loses nothing; on reconnect the provider's sync step sends the
 * server whatever it lacks and the CRDT merges it. The provider reconnects by itself; a close
 * code in the 44xx range (no right to this doc, bad token) is final and surfaces as `refused`.
 */
export type SyncStatus = 'connecting' | 'connected' | 'disconnected';

export interface BoardDoc {
  doc: Y.Doc;
  /** Presence (who is here, who edits which card); null before the provider exists. */
  awareness: Awareness | null;
  /** Origin of this client's own transactions: the undo manager tracks only these. */
  origin: object;
  /** Socket state as the provider reports it. */
  socket: SyncStatus;
  /** True once the server's state has been received on the current connection. */
  synced: boolean;
  /** True once the copy kept on this device has been loaded (always false without one). */
  savedLocally: boolean;
  /** Own edits of this session that the server has not yet confirmed as stored. */
  unsaved: boolean;
  /** Close code of a final refusal (4401, 4403, …), else null. */
  refused: number | null;
}

function syncUrl(): string {
  const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${window.location.host}/sync`;
}

function initial(doc: Y.Doc): BoardDoc {
  return {
    doc,
    awareness: null,
    origin: { board: true },
    socket: 'connecting',
    synced: false,
    savedLocally: false,
    unsaved: false,
    refused: null,
  };
}

/** `keepLocal`: keep an offline copy (writers); the read-only projector does without one. */
export function useBoardDoc(docName: string, token: string, keepLocal = true): BoardDoc {
  const [board, setBoard] = useState<BoardDoc>(() => initial(new Y.Doc()));

  useEffect(() => {
    const doc = new Y.Doc();
    // IndexedDB may be missing (private mode, old browsers): the board then works online only.
    let local: IndexeddbPersistence | null = null;
    try {
      local = keepLocal && typeof indexedDB !== 'undefined' ? new IndexeddbPersistence(docName, doc) : null;
    } catch {
      local = null;
    }
    // Cross-tab BroadcastChannel is off: the server is the only path, so it can check rights.
    // `saved=1` opts in to the server's "saved up to here" message (ignored by servers without it).
    const provider = new WebsocketProvider(syncUrl(), docName, doc, {
      params: { token, saved: '1' },
      disableBc: true,
    });
    setBoard({ ...initial(doc), awareness: provider.awareness });

    const update = (patch: Partial<BoardDoc>) => setBoard((b) => (b.doc === doc ? { ...b, ...patch } : b));
    const onStatus = ({ status }: { status: SyncStatus }) =>
      setBoard((b) => (b.doc === doc ? { ...b, socket: status, synced: status === 'connected' && b.synced } : b));
    const onSync = (synced: boolean) => update({ synced });
    const onClosed = ({ code }: { code: number }) => {
      update({ socket: 'disconnected', synced: false, refused: code });
      // A revoked link (4401) or a lost right to this board (4403, e.g. moved to another group) is
      // final: nothing kept here can ever be sent, and on a venue's shared laptop it must not linger.
      if (code === CloseCode.Unauthorized || code === CloseCode.Forbidden) {
        void local?.clearData();
        local = null;
      }
    };
    const onLocal = () => update({ savedLocally: true });

    // "Saved" means the server stored this session's own edits: compare our client's clock with
    // the stored state vector it announces. Until the first announcement, connected + synced is it.
    let savedClock: number | null = null;
    const checkSaved = () => {
      const unsaved = savedClock !== null && Y.getState(doc.store, doc.clientID) > savedClock;
      setBoard((b) => (b.doc === doc && b.unsaved !== unsaved ? { ...b, unsaved } : b));
    };
    provider.messageHandlers[SYNC_MESSAGE_SAVED] = (_encoder, decoder) => {
      savedClock = Y.decodeStateVector(decoding.readVarUint8Array(decoder)).get(doc.clientID) ?? 0;
      checkSaved();
    };
    const onUpdate = (_update: Uint8Array, origin: unknown) => {
      if (origin !== provider && savedClock !== null) checkSaved();
    };
    doc.on('update', onUpdate);

    provider.on('status', onStatus);
    provider.on('sync', onSync);
    provider.on('closed', onClosed);
    local?.on('synced', onLocal);
    return () => {
      provider.off('status', onStatus);
      provider.off('sync', onSync);
      provider.off('closed', onClosed);
      local?.off('synced', onLocal);
      doc.off('update', onUpdate);
      provider.destroy();
      void local?.destroy();
      doc.destroy();
    };
  }, [docName, token, keepLocal]);

  return board;
}

/** True when the server refused this doc for lack of rights (as opposed to a broken token). */
export function isForbidden(code: number | null): boolean {
  return code === CloseCode.Forbidden;
}
