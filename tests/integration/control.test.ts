import type { OrgType } from '@warsztat/shared';
import { io } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import { type ControlSocket, connectControl, controlSocket, sendCommand } from '../helpers/control.js';
import { createWorkshop, joinWorkshop, setupWorkshop, sharedTestServer } from '../helpers/server.js';

/** The socket.io control plane with the real client: state pushes, acks and refusals. */
describe('control plane', () => {
  const shared = sharedTestServer();
  const { cleanup } = shared;

  it('sends the facilitator its state as soon as it connects', async () => {
    const w = await createWorkshop(shared.t.url, { title: 'Warsztat DI', template: 'di-5' });
    const facilitator = await connectControl(cleanup, shared.t.url, w.facilitatorToken);
    const state = facilitator.latest();
    expect(state).toMatchObject({ id: w.id, title: 'Warsztat DI', phase: 'lobby', joinCode: w.joinCode });
    expect(state.groups).toHaveLength(5);
    expect(state.links?.facilitator).toBe(`/f/${w.facilitatorToken}`);
    expect(facilitator.me).toEqual({ role: 'facilitator', participantId: null, name: null });
  });

  it("updates the facilitator's live state when a participant joins and comes online", async () => {
    const w = await createWorkshop(shared.t.url);
    const facilitator = await connectControl(cleanup, shared.t.url, w.facilitatorToken);
    const anna = await joinWorkshop(shared.t.url, w.joinCode, 'Anna', { orgType: 'ops' });
    await facilitator.waitForState((s) => s.participants.some((p) => p.id === anna.participantId), 'Anna listed');
    expect(facilitator.latest().participants[0]).toMatchObject({ name: 'Anna', orgType: 'ops', online: false });

    const participant = await connectControl(cleanup, shared.t.url, anna.token);
    expect(participant.me).toEqual({ role: 'participant', participantId: anna.participantId, name: 'Anna' });
    await facilitator.waitForState((s) => s.participants[0]?.online === true, 'Anna online');
    participant.socket.disconnect();
    await facilitator.waitForState((s) => s.participants[0]?.online === false, 'Anna offline');
  });

  it('auto-assigns everyone into groups whose sizes differ by at most one', async () => {
    const orgTypes: OrgType[] = ['jst', 'ops', 'ngo', 'pes', 'cis', 'ops', 'ngo', 'pcpr', 'jst', 'wtz', 'ngo', 'other'];
    const w = await createWorkshop(shared.t.url);
    for (const [i, orgType] of orgTypes.entries())
      await joinWorkshop(shared.t.url, w.joinCode, `Osoba ${i}`, { orgType });
    const facilitator = await connectControl(cleanup, shared.t.url, w.facilitatorToken);

    const answer = await sendCommand(facilitator.socket, { type: 'assign', mode: 'auto' });
    if (!answer.ok) throw new Error(answer.error.message);
    const sizes = answer.state.groups.map((g) => g.memberIds.length);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(orgTypes.length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    expect(answer.state.participants.every((p) => p.groupId !== null)).toBe(true);
    // The push to every socket of the workshop carries the same assignment as the ack.
    await facilitator.waitForState((s) => s.participants.every((p) => p.groupId !== null), 'assignment pushed');
    expect(facilitator.latest().groups).toEqual(answer.state.groups);
  });

  it('puts online participants into the online group of a hybrid workshop', async () => {
    const w = await createWorkshop(shared.t.url, { title: 'Hybryda', template: 'di-5-online', mode: 'hybrid' });
    const remote = await joinWorkshop(shared.t.url, w.joinCode, 'Zdalna', { attendance: 'online' });
    await joinWorkshop(shared.t.url, w.joinCode, 'Na sali');
    const facilitator = await connectControl(cleanup, shared.t.url, w.facilitatorToken);
    const answer = await sendCommand(facilitator.socket, { type: 'assign', mode: 'auto' });
    if (!answer.ok) throw new Error(answer.error.message);
    const online = answer.state.groups.find((g) => g.attendance === 'online');
    expect(online?.memberIds).toEqual([remote.participantId]);
  });

  it('moves a participant to another group and tells the participant', async () => {
    const { workshop: w, participants } = await setupWorkshop(shared.t.url, ['Anna']);
    const anna = participants[0];
    if (!anna) throw new Error('no participant');
    const facilitator = await connectControl(cleanup, shared.t.url, w.facilitatorToken);
    const participant = await connectControl(cleanup, shared.t.url, anna.token);
    const target = facilitator.latest().groups[3];
    if (!target) throw new Error('no group 3');

    const answer = await sendCommand(facilitator.socket, {
      type: 'move',
      participantId: anna.participantId,
      groupId: target.id,
    });
    if (!answer.ok) throw new Error(answer.error.message);
    expect(answer.state.groups.find((g) => g.id === target.id)?.memberIds).toEqual([anna.participantId]);
    const seen = await participant.waitForState((s) => s.participants.some((p) => p.groupId === target.id), 'moved');
    expect(seen.participants.find((p) => p.id === anna.participantId)?.groupId).toBe(target.id);
  });

  it('starts a breakout with the timer ending `minutes` from now on the server clock', async () => {
    const w = await createWorkshop(shared.t.url);
    const facilitator = await connectControl(cleanup, shared.t.url, w.facilitatorToken);
    const before = Date.now();
    const answer = await sendCommand(facilitator.socket, { type: 'phase', to: 'breakout', minutes: 20 });
    const after = Date.now();
    if (!answer.ok) throw new Error(answer.error.message);
    expect(answer.state.phase).toBe('breakout');
    expect(answer.state.timer.pausedRemainingMs).toBeNull();
    expect(answer.state.timer.endsAt).toBeGreaterThanOrEqual(before + 20 * 60_000);
    expect(answer.state.timer.endsAt).toBeLessThanOrEqual(after + 20 * 60_000);

    const serverNow = await facilitator.socket.timeout(5_000).emitWithAck('clock');
    expect(serverNow).toBeGreaterThanOrEqual(before);
    expect(serverNow).toBeLessThanOrEqual(Date.now());
  });

  it('pauses, resumes and extends the breakout timer on the server clock', async () => {
    const w = await createWorkshop(shared.t.url);
    const facilitator = await connectControl(cleanup, shared.t.url, w.facilitatorToken);
    const started = await sendCommand(facilitator.socket, { type: 'phase', to: 'breakout', minutes: 10 });
    if (!started.ok) throw new Error(started.error.message);
    const endsAt = started.state.timer.endsAt ?? 0;

    const paused = await sendCommand(facilitator.socket, { type: 'timer', action: 'pause' });
    if (!paused.ok) throw new Error(paused.error.message);
    expect(paused.state.timer.endsAt).toBeNull();
    const remaining = paused.state.timer.pausedRemainingMs ?? 0;
    expect(remaining).toBeGreaterThan(9 * 60_000);
    expect(remaining).toBeLessThanOrEqual(10 * 60_000);
    expect((await sendCommand(facilitator.socket, { type: 'timer', action: 'pause' })).ok).toBe(false);

    const extended = await sendCommand(facilitator.socket, { type: 'timer', action: 'extend', minutes: 5 });
    if (!extended.ok) throw new Error(extended.error.message);
    expect(extended.state.timer.pausedRemainingMs).toBe(remaining + 5 * 60_000);

    const before = Date.now();
    const resumed = await sendCommand(facilitator.socket, { type: 'timer', action: 'resume' });
    if (!resumed.ok) throw new Error(resumed.error.message);
    expect(resumed.state.timer.pausedRemainingMs).toBeNull();
    expect(resumed.state.timer.endsAt).toBeGreaterThanOrEqual(before + remaining + 5 * 60_000);
    expect(resumed.state.timer.endsAt).toBeGreaterThan(endsAt);
  });

  it('names a rapporteur only from the members of the group', async () => {
    const { workshop: w, participants } = await setupWorkshop(shared.t.url, ['Anna', 'Bartek']);
    const [anna, bartek] = participants;
    if (!anna || !bartek) throw new Error('two participants expected');
    const facilitator = await connectControl(cleanup, shared.t.url, w.facilitatorToken);
    const assigned = await sendCommand(facilitator.socket, { type: 'assign', mode: 'auto' });
    if (!assigned.ok) throw new Error(assigned.error.message);
    const annaGroup = assigned.state.groups.find((g) => g.memberIds.includes(anna.participantId));
    if (!annaGroup) throw new Error('Anna has no group');

    const outsider = await sendCommand(facilitator.socket, {
      type: 'rapporteur',
      groupId: annaGroup.id,
      participantId: bartek.participantId,
    });
    expect(outsider).toEqual({ ok: false, error: { code: 'conflict', message: expect.any(String) } });
    const named = await sendCommand(facilitator.socket, {
      type: 'rapporteur',
      groupId: annaGroup.id,
      participantId: anna.participantId,
    });
    if (!named.ok) throw new Error(named.error.message);
    expect(named.state.groups.find((g) => g.id === annaGroup.id)?.rapporteurId).toBe(anna.participantId);
  });

  it('spotlights the presenting group, switches it on request, and the projector sees it', async () => {
    const w = await createWorkshop(shared.t.url);
    const facilitator = await connectControl(cleanup, shared.t.url, w.facilitatorToken);
    const projector = await connectControl(cleanup, shared.t.url, w.projectorToken);
    expect(projector.me?.role).toBe('projector');
    const [first, second] = facilitator.latest().groups;
    if (!first || !second) throw new Error('need two groups');

    expect((await sendCommand(facilitator.socket, { type: 'phase', to: 'breakout' })).ok).toBe(true);
    const presenting = await sendCommand(facilitator.socket, { type: 'phase', to: 'presenting', groupId: first.id });
    if (!presenting.ok) throw new Error(presenting.error.message);
    expect(presenting.state).toMatchObject({ phase: 'presenting', spotlightGroupId: first.id });
    expect(presenting.state.timer).toEqual({ endsAt: null, pausedRemainingMs: null });
    await projector.waitForState((s) => s.spotlightGroupId === first.id, 'projector spotlight on first');

    expect((await sendCommand(facilitator.socket, { type: 'spotlight', groupId: second.id })).ok).toBe(true);
    const seen = await projector.waitForState((s) => s.spotlightGroupId === second.id, 'projector spotlight on second');
    expect(seen.phase).toBe('presenting');
    expect(seen.links).toEqual({ join: `/j/${w.joinCode}` });
  });

  it("refuses a participant's command with forbidden and changes nothing", async () => {
    const { workshop: w, participants } = await setupWorkshop(shared.t.url, ['Anna']);
    const anna = participants[0];
    if (!anna) throw new Error('no participant');
    const participant = await connectControl(cleanup, shared.t.url, anna.token);
    const projector = await connectControl(cleanup, shared.t.url, w.projectorToken);
    for (const client of [participant, projector]) {
      const answer = await sendCommand(client.socket, { type: 'phase', to: 'breakout', minutes: 5 });
      expect(answer).toEqual({ ok: false, error: { code: 'forbidden', message: expect.any(String) } });
    }
    const facilitator = await connectControl(cleanup, shared.t.url, w.facilitatorToken);
    expect(facilitator.latest().phase).toBe('lobby');
  });

  it('refuses a malformed command with bad_request and keeps the socket usable', async () => {
    const w = await createWorkshop(shared.t.url);
    const facilitator = await connectControl(cleanup, shared.t.url, w.facilitatorToken);
    for (const payload of [null, 'phase', { type: 'phase', to: 'breakout', minutes: 'soon' }, { type: 'nuke' }]) {
      const answer = await sendCommand(facilitator.socket, payload);
      expect(answer).toEqual({ ok: false, error: { code: 'bad_request', message: expect.any(String) } });
    }
    expect(facilitator.socket.connected).toBe(true);
    const answer = await sendCommand(facilitator.socket, { type: 'phase', to: 'plenary' });
    expect(answer.ok && answer.state.phase).toBe('plenary');
  });

  it('refuses an illegal phase move with conflict', async () => {
    const w = await createWorkshop(shared.t.url);
    const facilitator = await connectControl(cleanup, shared.t.url, w.facilitatorToken);
    const answer = await sendCommand(facilitator.socket, { type: 'phase', to: 'discussion' });
    expect(answer).toEqual({ ok: false, error: { code: 'conflict', message: expect.any(String) } });
    expect((await sendCommand(facilitator.socket, { type: 'phase', to: 'closed' })).ok).toBe(true);
    const after = await sendCommand(facilitator.socket, { type: 'phase', to: 'plenary' });
    expect(after.ok).toBe(false);
  });

  it('refuses to connect with a bad or missing token (connect_error unauthorized)', async () => {
    for (const token of ['AAAAAAAAAAAAAAAAAAAAAA', '', 'short']) {
      const socket = controlSocket(cleanup, shared.t.url, token);
      const error = await new Promise<Error>((resolve) => socket.once('connect_error', resolve));
      expect(error.message).toBe('unauthorized');
      expect(socket.connected).toBe(false);
    }
  });

  it('refuses a control socket from a foreign Origin', async () => {
    const w = await createWorkshop(shared.t.url);
    const socket: ControlSocket = io(shared.t.url, {
      auth: { token: w.facilitatorToken },
      transports: ['websocket'],
      reconnection: false,
      extraHeaders: { origin: 'https://evil.example' },
    });
    cleanup.add(socket, (s) => s.disconnect());
    await new Promise<Error>((resolve) => socket.once('connect_error', resolve));
    expect(socket.connected).toBe(false);
    const own = await connectControl(cleanup, shared.t.url, w.facilitatorToken);
    expect(own.latest().id).toBe(w.id);
  });

  it('shows a participant the others by display name only', async () => {
    const w = await createWorkshop(shared.t.url);
    const anna = await joinWorkshop(shared.t.url, w.joinCode, 'Anna', { organisation: 'MOPS', orgType: 'ops' });
    await joinWorkshop(shared.t.url, w.joinCode, 'Bartek', { organisation: 'Fundacja X', orgType: 'ngo' });
    const participant = await connectControl(cleanup, shared.t.url, anna.token);
    const state = participant.latest();
    expect(state.participants.find((p) => p.name === 'Bartek')).toEqual({
      id: expect.any(String),
      name: 'Bartek',
      groupId: null,
      online: false,
    });
    expect(state.participants.find((p) => p.id === anna.participantId)).toMatchObject({ orgType: 'ops' });
    expect(state.links).toEqual({ join: `/j/${w.joinCode}` });
  });
});
