import { addPlenaryItem, CloseCode, listPlenaryItems, readConsolidated } from '@warsztat/shared';
import { describe, expect, it } from 'vitest';
import { connectControl, participantCommand, sendCommand, stateOf } from '../helpers/control.js';
import { waitFor } from '../helpers/poll.js';
import { openBoard, roundTrip } from '../helpers/provider.js';
import { api, setupWorkshop, sharedTestServer, startTestServer } from '../helpers/server.js';
import { closeCodeOf, rawSync } from '../helpers/wire.js';

/**
 * Projector settings and the plenary vote over the real server: commands validated and refused by
 * role, votes counted against the budget by the server, and the plenary doc's rights on the sync
 * plane (facilitators write, participants and the projector read).
 */
describe('projector and plenary commands', () => {
  const shared = sharedTestServer();
  const { cleanup } = shared;

  async function room(url = shared.t.url) {
    const { workshop: w, participants } = await setupWorkshop(url, ['Anna', 'Piotr']);
    const [anna, piotr] = participants;
    if (!anna || !piotr) throw new Error('need two participants');
    const f = await connectControl(cleanup, url, w.facilitatorToken);
    stateOf(await sendCommand(f.socket, { type: 'assign', mode: 'auto' }));
    stateOf(await sendCommand(f.socket, { type: 'phase', to: 'plenary' }));
    const a = await connectControl(cleanup, url, anna.token);
    const p = await connectControl(cleanup, url, piotr.token);
    const projector = await connectControl(cleanup, url, w.projectorToken);
    return { w, anna, piotr, f, a, p, projector };
  }

  it('validates projector commands and stores them for every screen, across a restart', async () => {
    // Its own server: this test restarts it.
    const own = await startTestServer(cleanup);
    const { w, f, projector } = await room(own.url);
    const groups = f.latest().groups.map((g) => g.id);
    const reversed = [...groups].reverse();
    stateOf(await sendCommand(f.socket, { type: 'projector', action: 'order', groupIds: reversed }));
    stateOf(await sendCommand(f.socket, { type: 'projector', action: 'freeze', frozen: true }));
    stateOf(
      await sendCommand(f.socket, {
        type: 'projector',
        action: 'safeArea',
        corner: 'bottom-right',
        widthPct: 25,
        heightPct: 35,
      }),
    );
    const seen = await projector.waitForState(
      (s) => s.projector.safeArea.corner === 'bottom-right',
      'projector sees the settings',
    );
    expect(seen.projector).toEqual({
      view: 'auto',
      order: reversed,
      frozen: true,
      safeArea: { corner: 'bottom-right', widthPct: 25, heightPct: 35 },
      // The page the presenting group is on (issue #20: pages turn when the presenter says so).
      page: 0,
      // The round the overview and spotlight show (issue #17): the current one.
      roundId: null,
    });
    for (const bad of [
      { type: 'projector', action: 'view', view: 'fireworks' },
      { type: 'projector', action: 'safeArea', corner: 'bottom-right', widthPct: 90, heightPct: 35 },
      { type: 'projector', action: 'order', groupIds: [] },
      { type: 'projector', action: 'freeze' },
      { type: 'plenary', action: 'settings', budget: 0 },
    ]) {
      expect(await sendCommand(f.socket, bad), JSON.stringify(bad)).toMatchObject({
        ok: false,
        error: { code: 'bad_request' },
      });
    }
    // "next" from plenary starts presenting with the first group of the stored order.
    const next = stateOf(await sendCommand(f.socket, { type: 'projector', action: 'next' }));
    expect([next.phase, next.spotlightGroupId]).toEqual(['presenting', reversed[0]]);
    // Stored in the control JSON: a fresh server reads it back.
    const restarted = await own.restart();
    const after = await api<{ projector: unknown }>(restarted.url, 'GET', `/api/workshops/${w.id}`, {
      token: w.facilitatorToken,
    });
    expect(after.body.projector).toMatchObject({ order: reversed, frozen: true });
  });

  it('refuses facilitator commands from participants and the projector, over socket.io and REST', async () => {
    const { w, a, projector } = await room();
    for (const client of [a, projector]) {
      expect(await sendCommand(client.socket, { type: 'projector', action: 'freeze', frozen: true })).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
      expect(await sendCommand(client.socket, { type: 'plenary', action: 'settings', votingOpen: true })).toMatchObject(
        { ok: false, error: { code: 'forbidden' } },
      );
    }
    // The projector is no participant either: it cannot vote.
    expect(await participantCommand(projector.socket, { type: 'vote', itemId: 'x', delta: 1 })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const rest = await api(shared.t.url, 'POST', `/api/workshops/${w.id}/commands`, {
      token: w.projectorToken,
      body: { type: 'projector', action: 'next' },
    });
    expect(rest.status).toBe(403);
  });

  it('counts votes on the server within each participant’s budget and reveals totals when told', async () => {
    const { w, f, a, p, projector } = await room();
    const facilitatorDoc = await openBoard(cleanup, shared.t.port, f.latest().plenary.docName, w.facilitatorToken);
    const one = addPlenaryItem(facilitatorDoc.doc, { text: 'Mieszkania wspomagane', sourceGroupId: null });
    const two = addPlenaryItem(facilitatorDoc.doc, { text: 'Asystencja osobista', sourceGroupId: null });
    await roundTrip(facilitatorDoc);
    expect(await participantCommand(a.socket, { type: 'vote', itemId: one, delta: 1 })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: 'Voting is not open' },
    });
    stateOf(await sendCommand(f.socket, { type: 'plenary', action: 'settings', votingOpen: true, budget: 2 }));
    stateOf(await participantCommand(a.socket, { type: 'vote', itemId: one, delta: 1 }));
    stateOf(await participantCommand(a.socket, { type: 'vote', itemId: two, delta: 1 }));
    // Two tabs at once cannot beat the budget: the server runs one command at a time.
    const [x, y] = await Promise.all([
      participantCommand(a.socket, { type: 'vote', itemId: one, delta: 1 }),
      participantCommand(a.socket, { type: 'vote', itemId: two, delta: 1 }),
    ]);
    expect([x.ok, y.ok]).toEqual([false, false]);
    stateOf(await participantCommand(p.socket, { type: 'vote', itemId: two, delta: 1 }));
    expect(await participantCommand(p.socket, { type: 'vote', itemId: one, delta: 2 })).toMatchObject({
      ok: false,
      error: { code: 'bad_request' },
    });
    const mine = await a.waitForState((s) => Object.keys(s.plenary.mine).length === 2, 'Anna sees her votes');
    expect(mine.plenary).toMatchObject({ mine: { [one]: 1, [two]: 1 }, totals: null, budget: 2 });
    const totals = await f.waitForState((s) => s.plenary.totals?.[two] === 2, 'facilitator sees totals');
    expect(totals.plenary.totals).toEqual({ [one]: 1, [two]: 2 });
    expect(projector.latest().plenary.totals).toBeNull();
    stateOf(await sendCommand(f.socket, { type: 'plenary', action: 'settings', revealed: true }));
    await projector.waitForState((s) => s.plenary.totals?.[two] === 2, 'projector sees revealed totals');
    // The report's accessor: doc order with the stored totals.
    const stored = await shared.t.server.service.get(w.id);
    expect(readConsolidated(facilitatorDoc.doc, stored?.control.plenary).map((i) => i.votes)).toEqual([1, 2]);
  });

  it('lets facilitators write the plenary doc and participants and the projector only read it', async () => {
    const { w, anna, f } = await room();
    const docName = f.latest().plenary.docName;
    expect(docName).toBe(`${w.id}.plenary`);
    const facilitatorDoc = await openBoard(cleanup, shared.t.port, docName, w.facilitatorToken);
    const participantDoc = await openBoard(cleanup, shared.t.port, docName, anna.token);
    const projectorDoc = await openBoard(cleanup, shared.t.port, docName, w.projectorToken);
    addPlenaryItem(facilitatorDoc.doc, { text: 'Centrum usług', sourceGroupId: null });
    await waitFor(() => listPlenaryItems(participantDoc.doc).length === 1, 5_000, 'participant reads the item');
    await waitFor(() => listPlenaryItems(projectorDoc.doc).length === 1, 5_000, 'projector reads the item');
    addPlenaryItem(participantDoc.doc, { text: 'Wpisane przez uczestnika' });
    addPlenaryItem(projectorDoc.doc, { text: 'Wpisane przez rzutnik' });
    await roundTrip(participantDoc);
    await roundTrip(projectorDoc);
    await roundTrip(facilitatorDoc);
    expect(listPlenaryItems(facilitatorDoc.doc).map((i) => i.text)).toEqual(['Centrum usług']);
    // Still connected: a read-only socket's writes are dropped, not punished.
    expect(participantDoc.provider.wsconnected).toBe(true);
  });

  it('closes a removed participant’s plenary socket (4403) and refuses the plenary doc of another workshop', async () => {
    const { w, anna, f } = await room();
    const docName = f.latest().plenary.docName;
    const sync = rawSync(cleanup, shared.t.port, docName, anna.token);
    await sync.opened;
    stateOf(await sendCommand(f.socket, { type: 'removeParticipant', participantId: anna.participantId }));
    expect(await closeCodeOf(sync, 2_000)).toBe(CloseCode.Forbidden);
    const other = await setupWorkshop(shared.t.url, []);
    const foreign = rawSync(cleanup, shared.t.port, `${other.workshop.id}.plenary`, w.facilitatorToken);
    expect(await closeCodeOf(foreign)).toBe(CloseCode.Forbidden);
  });
});
