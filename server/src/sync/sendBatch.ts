import type { AwarenessHub } from './AwarenessHub.js';
import type { DocPeer } from './DocPeer.js';
import { broadcastFrame } from './transport.js';

/** A presence message riding along with a batch (`AwarenessHub.rideAlong`), and its hub. */
export interface RidingPresence {
  message: Uint8Array;
  hub: Pick<AwarenessHub<DocPeer>, 'receives' | 'fanOut'>;
}

/**
 * Sends one durable batch to a doc's sockets: its merged update messages (each framed once for
 * all), the presence riding along, and "saved up to here" to the sockets that asked for it.
 * `skip`: the one writer of the whole batch (its origin), which never gets its own edits back.
 * `peers` is a copy: a send may close a peer, and every corked socket must be uncorked.
 *
 * Several messages to one socket leave in one write: only such sockets are corked. On the plenary
 * doc 300 viewers get the update alone, and a cork turned each of their single writes into a
 * buffered `writev` at the uncork.
 */
export function sendBatch(
  peers: readonly DocPeer[],
  messages: readonly Uint8Array[],
  skip: unknown,
  presence: RidingPresence | null,
  saved: Uint8Array | null,
): void {
  const sends = (peer: DocPeer) =>
    (peer === skip ? 0 : messages.length) + (presence?.hub.receives(peer) ? 1 : 0) + (saved && peer.wantsSaved ? 1 : 0);
  const corked = messages.length > 1 || saved || presence ? peers.filter((peer) => sends(peer) > 1) : [];
  for (const peer of corked) peer.cork?.();
  try {
    for (const message of messages) {
      const frame = broadcastFrame(message);
      for (const peer of peers) if (peer !== skip) peer.send(message, frame);
    }
    if (presence) presence.hub.fanOut(presence.message);
    if (saved) for (const peer of peers) if (peer.wantsSaved) peer.send(saved);
  } finally {
    // Every corked socket is uncorked, even when a send closed one half-way.
    for (const peer of corked) peer.uncork?.();
  }
}
