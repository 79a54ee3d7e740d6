import * as encoding from 'lib0/encoding';
import { afterEach, describe, expect, it } from 'vitest';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { AwarenessTally, tallyingWebSocket } from '../helpers/awarenessTally.js';
import { Cleanup } from '../helpers/cleanup.js';
import { waitFor } from '../helpers/poll.js';
import { openBoard, roundTrip } from '../helpers/provider.js';
import { breakoutRoom } from '../helpers/room.js';
import { encodeStep1, rawSync } from '../helpers/wire.js';

/** A hand-made awareness message with one entry, as a provider would send it. */
function awarenessFrame(clientId: number, clock: number, state: unknown): Uint8Array {
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, 1);
  encoding.writeVarUint(inner, clientId);
  encoding.writeVarUint(inner, clock);
  encoding.writeVarString(inner, JSON.stringify(state));
  const outer = encoding.createEncoder();
  encoding.writeVarUint(outer, 1);
  encoding.writeVarUint8Array(outer, encoding.toUint8Array(inner));
  return encoding.toUint8Array(outer);
}

const cleanup = new Cleanup();
afterEach(() => cleanup.run());

const PEERS = 50;

/** One sample of the Prometheus text at /metrics. */
async function metric(url: string, sample: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`${sample} `));
  if (!line) throw new Error(`${sample} missing from /metrics`);
  return Number(line.slice(sample.length + 1));
}

const PARSED = 'warsztat_sync_awareness_entries_parsed_total';
const SKIPPED = 'warsztat_sync_awareness_foreign_dropped_total';

/**
 * Issue #18: a doc full of stock y-websocket providers, each of which re-sends every awareness
 * update it receives. The server must keep that linear: one change reaches each peer a bounded
 * number of times (no echo ping-pong), and the echoes are dropped without their JSON being parsed.
 */
