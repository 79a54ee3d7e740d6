import { addCard, getCard, listCards, setCardText } from '@warsztat/shared';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openStore } from '../../server/src/persistence/openStore.js';
import type { ChildServer } from '../helpers/childServer.js';
import { Cleanup } from '../helpers/cleanup.js';
import { startCluster } from '../helpers/cluster.js';
import { contains, FuzzClient, fuzzSeed, replayable, rng } from '../helpers/fuzzClient.js';
import { waitFor } from '../helpers/poll.js';
import { sharedPostgres } from '../helpers/postgres.js';
import { getWorkshop, runCommand, setupWorkshop } from '../helpers/server.js';

/**
 * A node killed with `kill -9` while people type (issue #9): nothing any client had received is
 * lost — each node appends before it broadcasts or publishes — and the dead node's clients
 * reconnect to a surviving node, push what they typed meanwhile, and everyone converges.
 */
const SEED = fuzzSeed();
const REPLAY = `FUZZ_SEED=${SEED} pnpm vitest run tests/integration/cluster-crash.test.ts`;

const cleanup = new Cleanup();
afterEach(() => cleanup.run());
const postgres = sharedPostgres();

async function storedDoc(databaseUrl: string, docName: string): Promise<Y.Doc> {
  const store = await openStore(databaseUrl);
  const stored = await store.loadDoc(docName);
  await store.close();
  const doc = new Y.Doc();
  for (const part of stored.snapshot) Y.applyUpdate(doc, part);
  for (const update of stored.updates) Y.applyUpdate(doc, update);
  return doc;
}

describe('node crash', () => {
  it(
    `loses nothing when a node is killed mid-typing, and its clients converge on another (seed ${SEED})`,
    () =>
      replayable('cluster crash', SEED, REPLAY, async () => {
        const random = rng(SEED);
        const cluster = await startCluster(cleanup, 3, { databaseUrl: await postgres.server.createDatabase() });
        const [a, b, c] = cluster.nodes as [ChildServer, ChildServer, ChildServer];
        const { workshop, participants } = await setupWorkshop(a.url, ['Anna', 'Bartek', 'Celina']);
        const state = await getWorkshop(a.url, workshop.id, workshop.facilitatorToken);
        const group = state.groups[0];
        if (!group) throw new Error('no group');
        for (const p of participants) {
          await runCommand(a.url, workshop.id, workshop.facilitatorToken, {
            type: 'move',
            participantId: p.participantId,
            groupId: group.id,
          });
        }
        await runCommand(a.url, workshop.id, workshop.facilitatorToken, { type: 'phase', to: 'breakout' });

        // Anna and Bartek on A (the node that dies), Celina on B, the facilitator on C.
        let aAlive = true;
        const home = [a, a, b, c];
        const tokens = [...participants.map((p) => p.token), workshop.facilitatorToken];
        const clients = tokens.map((token, i) => {
          const node = () => (home[i] === a && !aAlive ? b : (home[i] as ChildServer));
          return new FuzzClient(() => `ws://localhost:${node().port}/sync/${group.docName}?token=${token}`, random);
        });
        for (const client of clients) {
          cleanup.add(client, (x) => x.disconnect());
          client.connect();
        }
        await waitFor(() => clients.every((x) => x.synced), 10_000, 'clients synced');
        const cards = clients.map((x, i) => addCard(x.doc, { sectionId: 'needs', text: '', authorId: `p${i}` }));

        const type = () => {
          for (const [i, x] of clients.entries()) {
            const card = cards[i] as string;
            const text = getCard(x.doc, card)?.text ?? '';
            setCardText(x.doc, card, `${text}${String.fromCharCode(97 + Math.floor(random() * 26))}`);
            if (random() < 0.7) x.flush();
          }
        };
        // Typing on every node; A dies in the middle of it, without warning, while keystrokes fly.
        let keystrokes = 0;
        const typing = setInterval(() => {
          type();
          keystrokes++;
        }, 15);
        cleanup.add(typing, clearInterval);
        await waitFor(() => keystrokes >= 40, 10_000, 'typing under way');
        await a.kill('SIGKILL');
        aAlive = false;
        clearInterval(typing);

        // What any client received was durable before it was sent, so the store holds all of it.
        const received = clients.flatMap((x) => x.received);
        const stored = await storedDoc(cluster.databaseUrl, group.docName);
        const lost = received.filter((update) => !contains(stored, update));
        expect(lost.length, `updates a client received but the store lost (seed ${SEED})`).toBe(0);

        // A's clients keep typing offline, then reconnect to B; the others never stopped.
        for (let step = 0; step < 20; step++) type();
        keystrokes += 20;
        const onA = clients.filter((_, i) => home[i] === a);
        await waitFor(() => onA.every((x) => !x.connected), 5_000, 'clients of A saw the crash');
        for (const x of clients) x.connect();
        await waitFor(() => clients.every((x) => x.synced), 10_000, 'clients on surviving nodes');
        for (const x of clients) x.flush();

        const vectorOf = (doc: Y.Doc) => Buffer.from(Y.encodeStateVector(doc)).toString('base64');
        const reference = clients[0] as FuzzClient;
        await waitFor(() => clients.every((x) => vectorOf(x.doc) === vectorOf(reference.doc)), 10_000, 'converged');
        for (const x of clients) expect(listCards(x.doc), `seed ${SEED}`).toEqual(listCards(reference.doc));
        // Every card has every keystroke of its author.
        for (const card of listCards(reference.doc)) expect(card.text).toHaveLength(keystrokes);

        await waitFor(
          async () => vectorOf(await storedDoc(cluster.databaseUrl, group.docName)) === vectorOf(reference.doc),
          10_000,
          'store holds the converged board',
        );
        const all = clients.flatMap((x) => x.received);
        const final = await storedDoc(cluster.databaseUrl, group.docName);
        expect(all.filter((update) => !contains(final, update)).length, `seed ${SEED}`).toBe(0);
      }),
    90_000,
  );
});
