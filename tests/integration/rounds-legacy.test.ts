import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addCard, listCards } from '@warsztat/shared';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { Cleanup } from '../helpers/cleanup.js';
import { openBoard, roundTrip } from '../helpers/provider.js';
import { breakoutWorkshop, getWorkshop, runCommand, startTestServer } from '../helpers/server.js';

/**
 * Issue #17 must not break what is stored: a workshop saved before rounds (control JSON v2, one
 * board per group under `<workshopId>.<groupId>`) loads as round r1 holding those boards, counted
 * as started, so its first `round` adds a fresh round and the old cards stay where they were.
 */
const cleanup = new Cleanup();
afterEach(() => cleanup.run());

describe('a workshop stored before rounds', () => {
  it('loads as one started round on the same board names and moves on to a fresh round', async () => {
    // SQLite, whatever TEST_DATABASE says: the row is rewritten below with SQLite's own driver.
    const dir = cleanup.add(mkdtempSync(join(tmpdir(), 'warsztat-legacy-')), (d) =>
      rmSync(d, { recursive: true, force: true }),
    );
    const file = join(dir, 'warsztat.db');
    const t = await startTestServer(cleanup, {}, { databaseUrl: `sqlite:${file}` });
    const { workshop: w, participants, state } = await breakoutWorkshop(t.url, ['Anna'], 30);
    const anna = participants[0];
    const group = state.groups.find((g) => g.memberIds.includes(anna?.participantId ?? ''));
    if (!anna || !group) throw new Error('no group');
    const board = await openBoard(cleanup, t.port, group.docName, anna.token);
    addCard(board.doc, { sectionId: 'needs', text: 'sprzed rund' });
    await roundTrip(board);
    board.provider.destroy();

    const restarted = await t.restart({
      whileDown: () => {
        // Write the control JSON back as version 2 code stored it: no rounds, gallery or call links.
        const db = new Database(file);
        const row = db.prepare('SELECT control FROM workshops WHERE id = ?').get(w.id) as { control: string };
        const { rounds: _r, currentRoundId: _c, gallery: _g, callUrls: _u, ...v2 } = JSON.parse(row.control);
        db.prepare('UPDATE workshops SET control = ? WHERE id = ?').run(JSON.stringify({ ...v2, v: 2 }), w.id);
        db.close();
      },
    });
    const loaded = await getWorkshop(restarted.url, w.id, w.facilitatorToken);
    expect(loaded.rounds).toEqual([{ id: 'r1', title: '', startedAt: expect.any(Number) }]);
    const same = loaded.groups.find((g) => g.id === group.id);
    expect(same?.docName).toBe(group.docName);
    const old = await openBoard(cleanup, restarted.port, group.docName, anna.token);
    expect(listCards(old.doc).map((c) => c.text)).toEqual(['sprzed rund']);

    const next = await runCommand(restarted.url, w.id, w.facilitatorToken, {
      type: 'round',
      action: 'new',
      title: 'Druga część',
      regroup: 'keep',
    });
    expect(next.rounds.map((r) => r.id)).toEqual(['r1', 'r2']);
    const fresh = next.groups.find((g) => g.id === group.id);
    expect(fresh?.docName).toBe(`${w.id}.${group.id}.r2`);
    const newBoard = await openBoard(cleanup, restarted.port, fresh?.docName ?? '', anna.token);
    expect(listCards(newBoard.doc)).toEqual([]);
    await roundTrip(old);
    expect(listCards(old.doc).map((c) => c.text)).toEqual(['sprzed rund']);
  });
});
