import { addCard, CloseCode } from '@warsztat/shared';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Cleanup } from '../helpers/cleanup.js';
import { duringAttack, expectFriendEditsSurvive, hostileRoom, sendUpdate } from '../helpers/hostile.js';
import { wideMap } from '../helpers/hostileUpdates.js';
import { waitFor } from '../helpers/poll.js';
import { closeCodeOf, encodeUpdate, rawSync } from '../helpers/wire.js';

/**
 * Issue #14, "one participant freezes the server": a 1 MiB update of tiny items cost ~0.7 s of
 * synchronous work, and the message rate allowed bursts of them, so `/healthz` stalled for
 * seconds. Now an update may hold at most 10,000 structs (4422 past it, checked before it is
 * applied), and each token has a byte budget per second over all its sockets (4429 past it).
 */
const cleanup = new Cleanup();
afterEach(() => cleanup.run());

/** `bytes` of text in one update: one struct, many bytes (card text is capped, a raw Y.Text is not). */
function bigText(bytes: number, i: number): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('filler').insert(0, `${i} ${'x'.repeat(bytes)}`);
  return Y.encodeStateAsUpdate(doc);
}

function card(text: string): Uint8Array {
  const doc = new Y.Doc();
  addCard(doc, { sectionId: 'needs', text });
  return Y.encodeStateAsUpdate(doc);
}

describe('a hostile participant burning CPU', () => {
  it('refuses updates of too many structs (4422) and /healthz keeps answering within a second', async () => {
    const room = await hostileRoom(cleanup);
    const bomb = wideMap(1_000_000);
    expect(bomb.byteLength).toBeLessThan(1_048_576);
    expect(Y.decodeUpdate(bomb).structs.length).toBeGreaterThan(10_000);
    // Framed once: framing a megabyte per send would stall this test process and its probe.
    const frame = encodeUpdate(bomb);
    const { result, slowestMs } = await duringAttack(room.server.url, async () => {
      // For five seconds, eight sockets at a time (the token's cap), each sending the bomb.
      const codes: number[] = [];
      const until = Date.now() + 5_000;
      const lane = async () => {
        while (Date.now() < until) {
          const socket = rawSync(cleanup, room.server.port, room.docName, room.attacker);
          await socket.opened;
          socket.ws.send(frame);
          codes.push(await closeCodeOf(socket, 10_000));
        }
      };
      await Promise.all(Array.from({ length: 8 }, lane));
      return codes;
    });
    expect(result.length).toBeGreaterThanOrEqual(8);
    // Each bomb is refused for its size; once the token's byte budget is spent, for that (4429).
    expect(result).toContain(CloseCode.UpdateRefused);
    expect(result.filter((c) => c !== CloseCode.UpdateRefused && c !== CloseCode.TooManyMessages)).toEqual([]);
    console.log(`struct bombs: ${result.length} refused, slowest /healthz ${slowestMs.toFixed(0)} ms`);
    expect(slowestMs).toBeLessThan(1_000);
    await expectFriendEditsSurvive(cleanup, room, 'po bombie struktur');
  }, 120_000);

  it('closes a token that sends more bytes per second than its budget (4429) and serves the rest', async () => {
    const room = await hostileRoom(cleanup);
    // 24 × 300 kB in a burst: valid text, well under the message rate, far over 4 MiB per 4 s.
    const frames = Array.from({ length: 24 }, (_, i) => encodeUpdate(bigText(300_000, i)));
    const { result, slowestMs } = await duringAttack(room.server.url, async () => {
      const socket = rawSync(cleanup, room.server.port, room.docName, room.attacker);
      await socket.opened;
      for (const frame of frames) socket.ws.send(frame);
      return closeCodeOf(socket, 20_000);
    });
    expect(result).toBe(CloseCode.TooManyMessages);
    expect(slowestMs).toBeLessThan(1_000);
    // Its budget refills (a 4 s window): an ordinary edit of the same token is refused (4429) only
    // until then, and accepted after. Tried until accepted, so the test waits as long as the window.
    const edit = card('zwykła karta');
    const outcomes: Array<'applied' | number> = [];
    await waitFor(
      async () => {
        const outcome = await sendUpdate(cleanup, room, edit);
        outcomes.push(outcome);
        return outcome !== CloseCode.TooManyMessages;
      },
      10_000,
      'the token budget to refill',
    );
    // Every try before the last was refused for the budget; the last one is the edit applied.
    expect(outcomes.at(-1)).toBe('applied');
    await expectFriendEditsSurvive(cleanup, room, 'po zalewie bajtów');
  }, 120_000);
});
