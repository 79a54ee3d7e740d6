import { CloseCode } from '@warsztat/shared';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openStore } from '../../server/src/persistence/openStore.js';
import { Cleanup } from '../helpers/cleanup.js';
import {
  duringAttack,
  expectFriendEditsSurvive,
  type HostileRoom,
  hostileRoom,
  sendUpdate,
} from '../helpers/hostile.js';
import { deepMaps, deepSummary, deleteOf } from '../helpers/hostileUpdates.js';
import { api } from '../helpers/server.js';

/**
 * Issue #14, "a board stops saving" and "one message bricks a group": a few thousand nested types
 * overflowed the stack inside Yjs's transaction cleanup (after which the doc never emitted an
 * update again, so nothing anyone typed was stored), and a deep summary made every report answer
 * 500. The server now refuses types nested past its limit before applying them (4422), and the
 * readers cap their depth for boards stored before the limit existed.
 */
const cleanup = new Cleanup();
afterEach(() => cleanup.run());

/** The nest and the 6-byte delete of its outermost map (which the attacker's own Yjs can't make). */
function nestedMaps(levels: number): { nest: Uint8Array; deleteOuter: Uint8Array } {
  const nest = deepMaps(levels);
  const outer = Y.decodeUpdate(nest).structs[0];
  if (!outer) throw new Error('empty nest');
  return { nest, deleteOuter: deleteOf(outer.id.client) };
}

const send = (room: HostileRoom, update: Uint8Array) => sendUpdate(cleanup, room, update);

async function expectReportsAnswer(room: HostileRoom): Promise<void> {
  const base = `/api/workshops/${room.workshopId}/report`;
  for (const path of ['?format=md', '?format=docx', '?format=pdf', '?format=json', '/draft']) {
    const answer = await api(room.server.url, 'GET', `${base}${path}`, { token: room.facilitatorToken });
    expect(answer.status, `report ${path}`).toBe(200);
  }
}

describe('a hostile participant nesting types', () => {
  it('refuses a few thousand nested maps (4422) and the board keeps saving', async () => {
    const room = await hostileRoom(cleanup);
    const { nest, deleteOuter } = nestedMaps(3_000);
    const { result, slowestMs } = await duringAttack(room.server.url, async () => [
      await send(room, nest),
      // The delete names content the server never accepted: held outside the doc, never applied.
      await send(room, deleteOuter),
    ]);
    expect(result).toEqual([CloseCode.UpdateRefused, 'applied']);
    expect(slowestMs).toBeLessThan(1_000);
    await expectFriendEditsSurvive(cleanup, room, 'po ataku zagnieżdżeniem');
  }, 120_000);

  it('refuses a deeply nested summary (4422); every report format still answers', async () => {
    const room = await hostileRoom(cleanup);
    const deep = deepSummary(3_000);
    expect(deep.byteLength).toBeGreaterThan(50_000);
    const { result, slowestMs } = await duringAttack(room.server.url, () => send(room, deep));
    expect(result).toBe(CloseCode.UpdateRefused);
    expect(slowestMs).toBeLessThan(1_000);
    // Within the limit, nesting is ordinary content (TipTap's nested lists go a few levels deep).
    expect(await send(room, deepSummary(20))).toBe('applied');
    await expectReportsAnswer(room);
    await expectFriendEditsSurvive(cleanup, room, 'po głębokim podsumowaniu');
  }, 120_000);

  it('still reports a board stored before the limit with a summary thousands of levels deep', async () => {
    const room = await hostileRoom(cleanup);
    await room.server.kill('SIGTERM');
    const store = await openStore(room.server.databaseUrl);
    await store.appendUpdates(room.docName, [deepSummary(5_000)]);
    await store.close();
    await room.server.boot();
    await expectReportsAnswer(room);
    await expectFriendEditsSurvive(cleanup, room, 'obok starego głębokiego podsumowania');
  }, 120_000);
});
