import { addCard, CloseCode, listCards } from '@warsztat/shared';
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ChildServer } from '../helpers/childServer.js';
import { Cleanup } from '../helpers/cleanup.js';
import { rng } from '../helpers/fuzzClient.js';
import { afterAGap, deepMaps, deepSummary, deleteOf, intoUnknownCard, wideMap } from '../helpers/hostileUpdates.js';
import { converged, openBoard, textsOf } from '../helpers/provider.js';
import { getWorkshop, runCommand, setupWorkshop } from '../helpers/server.js';
import { closeCodeOf, encodeStep1, encodeUpdate, rawSync } from '../helpers/wire.js';

/**
 * A corpus of malformed y-websocket input replayed against a live server process: truncated
 * updates, random bytes, varints past 2^53, unknown message types, garbage awareness and a huge
 * state vector; and (issue #14) generated deep, wide and dependency-gapped updates. Each message
 * goes on its own socket from a participant who may write. The server must answer each with 4400
 * (4422 for the deep and wide ones; a gapped one is held outside the doc and the socket kept, as
 * for input that happens to be valid),
 * never crash, and keep the board and its other clients intact.
 */
const cleanup = new Cleanup();
let server: ChildServer;
let docName = '';
let participantToken = '';
let facilitatorToken = '';

function bytes(...parts: Array<number | number[] | Uint8Array>): Uint8Array {
  const out: number[] = [];
  for (const p of parts) {
    if (typeof p === 'number') out.push(p);
    else out.push(...p);
  }
  return Uint8Array.from(out);
}

function withLength(payload: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint8Array(e, payload);
  return encoding.toUint8Array(e);
}

function corpus(): Array<{ name: string; message: Uint8Array | string }> {
  const random = rng(0x5eed);
  const doc = new Y.Doc();
  addCard(doc, { sectionId: 'needs', text: 'prawdziwa karta z tekstem' });
  const valid = Y.encodeStateAsUpdate(doc);
  const entries: Array<{ name: string; message: Uint8Array | string }> = [
    { name: 'empty message', message: new Uint8Array() },
    { name: 'text frame', message: 'hello' },
    { name: 'unknown message type 7', message: bytes(7) },
    { name: 'unknown message type 2 (auth) from a client', message: bytes(2, 0) },
    { name: 'unknown sync sub-type', message: bytes(0, 9, withLength(valid)) },
    {
      name: 'message type as a varint past 2^53',
      message: bytes(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f),
    },
    { name: 'payload length past 2^53', message: bytes(0, 2, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f) },
    { name: 'payload length beyond the message', message: bytes(0, 2, 0x7f, 1, 2, 3) },
    {
      name: 'state vector with a client count past 2^53',
      message: bytes(0, 0, withLength(bytes(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f))),
    },
    { name: 'awareness garbage', message: bytes(1, withLength(bytes(1, 5, 1, 0x7f, 0x7b))) },
    { name: 'awareness with invalid JSON', message: bytes(1, withLength(bytes(1, 5, 1, 3, 0x7b, 0x7b, 0x7b))) },
  ];
  for (let cut = 1; cut < valid.length; cut += Math.max(1, Math.floor(valid.length / 12))) {
    entries.push({
      name: `update truncated at ${cut}/${valid.length}`,
      message: bytes(0, 2, withLength(valid.slice(0, cut))),
    });
  }
  // Issue #14: well-formed updates that must be refused (4422) before they are applied.
  const refused: Array<[string, Uint8Array]> = [
    ['maps nested 100 deep', deepMaps(100)],
    ['summary nested 100 deep', deepSummary(100)],
    ['16,000 tiny structs in one update', wideMap(300_000)],
  ];
  for (const [name, update] of refused) entries.push({ name: `refused: ${name}`, message: encodeUpdate(update) });
  // Missing dependencies: held by the socket outside the doc (never shown), so the socket stays.
  const held: Array<[string, Uint8Array]> = [
    ['a card after a clock gap', afterAGap('z luką')],
    ['text in a card the server never saw', intoUnknownCard('do nikąd')],
    ['a delete of content no one wrote', deleteOf(1 + Math.floor(random() * 2 ** 31))],
  ];
  for (const [name, update] of held) entries.push({ name: `held: ${name}`, message: encodeUpdate(update) });
  for (let i = 0; i < 40; i++) {
    const length = 1 + Math.floor(random() * 64);
    const junk = Uint8Array.from({ length }, () => Math.floor(random() * 256));
    // Half of them look like sync updates, so they reach the Yjs decoder rather than the header check.
    entries.push({ name: `random bytes #${i}`, message: i % 2 === 0 ? junk : bytes(0, 2, withLength(junk)) });
  }
  return entries;
}

