import { addCard, cardsMap, setCardText } from '@warsztat/shared';
import * as decoding from 'lib0/decoding';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Cleanup } from '../helpers/cleanup.js';
import { waitFor } from '../helpers/poll.js';
import { converged, openBoard, textsOf } from '../helpers/provider.js';
import { breakoutRoom } from '../helpers/room.js';
import { encodeStep1, rawSync } from '../helpers/wire.js';

/**
 * A large board's newcomers get it as the store holds it, part by part, and then an empty step 2
 * (issue #14: encoding a 16 MiB board for each newcomer blocked the event loop). The threshold is
 * lowered here so a board of a few dozen cards counts as large; the parts must rebuild exactly the
 * board a writer sees, before and after compactions, after deletions, and after a restart.
 */
const cleanup = new Cleanup();
afterEach(() => cleanup.run());

/** What a raw newcomer receives in answer to an empty step 1: the sync messages up to the step 2. */
async function newcomerAnswer(port: number, docName: string, token: string) {
  const socket = rawSync(cleanup, port, docName, token);
  await socket.opened;
  socket.ws.send(encodeStep1());
  const isStep2 = (m: Uint8Array) => m[0] === 0 && m[1] === 1;
  await waitFor(() => socket.received.some(isStep2), 5_000, 'step 2');
  const sync = socket.received.filter((m) => m[0] === 0);
  // The server's own step 1 comes first; then the parts (sync updates) and the closing step 2.
  const answer = sync.slice(sync.findIndex((m) => m[1] !== 0));
  const payloads = answer.map((m) => {
    const decoder = decoding.createDecoder(m);
    decoding.readVarUint(decoder);
    return { type: decoding.readVarUint(decoder), update: decoding.readVarUint8Array(decoder) };
  });
  socket.ws.close();
  return payloads;
}

function docFrom(updates: readonly Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  for (const update of updates) {
    Y.applyUpdate(doc, update);
    // Each part only needs what came before it.
    expect(doc.store.pendingStructs).toBeNull();
  }
  return doc;
}

const cardTexts = (doc: Y.Doc) =>
  [...cardsMap(doc).values()].map((card) => String((card as Y.Map<unknown>).get('text'))).sort();

describe('a large board reaches newcomers in its stored parts', () => {
  it('sends parts then an empty step 2, matching the board through edits, compactions and deletions', async () => {
    const room = await breakoutRoom(cleanup, {
      partedSyncFromBytes: 4_000,
      compactAfterUpdates: 25,
      snapshotSegmentStructs: 100,
    });
    const { port } = room.t;
    const doc = room.anna.docName;
    const writer = await openBoard(cleanup, port, doc, room.facilitatorToken);
    const ids: string[] = [];
    for (let i = 0; i < 80; i++) {
      ids.push(addCard(writer.doc, { sectionId: 'needs', text: `Karta ${i}: asystent osobisty w gminie` }));
    }
    for (const id of ids.slice(0, 10)) setCardText(writer.doc, id, 'zmieniona');
    for (const id of ids.slice(10, 20)) cardsMap(writer.doc).delete(id);
    const reader = await openBoard(cleanup, port, doc, room.anna.token);
    await converged(writer, reader);

    const answer = await newcomerAnswer(port, doc, room.anna.token);
    const last = answer.at(-1);
    expect(last?.type).toBe(1);
    expect(Y.decodeUpdate(last?.update ?? new Uint8Array()).structs).toHaveLength(0);
    const parts = answer.slice(0, -1);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.every((p) => p.type === 2)).toBe(true);
    const rebuilt = docFrom(parts.map((p) => p.update));
    expect(cardTexts(rebuilt)).toEqual(cardTexts(writer.doc));
    expect(cardTexts(rebuilt)).toHaveLength(70);

    // A stock provider syncs from the parts and edits on.
    const newcomer = await openBoard(cleanup, port, doc, room.facilitatorToken);
    expect(textsOf(newcomer)).toEqual(textsOf(writer));
    addCard(newcomer.doc, { sectionId: 'ideas', text: 'od nowej osoby' });
    await converged(writer, newcomer);

    // After a restart the parts come from the store alone.
    const expected = textsOf(writer);
    writer.provider.destroy();
    reader.provider.destroy();
    newcomer.provider.destroy();
    const restarted = await room.t.restart();
    const afterRestart = docFrom((await newcomerAnswer(restarted.port, doc, room.anna.token)).map((p) => p.update));
    expect(cardTexts(afterRestart)).toEqual(cardTexts(writer.doc));
    const again = await openBoard(cleanup, restarted.port, doc, room.anna.token);
    expect(textsOf(again)).toEqual(expected);
  });

  it('answers a small board with one step 2, as before', async () => {
    const room = await breakoutRoom(cleanup);
    const writer = await openBoard(cleanup, room.t.port, room.anna.docName, room.facilitatorToken);
    addCard(writer.doc, { sectionId: 'needs', text: 'mała tablica' });
    await converged(writer, await openBoard(cleanup, room.t.port, room.anna.docName, room.anna.token));
    const answer = await newcomerAnswer(room.t.port, room.anna.docName, room.anna.token);
    expect(answer.map((p) => p.type)).toEqual([1]);
    expect(cardTexts(docFrom([answer[0]?.update ?? new Uint8Array()]))).toEqual(['mała tablica']);
  });
});
