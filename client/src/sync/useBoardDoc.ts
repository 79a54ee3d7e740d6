import { CloseCode } from '@warsztat/shared';
import { useEffect, useState } from 'react';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

/**
 * One group board: a Y.Doc plus an unmodified y-websocket provider on `/sync/<docName>?token=…`.
 * The provider reconnects by itself; a close code in the 44xx range (no right to this doc, bad
 * token) is final and surfaces as `refused`. Both are destroyed when the caller unmounts or the
 * doc name/token changes.
 */
export type SyncStatus = 'connecting' | 'connected' | 'disconnected';

export interface BoardDoc {
  doc: Y.Doc;
  /** Socket state as the provider reports it. */
  socket: SyncStatus;
  /** True once the server's state has been received on the current connection. */
  synced: boolean;
  /** Close code of a final refusal (4401, 4403, …), else null. */
  refused: number | null;
}

function syncUrl(): string {
  const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${window.location.host}/sync`;
}

export function useBoardDoc(docName: string, token: string): BoardDoc {
  const [board, setBoard] = useState<BoardDoc>(() => ({
    doc: new Y.Doc(),
    socket: 'connecting',
    synced: false,
    refused: null,
  }));

  useEffect(() => {
    const doc = new Y.Doc();
    // Cross-tab BroadcastChannel is off: the server is the only path, so it can check rights.
    const provider = new WebsocketProvider(syncUrl(), docName, doc, { params: { token }, disableBc: true });
    setBoard({ doc, socket: 'connecting', synced: false, refused: null });

    const onStatus = ({ status }: { status: SyncStatus }) =>
      setBoard((b) => (b.doc === doc ? { ...b, socket: status, synced: status === 'connected' && b.synced } : b));
    const onSync = (synced: boolean) => setBoard((b) => (b.doc === doc ? { ...b, synced } : b));
    const onClosed = ({ code }: { code: number }) =>
      setBoard((b) => (b.doc === doc ? { ...b, socket: 'disconnected', synced: false, refused: code } : b));

    provider.on('status', onStatus);
    provider.on('sync', onSync);
    provider.on('closed', onClosed);
    return () => {
      provider.off('status', onStatus);
      provider.off('sync', onSync);
      provider.off('closed', onClosed);
      provider.destroy();
      doc.destroy();
    };
  }, [docName, token]);

  return board;
}

/** True when the server refused this doc for lack of rights (as opposed to a broken token). */
export function isForbidden(code: number | null): boolean {
  return code === CloseCode.Forbidden;
}
