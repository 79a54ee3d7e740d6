import { addCard, setCardText } from '@warsztat/shared';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { startServer } from '../../server/src/index.js';
import { openStore } from '../../server/src/persistence/openStore.js';
import { Cleanup } from '../helpers/cleanup.js';
import { breakoutOnTwoNodes } from '../helpers/cluster.js';
import { waitFor } from '../helpers/poll.js';
import { sharedPostgres } from '../helpers/postgres.js';
import { connectBoard, converged, openBoard, textsOf } from '../helpers/provider.js';
import { RedisServer } from '../helpers/redis.js';
import { getWorkshop, setupWorkshop } from '../helpers/server.js';

/**
 * Two nodes on one PostgreSQL and one Redis (DESIGN §5): stock y-websocket providers on different nodes
 * edit the same board and converge; awareness crosses nodes; every update is stored once — a node
 * that hears an update from the relay shows it to its clients but never appends it again.
 */
const cleanup = new Cleanup();
afterEach(() => cleanup.run());
const postgres = sharedPostgres();

// Each test starts Redis and two child nodes through tsx; on a loaded 2-core machine that
// setup alone can pass vitest's default 30 s, as the other cluster suites already allow for.
describe('boards across nodes', { timeout: 90_000 }, () => {
  it('converges stock providers on two nodes, in both directions', async () => {
    const { a, b, workshop, anna, docName } = await breakoutOnTwoNodes(cleanup, await postgres.server.createDatabase());
    const onA = await openBoard(cleanup, a.port, docName, anna.token);
    const onB = await openBoard(cleanup, b.port, docName, workshop.facilitatorToken);

    const fromA = addCard(onA.doc, { sectionId: 'needs', text: 'mieszkania wspomagane', authorId: 'anna' });
    const fromB = addCard(onB.doc, { sectionId: 'gaps', text: 'brak asystentów', authorId: 'f' });
    await converged(onA, onB);
    // Keystrokes, interleaved, as two people typing into cards on different nodes.
    for (let i = 0; i < 20; i++) {
      setCardText(onA.doc, fromA, `mieszkania wspomagane ${i}`);
      setCardText(onB.doc, fromB, `brak asystentów ${i}`);
    }
    const texts = await converged(onA, onB);
    expect(texts).toEqual(['gaps:brak asystentów 19', 'needs:mieszkania wspomagane 19']);

    // A newcomer on either node starts from the same board.
    const late = await openBoard(cleanup, b.port, docName, workshop.facilitatorToken);
    expect(textsOf(late)).toEqual(texts);
  });

  it('stores each update once: no stored update repeats what the ones before it held', async () => {
    const { a, b, workshop, anna, docName, cluster } = await breakoutOnTwoNodes(
      cleanup,
      await postgres.server.createDatabase(),
    );
    const onA = await openBoard(cleanup, a.port, docName, anna.token);
    const onB = await openBoard(cleanup, b.port, docName, workshop.facilitatorToken);
    const card = addCard(onA.doc, { sectionId: 'needs', text: 'x', authorId: 'anna' });
    await converged(onA, onB);
    for (let i = 0; i < 30; i++) {
      setCardText(i % 2 ? onA.doc : onB.doc, card, `tekst ${i}`);
      await new Promise((resolve) => setImmediate(resolve));
    }
    await converged(onA, onB);

    const store = await openStore(cluster.databaseUrl);
    const stored = await store.loadDoc(docName);
    await store.close();
    expect(stored.snapshot).toEqual([]); // nothing compacted yet: the whole log is here to inspect
    const replay = new Y.Doc();
    for (const [i, update] of stored.updates.entries()) {
      const before = Y.encodeStateVector(replay);
      const deleteSetBefore = Y.encodeStateAsUpdate(replay).byteLength;
      Y.applyUpdate(replay, update);
      const grew =
        Buffer.compare(Buffer.from(before), Buffer.from(Y.encodeStateVector(replay))) !== 0 ||
        Y.encodeStateAsUpdate(replay).byteLength !== deleteSetBefore;
      expect(grew, `stored update ${i} adds nothing: stored twice`).toBe(true);
    }
    expect(JSON.stringify(replay.getMap('cards').toJSON())).toBe(JSON.stringify(onA.doc.getMap('cards').toJSON()));
  });

  it('relays awareness: each node shows who is on the board elsewhere', async () => {
    const { a, b, workshop, anna, docName } = await breakoutOnTwoNodes(cleanup, await postgres.server.createDatabase());
    const onA = await openBoard(cleanup, a.port, docName, anna.token);
    onA.provider.awareness.setLocalStateField('cursor', { cardId: 'c1' });
    const onB = await openBoard(cleanup, b.port, docName, workshop.facilitatorToken);
    onB.provider.awareness.setLocalStateField('cursor', { cardId: 'c2' });
    const who = (board: typeof onA) =>
      [...board.provider.awareness.getStates().values()]
        .map((s) => (s as { user?: { role?: string; name?: string | null } }).user)
        .filter((u) => u !== undefined)
        .map((u) => `${u.role}:${u.name ?? ''}`)
        .sort();
    // A provider's own state carries no `user` (the server stamps it on the way out), so each side
    // sees the other's stamped state. Anna joined first: B learns of her when it joins the board.
    await waitFor(() => onB.provider.awareness.getStates().size === 2, 10_000, 'B sees both clients');
    await waitFor(() => onA.provider.awareness.getStates().size === 2, 10_000, 'A sees both clients');
    expect(who(onB)).toEqual(['participant:Anna']);
    expect(who(onA)).toEqual(['facilitator:']);
  });

  it('reopens a board at once while its previous copy on the same node is still unloading', async () => {
    // In-process nodes, so the unload grace can be zero: every close unloads, every open reloads.
    const redis = await RedisServer.start(cleanup);
    const databaseUrl = await postgres.server.createDatabase();
    const boot = async () =>
      cleanup.add(
        await startServer({ port: 0, databaseUrl, redisUrl: redis.url, limits: { docUnloadGraceMs: 0 } }),
        (s) => s.close(),
      );
    const a = await boot();
    const b = await boot();
    const { workshop } = await setupWorkshop(a.url, []);
    const docName = (await getWorkshop(a.url, workshop.id, workshop.facilitatorToken)).groups[0]?.docName as string;
    const onB = await openBoard(cleanup, b.port, docName, workshop.facilitatorToken);
    const closes: number[] = [];
    for (let i = 0; i < 5; i++) {
      const onA = connectBoard(cleanup, a.port, docName, workshop.facilitatorToken);
      onA.provider.on('connection-close', (event: CloseEvent | null) => {
        if (event) closes.push(event.code);
      });
      await waitFor(() => onA.provider.synced, 5_000, `copy ${i} synced`);
      addCard(onA.doc, { sectionId: 'needs', text: `karta ${i}`, authorId: 'f' });
      await waitFor(() => textsOf(onB).includes(`needs:karta ${i}`), 5_000, `card ${i} reaches B`);
      onA.provider.destroy();
    }
    expect(textsOf(onB)).toHaveLength(5);
    // Regression: the second copy was refused ("joined twice"), the socket closed with 1011 and the
    // provider only got in on its retry.
    expect(closes.filter((code) => code !== 1000 && code !== 1005)).toEqual([]);
  });
});