beforeAll(async () => {
  server = await ChildServer.start(cleanup);
  const { workshop, participants } = await setupWorkshop(server.url, ['Anna']);
  const anna = participants[0];
  if (!anna) throw new Error('no participant');
  facilitatorToken = workshop.facilitatorToken;
  participantToken = anna.token;
  await runCommand(server.url, workshop.id, facilitatorToken, { type: 'assign', mode: 'auto' });
  await runCommand(server.url, workshop.id, facilitatorToken, { type: 'phase', to: 'breakout' });
  const state = await getWorkshop(server.url, workshop.id, facilitatorToken);
  docName = state.groups.find((g) => g.memberIds.includes(anna.participantId))?.docName ?? '';
}, 60_000);

afterAll(() => cleanup.run());

describe('malformed sync input corpus', () => {
  it('refuses every malformed message with a named code, never crashes, and keeps the board intact', async () => {
    const bystander = await openBoard(cleanup, server.port, docName, facilitatorToken);
    addCard(bystander.doc, { sectionId: 'needs', text: 'zanim przyszły śmieci' });
    addCard(bystander.doc, { sectionId: 'gaps', text: 'Brak kadr' });
    const before = await openBoard(cleanup, server.port, docName, participantToken);
    await converged(bystander, before);

    const outcomes: string[] = [];
    for (const { name, message } of corpus()) {
      const socket = rawSync(cleanup, server.port, docName, participantToken);
      await socket.opened;
      socket.ws.send(message);
      // A valid-looking message keeps the socket: prove it was handled with a step-1 round trip.
      socket.ws.send(encodeStep1());
      const answered = new Promise<'open'>((resolve) => {
        socket.ws.on('message', (data: Buffer) => {
          if (data[0] === 0 && data[1] === 1) resolve('open');
        });
      });
      const outcome = await Promise.race([closeCodeOf(socket, 5_000), answered]);
      outcomes.push(`${name}: ${outcome}`);
      // Random bytes that happen to decode may name content the server lacks: refused, not malformed.
      expect([CloseCode.Malformed, CloseCode.UpdateRefused, 'open'], `${name} → ${outcome}`).toContain(outcome);
      socket.ws.terminate();
    }
    // The hand-made cases are all malformed, the generated hostile ones refused; only random bytes
    // may by chance be valid.
    const generated = (o: string) => o.startsWith('refused') || o.startsWith('held');
    const handMade = outcomes.filter((o) => !o.startsWith('random bytes') && !generated(o));
    expect(handMade.filter((o) => !o.endsWith(String(CloseCode.Malformed)))).toEqual([]);
    const hostile = outcomes.filter((o) => o.startsWith('refused'));
    expect(hostile).toHaveLength(3);
    expect(hostile.filter((o) => !o.endsWith(String(CloseCode.UpdateRefused)))).toEqual([]);
    const held = outcomes.filter((o) => o.startsWith('held'));
    expect(held).toHaveLength(3);
    expect(held.filter((o) => !o.endsWith('open'))).toEqual([]);

    expect(await (await fetch(`${server.url}/healthz`)).json()).toMatchObject({ ok: true });
    addCard(bystander.doc, { sectionId: 'needs', text: 'po śmieciach' });
    const after = await openBoard(cleanup, server.port, docName, participantToken);
    const texts = await converged(bystander, after);
    expect(texts).toEqual(
      expect.arrayContaining(['needs:zanim przyszły śmieci', 'gaps:Brak kadr', 'needs:po śmieciach']),
    );
    expect(listCards(after.doc).length).toBe(textsOf(bystander).length);

    // And the stored board survives a restart with everything the clients saw.
    await server.restart('SIGTERM');
    const reloaded = await openBoard(cleanup, server.port, docName, facilitatorToken);
    expect(textsOf(reloaded)).toEqual(textsOf(bystander));
  }, 120_000);

  it('answers a huge but well-formed state vector without closing', async () => {
    const e = encoding.createEncoder();
    const clients = 50_000;
    encoding.writeVarUint(e, clients);
    for (let i = 0; i < clients; i++) {
      encoding.writeVarUint(e, 1_000_000 + i);
      encoding.writeVarUint(e, i);
    }
    const socket = rawSync(cleanup, server.port, docName, participantToken);
    await socket.opened;
    const answered = new Promise<'answered'>((resolve) => {
      socket.ws.on('message', (data: Buffer) => {
        if (data[0] === 0 && data[1] === 1) resolve('answered');
      });
    });
    socket.ws.send(encodeStep1(encoding.toUint8Array(e)));
    expect(await Promise.race([answered, closeCodeOf(socket, 10_000)])).toBe('answered');
  });
});
