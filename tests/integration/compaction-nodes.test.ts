import { addCard } from '@warsztat/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { startServer } from '../../server/src/index.js';
import { Cleanup } from '../helpers/cleanup.js';
import { waitFor } from '../helpers/poll.js';
import { openBoard, textsOf } from '../helpers/provider.js';
import { docOfParticipant, runCommand, setupWorkshop } from '../helpers/server.js';
import { storeKinds } from '../helpers/stores.js';

/**
 * Regression (issue #9): compaction used to write the compacting node's in-memory doc as the
 * snapshot and delete the log up to its last seq — with two nodes on one board, that deleted the
 * other node's updates, which this node's doc never held. Now the store merges what it holds.
 * Two servers share a database and a board, each compacting every few updates; a third server
 * started afterwards must show every card typed on either.
 */
const kinds = storeKinds();
const cleanup = new Cleanup();
afterEach(() => cleanup.run());

describe.each(kinds)('compaction with two nodes on one $name database', (kind) => {
  it("never drops the other node's updates", async () => {
    const databaseUrl = await kind.newDatabase(cleanup);
    const limits = { compactAfterUpdates: 5, docUnloadGraceMs: 20 };
    const node = async () => cleanup.add(await startServer({ port: 0, databaseUrl, limits }), (s) => s.close());
    const [a, b] = [await node(), await node()];
    const { workshop: w, participants } = await setupWorkshop(a.url, ['Anna', 'Bartek']);
    const [anna, bartek] = participants;
    if (!anna || !bartek) throw new Error('two participants expected');
    const state = await runCommand(a.url, w.id, w.facilitatorToken, { type: 'phase', to: 'breakout', minutes: 30 });
    const shared = state.groups[0]?.id ?? '';
    let moved = state;
    for (const p of [anna, bartek]) {
      moved = await runCommand(a.url, w.id, w.facilitatorToken, {
        type: 'move',
        participantId: p.participantId,
        groupId: shared,
      });
    }
    const docName = docOfParticipant(moved, anna.participantId);
    expect(docOfParticipant(moved, bartek.participantId)).toBe(docName);

    const onA = await openBoard(cleanup, a.port, docName, anna.token);
    const onB = await openBoard(cleanup, b.port, docName, bartek.token);
    for (let i = 0; i < 30; i++) {
      addCard(onA.doc, { sectionId: 'needs', text: `A ${i}` });
      addCard(onB.doc, { sectionId: 'gaps', text: `B ${i}` });
      await new Promise((resolve) => setImmediate(resolve));
    }
    // Each node has stored its own client's cards (a client on the same node sees them only after that).
    const watchA = await openBoard(cleanup, a.port, docName, w.facilitatorToken);
    const watchB = await openBoard(cleanup, b.port, docName, w.facilitatorToken);
    await waitFor(() => textsOf(watchA).filter((t) => t.startsWith('needs:A')).length === 30, 10_000, 'A stored');
    await waitFor(() => textsOf(watchB).filter((t) => t.startsWith('gaps:B')).length === 30, 10_000, 'B stored');

    for (const board of [onA, onB, watchA, watchB]) board.provider.destroy();
    await a.close();
    await b.close();

    const c = cleanup.add(await startServer({ port: 0, databaseUrl }), (s) => s.close());
    const fresh = await openBoard(cleanup, c.port, docName, w.facilitatorToken);
    expect(textsOf(fresh)).toHaveLength(60);
    expect(textsOf(fresh).filter((t) => t.startsWith('gaps:B'))).toHaveLength(30);
  });
});
