import type { WorkshopState } from '@warsztat/shared';
import { MAX_COMMAND_BYTES } from '@warsztat/shared';
import { describe, expect, it } from 'vitest';
import { connectControl, participantCommand, sendCommand, stateOf } from '../helpers/control.js';
import { api, setupWorkshop, sharedTestServer } from '../helpers/server.js';

/** Running the room: broadcast, help requests, recall to plenary, co-facilitators, the audit log. */
describe('control plane: running the room', () => {
  const shared = sharedTestServer();
  const { cleanup } = shared;

  async function twoGroups() {
    const { workshop: w, participants } = await setupWorkshop(shared.t.url, ['Anna', 'Piotr']);
    const [anna, piotr] = participants;
    if (!anna || !piotr) throw new Error('need two participants');
    const f = await connectControl(cleanup, shared.t.url, w.facilitatorToken);
    const [g1, g2] = f.latest().groups;
    if (!g1 || !g2) throw new Error('need two groups');
    stateOf(await sendCommand(f.socket, { type: 'move', participantId: anna.participantId, groupId: g1.id }));
    stateOf(await sendCommand(f.socket, { type: 'move', participantId: piotr.participantId, groupId: g2.id }));
    const a = await connectControl(cleanup, shared.t.url, anna.token);
    const p = await connectControl(cleanup, shared.t.url, piotr.token);
    return { w, anna, piotr, f, a, p, g1, g2 };
  }

  it('broadcasts to every group or to one, and each participant sees only what is meant for it', async () => {
    const { w, f, a, p, g1 } = await twoGroups();
    const projector = await connectControl(cleanup, shared.t.url, w.projectorToken);
    stateOf(await sendCommand(f.socket, { type: 'broadcast', text: 'Zostało 10 minut', groupId: null }));
    stateOf(
      await sendCommand(f.socket, { type: 'broadcast', text: 'Grupo 1, zapiszcie rekomendacje', groupId: g1.id }),
    );
    await a.waitForState((s) => s.broadcasts.length === 2, 'Anna sees both');
    await p.waitForState((s) => s.broadcasts.length === 1, 'Piotr sees the one for all');
    expect(p.latest().broadcasts[0]).toMatchObject({ text: 'Zostało 10 minut', groupId: null });
    await projector.waitForState((s) => s.broadcasts.length === 1, 'projector sees the one for all');
    expect(f.latest().broadcasts).toHaveLength(2);
    expect(await sendCommand(f.socket, { type: 'broadcast', text: '   ', groupId: null })).toMatchObject({
      ok: false,
      error: { code: 'bad_request' },
    });
    expect(await sendCommand(f.socket, { type: 'broadcast', text: 'x', groupId: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });

  it('sends a help request to every facilitator and co-facilitator with its group, and acknowledges it', async () => {
    const { w, anna, f, a, g1 } = await twoGroups();
    const co = await connectControl(cleanup, shared.t.url, (f.latest().coFacilitatorLink ?? '').replace('/f/', ''));
    expect(co.me?.role).toBe('coFacilitator');
    const asked = stateOf(await participantCommand(a.socket, { type: 'help', text: 'Brakuje flamastrów' }));
    expect(asked.helpRequests).toHaveLength(1);
    // A second click while the request is open is not a second request.
    expect(stateOf(await participantCommand(a.socket, { type: 'help' })).helpRequests).toHaveLength(1);
    for (const client of [f, co]) {
      const seen = await client.waitForState((s) => s.helpRequests.length === 1, 'help request arrives');
      expect(seen.helpRequests[0]).toMatchObject({
        groupId: g1.id,
        participantId: anna.participantId,
        text: 'Brakuje flamastrów',
        acknowledgedAt: null,
      });
    }
    const projector = await connectControl(cleanup, shared.t.url, w.projectorToken);
    expect(projector.latest().helpRequests).toEqual([]);
    const id = f.latest().helpRequests[0]?.id ?? '';
    stateOf(await sendCommand(co.socket, { type: 'helpAck', requestId: id }));
    await a.waitForState((s) => s.helpRequests[0]?.acknowledgedAt !== null, 'Anna sees it acknowledged');
    expect(await sendCommand(f.socket, { type: 'helpAck', requestId: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });

  it('recalls everyone to plenary when the countdown ends, server-side', async () => {
    const { f, a } = await twoGroups();
    stateOf(await sendCommand(f.socket, { type: 'phase', to: 'breakout', minutes: 20 }));
    const started = Date.now();
    const recalled = stateOf(await sendCommand(f.socket, { type: 'recall', seconds: 5 }));
    expect(recalled.recallEndsAt).toBeGreaterThanOrEqual(started + 5_000);
    await a.waitForState((s) => s.recallEndsAt !== null, 'participant sees the countdown');
    // The countdown itself is 5 s; the default 5 s wait would leave no margin for the commit.
    const back = await a.waitForState((s) => s.phase === 'plenary', 'phase turns to plenary', 10_000);
    expect(Date.now() - started).toBeGreaterThanOrEqual(4_900);
    expect(back.recallEndsAt).toBeNull();
    expect(back.timer).toEqual({ endsAt: null, pausedRemainingMs: null });
  }, 15_000);

  it('cancels a recall when the facilitator changes phase or cancels it, and refuses one from the lobby', async () => {
    const { f } = await twoGroups();
    expect(await sendCommand(f.socket, { type: 'recall', seconds: 5 })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    stateOf(await sendCommand(f.socket, { type: 'phase', to: 'breakout' }));
    stateOf(await sendCommand(f.socket, { type: 'recall', seconds: 5 }));
    const presenting = stateOf(
      await sendCommand(f.socket, { type: 'phase', to: 'presenting', groupId: f.latest().groups[0]?.id }),
    );
    expect(presenting.recallEndsAt).toBeNull();
    stateOf(await sendCommand(f.socket, { type: 'phase', to: 'breakout' }));
    stateOf(await sendCommand(f.socket, { type: 'recall', seconds: 5 }));
    expect(stateOf(await sendCommand(f.socket, { type: 'recall', seconds: null })).recallEndsAt).toBeNull();
    expect(await sendCommand(f.socket, { type: 'recall', seconds: 1 })).toMatchObject({
      ok: false,
      error: { code: 'bad_request' },
    });
    // That the cancelled countdowns never fire later is checked on fake time, an hour past their
    // deadline (tests/unit/recall.test.ts), instead of sleeping through them here.
    expect(f.latest().recallEndsAt).toBeNull();
    expect(f.latest().phase).toBe('breakout');
  });

  it('gives the co-facilitator every right except closing, on both doors, and no links to pass on', async () => {
    const { w, f } = await twoGroups();
    const coToken = (f.latest().coFacilitatorLink ?? '').replace('/f/', '');
    const co = await connectControl(cleanup, shared.t.url, coToken);
    expect(co.latest().coFacilitatorLink).toBeNull();
    expect(co.latest().links).toEqual({ join: `/j/${w.joinCode}` });
    expect(co.latest().participants[0]?.attendance).toBe('onsite');
    expect(stateOf(await sendCommand(co.socket, { type: 'phase', to: 'breakout', minutes: 15 })).phase).toBe(
      'breakout',
    );
    await f.waitForState((s) => s.phase === 'breakout', 'the facilitator sees the co-facilitator’s move');
    expect(await sendCommand(co.socket, { type: 'phase', to: 'closed' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const rest = await api(shared.t.url, 'POST', `/api/workshops/${w.id}/commands`, {
      token: coToken,
      body: { type: 'phase', to: 'closed' },
    });
    expect(rest.status).toBe(403);
    const restOk = await api<WorkshopState>(shared.t.url, 'POST', `/api/workshops/${w.id}/commands`, {
      token: coToken,
      body: { type: 'timer', action: 'extend', minutes: 5 },
    });
    expect(restOk.status).toBe(200);
    expect(stateOf(await sendCommand(f.socket, { type: 'phase', to: 'closed' })).phase).toBe('closed');
  });

  it('refuses oversized, unknown and mistyped commands with a code, keeps state and the socket', async () => {
    const { w, f } = await twoGroups();
    const big = await sendCommand(f.socket, { type: 'broadcast', text: 'x'.repeat(MAX_COMMAND_BYTES), groupId: null });
    expect(big).toEqual({ ok: false, error: { code: 'too_large', message: expect.any(String) } });
    for (const payload of [
      { type: 'nuke' },
      { type: 'group', action: 'add' },
      { type: 'selfSelect', enabled: 'yes' },
      { type: 'broadcast', text: 'x'.repeat(501), groupId: null },
      { type: 'helpAck', requestId: '../../etc' },
      { type: 'recall', seconds: 60, extra: true },
      [],
    ]) {
      expect(await sendCommand(f.socket, payload)).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    }
    expect(f.socket.connected).toBe(true);
    const after = await connectControl(cleanup, shared.t.url, w.facilitatorToken);
    expect(after.latest().broadcasts).toEqual([]);
    expect(after.latest().groups).toHaveLength(5);
    const rest = await api(shared.t.url, 'POST', `/api/workshops/${w.id}/commands`, {
      token: w.facilitatorToken,
      body: { type: 'recall', seconds: 'soon' },
    });
    expect(rest.status).toBe(400);
  });

  it('logs every transition and command in the audit trail, in order', async () => {
    const { w, f, a } = await twoGroups();
    stateOf(await sendCommand(f.socket, { type: 'phase', to: 'breakout', minutes: 10 }));
    stateOf(await participantCommand(a.socket, { type: 'help' }));
    stateOf(await sendCommand(f.socket, { type: 'phase', to: 'plenary' }));
    expect(await sendCommand(f.socket, { type: 'phase', to: 'lobby' })).toMatchObject({ ok: false });
    const types = (await shared.t.server.store.listEvents(w.id)).map((e) => e.type);
    expect(types).toEqual(['created', 'joined', 'joined', 'move', 'move', 'phase', 'participant.help', 'phase']);
  });
});
