import type { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import { QuietWebsocketProvider } from './quietProvider';

/**
 * The one place a tab opens a sync connection (`/sync/<docName>`). The doc registry calls it once
 * per doc name, so how the token travels or which provider class wraps the socket changes here
 * and nowhere else.
 */
export function createProvider(docName: string, doc: Y.Doc, token: string): WebsocketProvider {
  // Cross-tab BroadcastChannel is off: the server is the only path, so it can check rights.
  // `saved=1` opts in to the server's "saved up to here" message (ignored by servers without it).
  // The stock provider minus its awareness echo (quietProvider.ts, issue #18).
  // The token travels as the first Sec-WebSocket-Protocol value, not in the URL, so a proxy's
  // access log never records it (issue #14); the server takes it from either place (DESIGN §9).
  return new QuietWebsocketProvider(syncUrl(), docName, doc, {
    params: { saved: '1' },
    protocols: [token],
    disableBc: true,
  });
}

function syncUrl(): string {
  const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${window.location.host}/sync`;
}