describe('presence with 50 echoing stock providers', () => {
  it('delivers one change to each peer at most twice and parses no foreign entry', async () => {
    const r = await breakoutRoom(cleanup);
    const { port, url } = r.t;
    const peers = Array.from({ length: PEERS }, () => {
      const tally = new AwarenessTally();
      const doc = new Y.Doc();
      const provider = new WebsocketProvider(`ws://localhost:${port}/sync`, r.anna.docName, doc, {
        WebSocketPolyfill: tallyingWebSocket(tally) as unknown as typeof globalThis.WebSocket,
        params: { token: r.facilitatorToken },
        disableBc: true,
      });
      // As Warsztat's board does on mount (a first state at clock 0 is ignored by y-protocols).
      provider.awareness.setLocalStateField('user', { name: `peer ${doc.clientID}` });
      cleanup.add(provider, (p) => {
        p.destroy();
        doc.destroy();
      });
      return { doc, provider, tally };
    });
    await waitFor(() => peers.every((p) => p.provider.synced), 20_000, 'every provider synced');
    await waitFor(
      () => peers.every((p) => p.provider.awareness.getStates().size === PEERS),
      20_000,
      'every provider sees every other one',
    );
    const sum = (f: (p: (typeof peers)[number]) => number) => peers.reduce((n, p) => n + f(p), 0);
    // Everything the join sent has been handled: each entry sent was either parsed or skipped.
    const handled = async () => (await metric(url, PARSED)) + (await metric(url, SKIPPED));
    const sentEntries = () => sum((p) => p.tally.sent.flat().length);
    await waitFor(async () => (await handled()) === sentEntries(), 10_000, 'the join settled');
    expect(await metric(url, PARSED)).toBe(sum((p) => p.tally.ownSent(p.doc.clientID)));

    const parsedBefore = await metric(url, PARSED);
    const skippedBefore = await metric(url, SKIPPED);
    for (const p of peers) p.tally.reset();

    const [mover, ...others] = peers;
    if (!mover) throw new Error('no peers');
    mover.provider.awareness.setLocalStateField('editing', 'card-7');
    const moverId = mover.doc.clientID;
    const clock = mover.provider.awareness.meta.get(moverId)?.clock ?? -1;
    await waitFor(
      () =>
        others.every(
          (p) =>
            (p.provider.awareness.getStates().get(moverId) as { editing?: string } | undefined)?.editing === 'card-7',
        ),
      10_000,
      'every peer sees the change',
    );
    // Let the echoes arrive and be handled (each sent entry is counted as parsed or skipped).
    await waitFor(
      async () => (await handled()) - parsedBefore - skippedBefore === sentEntries(),
      10_000,
      'the echoes were handled',
    );

    const echoes = sum((p) => p.tally.foreignSent(p.doc.clientID));
    // The stock providers did echo (that is the case under test) …
    expect(echoes).toBeGreaterThanOrEqual(PEERS - 1);
    // … every echoed entry was skipped unparsed, and only own entries were parsed …
    expect((await metric(url, SKIPPED)) - skippedBefore).toBe(echoes);
    expect((await metric(url, PARSED)) - parsedBefore).toBe(sum((p) => p.tally.ownSent(p.doc.clientID)));
    // … and no echo came back around: each peer got the change once (twice at most, bounded).
    for (const p of others) {
      const times = p.tally.receivedTimes(moverId, clock);
      expect(times).toBeGreaterThanOrEqual(1);
      expect(times).toBeLessThanOrEqual(2);
    }
    // The server fans out coalesced messages: far fewer than one per echo per peer.
    const received = sum((p) => p.tally.received.length);
    expect(received).toBeLessThan(PEERS * 4);
  }, 60_000);

  it('keeps a viewer (projector) out of presence both ways and answers its own renewal to it alone', async () => {
    const r = await breakoutRoom(cleanup);
    const { port } = r.t;
    const tally = new AwarenessTally();
    const doc = new Y.Doc();
    const projector = new WebsocketProvider(`ws://localhost:${port}/sync`, r.anna.docName, doc, {
      WebSocketPolyfill: tallyingWebSocket(tally) as unknown as typeof globalThis.WebSocket,
      params: { token: r.projectorToken },
      disableBc: true,
    });
    cleanup.add(projector, (p) => {
      p.destroy();
      doc.destroy();
    });
    const anna = await openBoard(cleanup, port, r.anna.docName, r.anna.token);
    await waitFor(() => projector.synced, 5_000, 'projector synced');
    anna.provider.awareness.setLocalStateField('editing', 'card-1');
    // A renewal, as the provider sends every 15 s: the projector's socket must hear something back.
    projector.awareness.setLocalStateField('user', { name: 'projector' });
    const projectorClock = projector.awareness.meta.get(doc.clientID)?.clock ?? -1;
    await waitFor(() => tally.receivedTimes(doc.clientID, projectorClock) === 1, 5_000, 'own state echoed back');
    await roundTrip(anna);
    await roundTrip({ doc, provider: projector });
    expect(tally.received.flat().every((e) => e.clientId === doc.clientID)).toBe(true);
    expect(anna.provider.awareness.getStates().has(doc.clientID)).toBe(false);
  });

  it('forwards an unchanged renewal only as often as peers need, and a real change at once', async () => {
    const r = await breakoutRoom(cleanup);
    const { port } = r.t;
    const tally = new AwarenessTally();
    const doc = new Y.Doc();
    const observer = new WebsocketProvider(`ws://localhost:${port}/sync`, r.anna.docName, doc, {
      WebSocketPolyfill: tallyingWebSocket(tally) as unknown as typeof globalThis.WebSocket,
      params: { token: r.facilitatorToken },
      disableBc: true,
    });
    cleanup.add(observer, (p) => {
      p.destroy();
      doc.destroy();
    });
    await waitFor(() => observer.synced, 5_000, 'observer synced');
    const anna = rawSync(cleanup, port, r.anna.docName, r.anna.token);
    await anna.opened;
    const id = 4_242;
    const state = { user: { name: 'Anna' }, editing: null };
    anna.ws.send(awarenessFrame(id, 1, state));
    await waitFor(() => observer.awareness.getStates().has(id), 5_000, 'Anna appears');
    // Renewals (same state, newer clock) far more often than every 15 s: none is forwarded now.
    for (let clock = 2; clock <= 6; clock++) anna.ws.send(awarenessFrame(id, clock, state));
    anna.ws.send(encodeStep1());
    await waitFor(() => anna.received.some((m) => m[0] === 0 && m[1] === 1), 5_000, 'answer to step 1');
    // A real change goes out at once (coalesced: within the 100 ms flush), at its own clock.
    anna.ws.send(awarenessFrame(id, 7, { ...state, editing: 'card-1' }));
    await waitFor(() => tally.receivedTimes(id, 7) === 1, 5_000, 'the change arrives');
    for (let clock = 2; clock <= 6; clock++) expect(tally.receivedTimes(id, clock)).toBe(0);
    expect(observer.awareness.getStates().has(id)).toBe(true);
  });

  it('drops awareness over its own per-socket rate and counts it, keeping the socket and its edits', async () => {
    const r = await breakoutRoom(cleanup, { awarenessMessagesPerSecond: 5 });
    const { port, url } = r.t;
    const anna = rawSync(cleanup, port, r.anna.docName, r.anna.token);
    await anna.opened;
    // Burst 4 × 5 = 20 messages; 60 sent at once: about 40 dropped (a few may refill meanwhile).
    for (let clock = 1; clock <= 60; clock++) anna.ws.send(awarenessFrame(5_151, clock, { editing: `card-${clock}` }));
    anna.ws.send(encodeStep1());
    await waitFor(() => anna.received.some((m) => m[0] === 0 && m[1] === 1), 5_000, 'answer to step 1');
    expect(await metric(url, 'warsztat_sync_awareness_rate_limited_total')).toBeGreaterThanOrEqual(30);
    expect(anna.ws.readyState).toBe(anna.ws.OPEN);
    const facilitator = await openBoard(cleanup, port, r.anna.docName, r.facilitatorToken);
    await waitFor(() => facilitator.provider.awareness.getStates().has(5_151), 5_000, 'the kept state arrived');
  });
});
