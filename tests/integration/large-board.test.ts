import { type CreateWorkshopAnswer, cardsMap } from '@warsztat/shared';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { cardHeavyBoard } from '../helpers/bigBoards.js';
import { ChildServer } from '../helpers/childServer.js';
import { Cleanup } from '../helpers/cleanup.js';
import { runSql } from '../helpers/databaseRows.js';
import { waitFor } from '../helpers/poll.js';
import { type Board, connectBoard, roundTrip } from '../helpers/provider.js';
import { api, breakoutWorkshop, getWorkshop } from '../helpers/server.js';

/**
 * A large board never holds the event loop in one piece (issue #14, CPU fairness): an imported
 * 3 MB board is stored as many log entries, opened a slice per event-loop turn, compacted on the
 * decode pool into a snapshot of several parts, and opened again from those parts after a
 * restart — complete, and still saving edits. The stalls themselves are measured by
 * `pnpm bench:event-loop`, never here; this checks that the work is split and nothing is lost.
 */
const cleanup = new Cleanup();
afterEach(() => cleanup.run());

/** Slices of each "board loaded" line the server logged for `doc`, in order. */
function loadSlices(server: ChildServer, doc: string): number[] {
  return server.output
    .split('\n')
    .filter((line) => line.includes('"board loaded"') && line.includes(`"doc":"${doc}"`))
    .map((line) => (JSON.parse(line) as { slices: number }).slices);
}

/** Opens `doc` with a stock provider and waits (a large board takes a while on a busy machine). */
async function open(server: ChildServer, doc: string, token: string): Promise<Board> {
  const board = connectBoard(cleanup, server.port, doc, token);
  await waitFor(() => board.provider.synced, 60_000, `provider on ${doc} synced`);
  return board;
}

const countRows = async (server: ChildServer, table: string, doc: string) =>
  Number((await runSql(server.databaseUrl, `SELECT count(*) AS n FROM ${table} WHERE doc = ?`, [doc]))[0]?.n);

describe('a large imported board', () => {
  it('is stored in parts, loaded in slices, compacted off the loop, and complete after a restart', async () => {
    const server = await ChildServer.start(cleanup);
    const { workshop } = await breakoutWorkshop(server.url, ['Anna', 'Bartek']);
    const exported = await api<{ boards: unknown[]; workshop: { groups: Array<{ id: string }> } }>(
      server.url,
      'GET',
      `/api/workshops/${workshop.id}/report?format=json`,
      { token: workshop.facilitatorToken },
    );
    expect(exported.status).toBe(200);
    const update = cardHeavyBoard(3_000_000);
    const expected = new Y.Doc();
    Y.applyUpdate(expected, update);
    const cards = cardsMap(expected).size;
    const [group] = exported.body.workshop.groups;
    if (!group) throw new Error('no group');
    const backup = {
      ...exported.body,
      boards: [{ groupId: group.id, update: Buffer.from(update).toString('base64') }],
    };
    const imported = await api<CreateWorkshopAnswer>(server.url, 'POST', '/api/workshops/import', { body: backup });
    expect(imported.status).toBe(201);
    const { id, facilitatorToken } = imported.body;
    const state = await getWorkshop(server.url, id, facilitatorToken);
    const doc = state.groups.find((g) => g.id === group.id)?.docName ?? '';

    // Stored as consecutive log entries of bounded work, and opened a slice per turn.
    expect(await countRows(server, 'doc_updates', doc)).toBeGreaterThan(1);
    const board = await open(server, doc, facilitatorToken);
    expect(cardsMap(board.doc).size).toBe(cards);
    expect(loadSlices(server, doc)).toHaveLength(1);
    expect(loadSlices(server, doc)[0]).toBeGreaterThan(1);

    // A busy board: more than `compactAfterUpdates` (500) log rows. Each edit is its own group
    // commit (a row; edits of one turn share one), paced under the message rate (100/s).
    const text = (cardsMap(board.doc).get('card-1') as Y.Map<unknown>).get('text') as Y.Text;
    for (let chunk = 0; chunk < 13; chunk++) {
      for (let i = 0; i < 40; i++) {
        text.insert(0, 'x');
        await new Promise((resolve) => setTimeout(resolve, 12));
      }
      await roundTrip(board, 30_000);
    }
    board.doc.transact(() => {
      const card = new Y.Map<unknown>();
      const body = new Y.Text();
      body.insert(0, 'Po imporcie: asystent osobisty');
      card.set('sectionId', 'needs');
      card.set('text', body);
      card.set('rank', 'zzzz');
      card.set('color', 'yellow');
      card.set('authorId', null);
      card.set('createdAt', 1_760_000_000_000);
      card.set('votes', new Y.Map<number>());
      cardsMap(board.doc).set('after-import', card);
    });
    await roundTrip(board, 30_000);
    // Compacted on the decode pool into a snapshot of several parts; the log holds what came after.
    for (let waited = 0; (await countRows(server, 'doc_snapshots', doc)) === 0; waited += 200) {
      if (waited > 60_000) throw new Error('no compaction within 60 s');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(await countRows(server, 'doc_snapshot_parts', doc)).toBeGreaterThan(0);
    expect(await countRows(server, 'doc_updates', doc)).toBeLessThan(100);
    const edited = text.toString();

    board.provider.destroy();
    await server.restart('SIGTERM');
    const after = await open(server, doc, facilitatorToken);
    expect(cardsMap(after.doc).size).toBe(cards + 1);
    expect(((cardsMap(after.doc).get('card-1') as Y.Map<unknown>).get('text') as Y.Text).toString()).toBe(edited);
    expect(String((cardsMap(after.doc).get('after-import') as Y.Map<unknown>).get('text'))).toBe(
      'Po imporcie: asystent osobisty',
    );
    const slices = loadSlices(server, doc);
    expect(slices.at(-1)).toBeGreaterThan(1);

    // Edits keep saving after the sliced load.
    after.doc.transact(() => (cardsMap(after.doc).get('after-import') as Y.Map<unknown>).set('color', 'green'));
    await roundTrip(after, 30_000);
    after.provider.destroy();
    await server.kill('SIGTERM');
    const stored = await server.readStoredDoc(doc);
    expect(cardsMap(stored).size).toBe(cards + 1);
    expect((cardsMap(stored).get('after-import') as Y.Map<unknown>).get('color')).toBe('green');
  }, 240_000);
});
