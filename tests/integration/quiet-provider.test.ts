import { afterEach, describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { QuietWebsocketProvider } from '../../client/src/sync/quietProvider.js';
import { AwarenessTally, tallyingWebSocket } from '../helpers/awarenessTally.js';
import { Cleanup } from '../helpers/cleanup.js';
import { waitFor } from '../helpers/poll.js';
import { openBoard, roundTrip } from '../helpers/provider.js';
import { breakoutRoom } from '../helpers/room.js';

const cleanup = new Cleanup();
afterEach(() => cleanup.run());

/** A provider of class `Provider` whose socket tallies awareness traffic (the provider is untouched). */
function tallied(Provider: typeof WebsocketProvider, port: number, docName: string, token: string) {
  const tally = new AwarenessTally();
  const doc = new Y.Doc();
  const provider = new Provider(`ws://localhost:${port}/sync`, docName, doc, {
    WebSocketPolyfill: tallyingWebSocket(tally) as unknown as typeof globalThis.WebSocket,
    params: { token },
    disableBc: true,
  });
  cleanup.add(provider, (p) => {
    p.destroy();
    doc.destroy();
  });
  return { doc, provider, tally };
}

/**
 * Issue #18: Warsztat's client wrapper of the y-websocket provider applies remote presence and never
 * sends it back, while a stock provider in the same place does (the control that proves the tally
 * would see an echo).
 */
describe('QuietWebsocketProvider', () => {
  it('applies a remote awareness update and does not re-send it; its own changes still go out', async () => {
    const r = await breakoutRoom(cleanup);
    const { port } = r.t;
    const quiet = tallied(QuietWebsocketProvider, port, r.anna.docName, r.facilitatorToken);
    const stock = tallied(WebsocketProvider, port, r.anna.docName, r.facilitatorToken);
    const anna = await openBoard(cleanup, port, r.anna.docName, r.anna.token);
    await waitFor(() => quiet.provider.synced && stock.provider.synced, 5_000, 'both providers synced');

    anna.provider.awareness.setLocalStateField('editing', 'card-1');
    const annaId = anna.doc.clientID;
    const editing = (p: WebsocketProvider) =>
      (p.awareness.getStates().get(annaId) as { editing?: string } | undefined)?.editing;
    await waitFor(() => editing(quiet.provider) === 'card-1', 5_000, "the quiet provider applies Anna's state");
    await waitFor(() => editing(stock.provider) === 'card-1', 5_000, "the stock provider applies Anna's state");
    // Whatever either provider sent before this round trip has reached the server.
    await roundTrip({ doc: quiet.doc, provider: quiet.provider });
    await roundTrip({ doc: stock.doc, provider: stock.provider });

    const annaClock = anna.provider.awareness.meta.get(annaId)?.clock ?? -1;
    expect(quiet.tally.receivedTimes(annaId, annaClock)).toBeGreaterThan(0);
    expect(quiet.tally.foreignSent(quiet.doc.clientID)).toBe(0);
    // The control: the stock provider re-sends what it received.
    expect(stock.tally.foreignSent(stock.doc.clientID)).toBeGreaterThan(0);

    // Its own presence still reaches others.
    quiet.provider.awareness.setLocalStateField('editing', 'card-2');
    await waitFor(
      () =>
        (anna.provider.awareness.getStates().get(quiet.doc.clientID) as { editing?: string } | undefined)?.editing ===
        'card-2',
      5_000,
      "Anna sees the quiet provider's state",
    );
    expect(quiet.tally.ownSent(quiet.doc.clientID)).toBeGreaterThan(0);
    expect(quiet.tally.foreignSent(quiet.doc.clientID)).toBe(0);
    expect((quiet.provider.ws as unknown as WebSocket | null)?.readyState).toBe(1);
  });
});
