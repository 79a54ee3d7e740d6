import { addCard, CloseCode, listCards } from '@warsztat/shared';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Cleanup } from '../helpers/cleanup.js';
import { duringAttack, expectFriendEditsSurvive, hostileRoom, sendUpdate } from '../helpers/hostile.js';
import { afterAGap, intoUnknownCard } from '../helpers/hostileUpdates.js';
import { openBoard } from '../helpers/provider.js';

/**
 * Issue #14, "updates with missing dependencies": Yjs keeps an update that refers to content it
 * lacks as pending structs, without bound, and serves them to newcomers in their first sync
 * although they were never stored (20 MB of them in the report). The server now refuses such an
 * update with 4422 before applying it; nothing of it is held, stored or shown to anyone.
 */
const cleanup = new Cleanup();
afterEach(() => cleanup.run());

/** A delete of a range no one has written (it would wait in the doc's pending delete set). */
function deleteOfUnknown(): Uint8Array {
  return Uint8Array.from([0, 1, 0xb9, 0x60, 1, 5, 100]);
}

describe('a hostile participant sending updates with missing dependencies', () => {
  it('refuses gapped clocks, unknown origins and unknown deletes (4422); newcomers never see them', async () => {
    const room = await hostileRoom(cleanup);
    const { result, slowestMs } = await duringAttack(room.server.url, async () => {
      const outcomes: Array<'applied' | number> = [];
      for (let i = 0; i < 20; i++) outcomes.push(await sendUpdate(cleanup, room, afterAGap(`z luką ${i}`)));
      outcomes.push(await sendUpdate(cleanup, room, intoUnknownCard('dopisek do nieznanej karty')));
      outcomes.push(await sendUpdate(cleanup, room, deleteOfUnknown()));
      return outcomes;
    });
    expect(new Set(result)).toEqual(new Set([CloseCode.UpdateRefused]));
    expect(slowestMs).toBeLessThan(1_000);

    // A newcomer's first sync holds nothing of it (pending structs were served before the fix).
    const newcomer = await openBoard(cleanup, room.server.port, room.docName, room.facilitatorToken);
    expect(listCards(newcomer.doc).map((c) => c.text)).toEqual([]);
    expect(newcomer.doc.store.pendingStructs).toBeNull();
    expect(newcomer.doc.store.pendingDs).toBeNull();
    newcomer.provider.destroy();

    // The same content sent whole (no gap) is ordinary and accepted.
    const whole = new Y.Doc();
    addCard(whole, { sectionId: 'needs', text: 'w całości' });
    expect(await sendUpdate(cleanup, room, Y.encodeStateAsUpdate(whole))).toBe('applied');
    await expectFriendEditsSurvive(cleanup, room, 'po luce');
  }, 60_000);
});
