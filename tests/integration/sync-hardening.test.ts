import { addCard, CloseCode, SYNC_MESSAGE_SAVED } from '@warsztat/shared';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Limits } from '../../server/src/index.js';
import { Cleanup } from '../helpers/cleanup.js';
import { waitFor } from '../helpers/poll.js';
import { converged, openBoard, roundTrip, textsOf } from '../helpers/provider.js';
import { breakoutRoom } from '../helpers/room.js';
import { closeCodeOf, encodeStep1, encodeUpdate, rawSync } from '../helpers/wire.js';

/**
 * Issue #4: the sync endpoint's guards — server-owned awareness, bounded update decoding, the
 * "saved up to here" signal, back-pressure for slow consumers and the per-workshop cap. Every
 * refusal is checked against the stored board and against a bystander who keeps syncing.
 */
const cleanup = new Cleanup();
afterEach(() => cleanup.run());
const room = (limits: Partial<Limits> = {}) => breakoutRoom(cleanup, limits);

function awarenessFrame(entries: Array<{ clientId: number; clock: number; state: unknown }>): Uint8Array {
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, entries.length);
  for (const e of entries) {
    encoding.writeVarUint(inner, e.clientId);
    encoding.writeVarUint(inner, e.clock);
    encoding.writeVarString(inner, JSON.stringify(e.state));
  }
  const outer = encoding.createEncoder();
  encoding.writeVarUint(outer, 1);
  encoding.writeVarUint8Array(outer, encoding.toUint8Array(inner));
  return encoding.toUint8Array(outer);
}

function cardUpdate(text: string): Uint8Array {
  const doc = new Y.Doc();
  addCard(doc, { sectionId: 'needs', text });
  return Y.encodeStateAsUpdate(doc);
}

/** One sample of the Prometheus text at /metrics (NaN when absent). */
async function metric(url: string, sample: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`${sample} `));
  return Number(line?.slice(sample.length + 1));
}

/** A v1 update whose header claims `structs` structs for one client and then ends. */
function structBomb(structs: number): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 1);
  encoding.writeVarUint(e, structs);
  encoding.writeVarUint(e, 4242);
  encoding.writeVarUint(e, 0);
  encoding.writeUint8(e, 0);
  encoding.writeVarUint(e, 1);
  return encoding.toUint8Array(e);
}

