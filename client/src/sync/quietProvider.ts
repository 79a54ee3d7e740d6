import * as bc from 'lib0/broadcastchannel';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import { WebsocketProvider } from 'y-websocket';

/** y-websocket's message type for awareness (not exported as a constant we can import typed). */
const MESSAGE_AWARENESS = 1;

interface AwarenessChanges {
  added: number[];
  updated: number[];
  removed: number[];
}

/**
 * y-websocket's `WebsocketProvider` (3.1.0) with one change: it sends only this client's own
 * presence, never what it received.
 *
 * Why (issue #18): the stock provider's awareness `update` handler has no origin filter and no
 * option for one, so every remote awareness update it applies is encoded again and sent back to the
 * server. In a doc of N people one cursor move comes back N−1 times: O(N²) messages per change, which
 * made a 100-person doc the server's bottleneck. Remote states arrive through the provider (origin
 * = the provider) or are dropped by the awareness timeout (origin 'timeout'); neither is ours to
 * announce. Our own state changes with origin 'local' (setLocalState) or on exit, and only this
 * client's id is sent.
 *
 * Everything else (sync, reconnects, close codes, query-awareness answers) is the stock provider's.
 */
export class QuietWebsocketProvider extends WebsocketProvider {
  constructor(...args: ConstructorParameters<typeof WebsocketProvider>) {
    super(...args);
    // The base registered its echoing handler in its constructor; swap it for ours. destroy()
    // unregisters whatever `_awarenessUpdateHandler` holds, so it removes this one.
    this.awareness.off('update', this._awarenessUpdateHandler);
    this._awarenessUpdateHandler = ({ added, updated, removed }: AwarenessChanges, origin: unknown) => {
      if (origin === this) return;
      const own = this.awareness.clientID;
      if (!added.includes(own) && !updated.includes(own) && !removed.includes(own)) return;
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
      encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(this.awareness, [own]));
      const message = encoding.toUint8Array(encoder);
      // The same two paths as the base's (module-private) broadcastMessage.
      const ws = this.ws;
      if (this.wsconnected && ws && ws.readyState === ws.OPEN) ws.send(message);
      if (this.bcconnected) bc.publish(this.bcChannel, message, this);
    };
    this.awareness.on('update', this._awarenessUpdateHandler);
  }
}