describe('sync plane guards', () => {
  it('stamps awareness with the session user and refuses to let one socket speak for another client id', async () => {
    const r = await room();
    const { port } = r.t;
    const observer = await openBoard(cleanup, port, r.anna.docName, r.facilitatorToken);
    const anna = await openBoard(cleanup, port, r.anna.docName, r.anna.token);
    anna.provider.awareness.setLocalStateField('user', { name: 'Prezes', role: 'facilitator', color: '#000' });
    const annaId = anna.doc.clientID;
    await waitFor(() => observer.provider.awareness.getStates().has(annaId));
    const annaState = () =>
      observer.provider.awareness.getStates().get(annaId) as { user?: { name: string; role: string } };
    await waitFor(() => annaState()?.user?.name === 'Anna');
    expect(annaState()?.user?.role).toBe('participant');

    // A raw socket of the same group tries to overwrite Anna's client id, and to add its own.
    const intruder = rawSync(cleanup, port, r.anna.docName, r.anna.token);
    await intruder.opened;
    intruder.ws.send(awarenessFrame([{ clientId: annaId, clock: 999, state: { user: { name: 'x' }, evil: true } }]));
    intruder.ws.send(awarenessFrame([{ clientId: 123456, clock: 1, state: { cursor: null } }]));
    await waitFor(() => observer.provider.awareness.getStates().has(123456));
    expect((observer.provider.awareness.getStates().get(123456) as { user?: { name: string } }).user?.name).toBe(
      'Anna',
    );
    expect(annaState()).not.toHaveProperty('evil');
  });

  it("drops the projector's awareness and closes a socket that sends an oversized awareness state (4400)", async () => {
    const r = await room();
    const { port } = r.t;
    const observer = await openBoard(cleanup, port, r.anna.docName, r.facilitatorToken);
    const projector = rawSync(cleanup, port, r.anna.docName, r.projectorToken);
    await projector.opened;
    projector.ws.send(awarenessFrame([{ clientId: 777, clock: 1, state: { name: 'projector' } }]));
    projector.ws.send(encodeStep1());
    await waitFor(() => projector.received.some((m) => m[0] === 0 && m[1] === 1));
    expect(observer.provider.awareness.getStates().has(777)).toBe(false);

    const anna = rawSync(cleanup, port, r.anna.docName, r.anna.token);
    await anna.opened;
    anna.ws.send(awarenessFrame([{ clientId: 778, clock: 1, state: { blob: 'x'.repeat(10_000) } }]));
    expect(await closeCodeOf(anna)).toBe(CloseCode.Malformed);
    expect(observer.provider.awareness.getStates().has(778)).toBe(false);
  });

  it('refuses a tiny update that claims millions of structs within milliseconds and keeps serving others', async () => {
    const r = await room();
    const { port } = r.t;
    const facilitator = await openBoard(cleanup, port, r.anna.docName, r.facilitatorToken);
    const bystander = await openBoard(cleanup, port, r.anna.docName, r.anna.token);
    const attacker = rawSync(cleanup, port, r.anna.docName, r.anna.token);
    await attacker.opened;
    const sentAt = performance.now();
    attacker.ws.send(encodeUpdate(structBomb(2 ** 31)));
    expect(await closeCodeOf(attacker)).toBe(CloseCode.Malformed);
    const elapsedMs = performance.now() - sentAt;
    // Generous bound: the point is "not a hang", not a benchmark.
    expect(elapsedMs).toBeLessThan(2_000);
    addCard(bystander.doc, { sectionId: 'needs', text: 'dalej działa' });
    expect(await converged(facilitator, bystander)).toEqual(['needs:dalej działa']);
  });

  it('refuses an update whose clocks run towards 2^53 and leaves the board untouched', async () => {
    const r = await room();
    const { port } = r.t;
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint(e, 4243);
    encoding.writeVarUint(e, 0);
    encoding.writeUint8(e, 0); // a GC struct …
    encoding.writeVarUint(e, 2 ** 50); // … covering 2^50 clocks
    encoding.writeVarUint(e, 0);
    const attacker = rawSync(cleanup, port, r.anna.docName, r.anna.token);
    await attacker.opened;
    attacker.ws.send(encodeUpdate(encoding.toUint8Array(e)));
    expect(await closeCodeOf(attacker)).toBe(CloseCode.Malformed);
    const fresh = await openBoard(cleanup, port, r.anna.docName, r.facilitatorToken);
    expect(Y.encodeStateVector(fresh.doc)).toEqual(Y.encodeStateVector(new Y.Doc()));
  });

  it('tells an opted-in socket which state is saved, and stays silent to stock providers', async () => {
    const r = await room();
    const { port } = r.t;
    const stock = await openBoard(cleanup, port, r.anna.docName, r.facilitatorToken);
    const stockMessages: number[] = [];
    (stock.provider.ws as unknown as { on(e: string, f: (d: Buffer) => void): void }).on('message', (d) =>
      stockMessages.push(d[0] ?? -1),
    );
    const socket = rawSync(cleanup, port, `${r.anna.docName}`, r.anna.token);
    // rawSync has no query option for `saved`; open a second one by hand.
    socket.ws.terminate();
    const { WebSocket } = await import('ws');
    const ws = new WebSocket(`ws://localhost:${port}/sync/${r.anna.docName}?token=${r.anna.token}&saved=1`);
    cleanup.add(ws, (s) => s.terminate());
    const saved: Uint8Array[] = [];
    ws.on('message', (data: Buffer) => {
      if (data[0] === SYNC_MESSAGE_SAVED) saved.push(new Uint8Array(data));
    });
    await new Promise((resolve) => ws.once('open', resolve));
    const update = cardUpdate('zapisane');
    const clientId = Y.decodeUpdate(update).structs[0]?.id.client ?? -1;
    ws.send(encodeUpdate(update));
    await waitFor(() => saved.length > 0);
    const decoder = decoding.createDecoder(saved[0] ?? new Uint8Array());
    decoding.readVarUint(decoder);
    const vector = Y.decodeStateVector(decoding.readVarUint8Array(decoder));
    expect(vector.get(clientId)).toBeGreaterThan(0);
    await waitFor(() => textsOf(stock).length === 1);
    await roundTrip(stock);
    expect(stockMessages).not.toContain(SYNC_MESSAGE_SAVED);
  });

  it('closes a slow consumer (1013) instead of buffering without bound; it resyncs fully on reconnect', async () => {
    // The writer's 10 MB burst is far past a token's update budget, which is not what this tests.
    const r = await room({ maxBufferedBytes: 2_000, syncUpdateBytesPerSecondPerToken: 100 * 1_048_576 });
    const { port, url } = r.t;
    const writer = await openBoard(cleanup, port, r.anna.docName, r.anna.token);
    const slow = rawSync(cleanup, port, r.anna.docName, r.facilitatorToken);
    await slow.opened;
    // Stop reading: the kernel buffers fill, then ws's bufferedAmount grows past the limit.
    (slow.ws as unknown as { _socket: { pause(): void } })._socket.pause();
    // ~10 MB in all: more than loopback's kernel buffers hold (a few MB each way), so the rest queues in ws.
    const filler = writer.doc.getText('filler');
    for (let i = 0; i < 100; i++) filler.insert(filler.length, 'x'.repeat(100_000));
    addCard(writer.doc, { sectionId: 'needs', text: 'po wszystkim' });
    // The server gives up on it while it is still not reading; the close frame queues behind the backlog.
    await waitFor(async () => (await metric(url, 'warsztat_sync_closes_total{code="1013"}')) === 1, 20_000);
    (slow.ws as unknown as { _socket: { resume(): void } })._socket.resume();
    expect(await closeCodeOf(slow, 20_000)).toBe(CloseCode.TryAgainLater);
    const again = await openBoard(cleanup, port, r.anna.docName, r.facilitatorToken);
    expect(await converged(again, writer)).toEqual(['needs:po wszystkim']);
    await waitFor(() => again.doc.getText('filler').length === 10_000_000, 20_000, 'the 10 MB filler resyncs');
  }, 90_000);

  it('caps the sockets of one workshop (1013) and serves the rest', async () => {
    const r = await room({ maxSyncConnectionsPerWorkshop: 2 });
    const { port } = r.t;
    const one = await openBoard(cleanup, port, r.anna.docName, r.facilitatorToken);
    const two = await openBoard(cleanup, port, r.bartek.docName, r.facilitatorToken);
    const three = rawSync(cleanup, port, r.anna.docName, r.anna.token);
    expect(await closeCodeOf(three)).toBe(CloseCode.TryAgainLater);
    addCard(one.doc, { sectionId: 'needs', text: 'ok' });
    await roundTrip(one);
    await roundTrip(two);
  });

  it('takes the token from Sec-WebSocket-Protocol too, and refuses a bad one there (4401)', async () => {
    const r = await room();
    const { WebSocket } = await import('ws');
    const open = (token: string) => {
      const ws = new WebSocket(`ws://localhost:${r.t.port}/sync/${r.anna.docName}`, [token]);
      cleanup.add(ws, (s) => s.terminate());
      return ws;
    };
    const good = open(r.anna.token);
    const firstMessage = await new Promise<Buffer>((resolve) => good.once('message', (data: Buffer) => resolve(data)));
    expect([firstMessage[0], firstMessage[1]]).toEqual([0, 0]); // the server's sync step 1: accepted
    expect(good.protocol).toBe(r.anna.token);
    const bad = open('x'.repeat(22));
    const code = await new Promise<number>((resolve) => bad.once('close', (c: number) => resolve(c)));
    expect(code).toBe(CloseCode.Unauthorized);
  });

  it('counts stored updates and bytes in /metrics', async () => {
    const r = await room();
    const { port, url } = r.t;
    const anna = await openBoard(cleanup, port, r.anna.docName, r.anna.token);
    addCard(anna.doc, { sectionId: 'needs', text: 'licz mnie' });
    await waitFor(async () => (await metric(url, 'warsztat_sync_updates_total')) >= 1);
    expect(await metric(url, 'warsztat_sync_update_bytes_total')).toBeGreaterThan(0);
    expect(await metric(url, 'warsztat_sync_connections')).toBe(1);
  });
});
