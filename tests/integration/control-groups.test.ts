import type { CommandAck, OrgType, WorkshopState } from '@warsztat/shared';
import { describe, expect, it } from 'vitest';
import { connectControl, participantCommand, sendCommand, stateOf } from '../helpers/control.js';
import { api, createWorkshop, joinWorkshop, runCommand, setupWorkshop, sharedTestServer } from '../helpers/server.js';

/** Groups, assignment preview, self-select with capacity caps and rapporteurs, over socket.io. */
describe('control plane: groups and assignment', () => {
  const shared = sharedTestServer();
  const { cleanup } = shared;

  it('adds, renames, caps, prompts and removes groups; members of a removed group become unassigned', async () => {
    const { workshop: w, participants } = await setupWorkshop(shared.t.url, ['Anna']);
    const anna = participants[0];
    if (!anna) throw new Error('no participant');
    const f = await connectControl(cleanup, shared.t.url, w.facilitatorToken);
    const added = stateOf(
      await sendCommand(f.socket, { type: 'group', action: 'add', name: 'Grupa online', attendance: 'online' }),
    );
    const group = added.groups.at(-1);
    expect(added.groups).toHaveLength(6);
    expect(group).toMatchObject({ name: 'Grupa online', attendance: 'online', capacity: null, prompt: '' });
    if (!group) throw new Error('no group');
    const updated = stateOf(
      await sendCommand(f.socket, {
        type: 'group',
        action: 'update',
        groupId: group.id,
        name: 'Online: mieszkania',
        capacity: 8,
        prompt: 'Jakie usługi mieszkaniowe są potrzebne?',
      }),
    );
    expect(updated.groups.at(-1)).toMatchObject({
      name: 'Online: mieszkania',
      capacity: 8,
      prompt: expect.any(String),
    });
    stateOf(await sendCommand(f.socket, { type: 'move', participantId: anna.participantId, groupId: group.id }));
    const removed = stateOf(await sendCommand(f.socket, { type: 'group', action: 'remove', groupId: group.id }));
    expect(removed.groups.map((g) => g.id)).not.toContain(group.id);
    expect(removed.participants[0]?.groupId).toBeNull();
    expect(await sendCommand(f.socket, { type: 'group', action: 'remove', groupId: group.id })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(
      await sendCommand(f.socket, { type: 'group', action: 'update', groupId: removed.groups[0]?.id, capacity: 0 }),
    ).toMatchObject({ ok: false, error: { code: 'bad_request' } });
  });

  it('previews a balanced assignment without storing it, then stores the same one on auto', async () => {
    const orgTypes: OrgType[] = ['jst', 'ops', 'ngo', 'ngo', 'pes', 'cis', 'ops', 'jst'];
    const w = await createWorkshop(shared.t.url, { title: 'Hybryda', template: 'di-5-online', mode: 'hybrid' });
    for (const [i, orgType] of orgTypes.entries()) {
      await joinWorkshop(shared.t.url, w.joinCode, `Osoba ${i}`, {
        orgType,
        attendance: i % 4 === 0 ? 'online' : 'onsite',
      });
    }
    const f = await connectControl(cleanup, shared.t.url, w.facilitatorToken);
    // Straight through socket.io: the helper's answer type has no `preview`.
    const answer: CommandAck = await f.socket
      .timeout(5_000)
      .emitWithAck('command', { type: 'assign', mode: 'preview' });
    if (!answer.ok) throw new Error(answer.error.message);
    const preview = answer.preview ?? {};
    expect(Object.keys(preview)).toHaveLength(orgTypes.length);
    expect(answer.state.participants.every((p) => p.groupId === null)).toBe(true);
    const online = answer.state.groups.find((g) => g.attendance === 'online');
    for (const p of answer.state.participants) {
      expect(preview[p.id] === online?.id).toBe(p.attendance === 'online');
    }
    // The REST mirror answers the same preview.
    const rest = await api<WorkshopState & { preview: Record<string, string> }>(
      shared.t.url,
      'POST',
      `/api/workshops/${w.id}/commands`,
      { token: w.facilitatorToken, body: { type: 'assign', mode: 'preview' } },
    );
    expect(rest.body.preview).toEqual(preview);
    const stored = await runCommand(shared.t.url, w.id, w.facilitatorToken, { type: 'assign', mode: 'auto' });
    expect(Object.fromEntries(stored.participants.map((p) => [p.id, p.groupId]))).toEqual(preview);
  });

  it('lets a participant choose a group only while self-select is on, and never past its capacity', async () => {
    const { workshop: w, participants } = await setupWorkshop(shared.t.url, ['Anna', 'Piotr']);
    const [anna, piotr] = participants;
    if (!anna || !piotr) throw new Error('need two participants');
    const f = await connectControl(cleanup, shared.t.url, w.facilitatorToken);
    const a = await connectControl(cleanup, shared.t.url, anna.token);
    const p = await connectControl(cleanup, shared.t.url, piotr.token);
    const target = f.latest().groups[1];
    if (!target) throw new Error('no group');

    expect(await participantCommand(a.socket, { type: 'choose', groupId: target.id })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    stateOf(await sendCommand(f.socket, { type: 'selfSelect', enabled: true }));
    stateOf(await sendCommand(f.socket, { type: 'group', action: 'update', groupId: target.id, capacity: 1 }));
    const chosen = stateOf(await participantCommand(a.socket, { type: 'choose', groupId: target.id }));
    expect(chosen.participants.find((x) => x.id === anna.participantId)?.groupId).toBe(target.id);
    expect(await participantCommand(p.socket, { type: 'choose', groupId: target.id })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    await f.waitForState((s) => s.groups[1]?.memberIds.length === 1, 'facilitator sees the choice');
    expect(f.latest().selfSelect).toBe(true);
  });

  it('lets a group member claim and give up the rapporteur role, and refuses a second claimant', async () => {
    const { workshop: w, participants } = await setupWorkshop(shared.t.url, ['Anna', 'Piotr']);
    const [anna, piotr] = participants;
    if (!anna || !piotr) throw new Error('need two participants');
    const f = await connectControl(cleanup, shared.t.url, w.facilitatorToken);
    const group = f.latest().groups[0];
    if (!group) throw new Error('no group');
    for (const x of [anna, piotr]) {
      stateOf(await sendCommand(f.socket, { type: 'move', participantId: x.participantId, groupId: group.id }));
    }
    const a = await connectControl(cleanup, shared.t.url, anna.token);
    const p = await connectControl(cleanup, shared.t.url, piotr.token);
    const projector = await connectControl(cleanup, shared.t.url, w.projectorToken);
    expect(
      stateOf(await participantCommand(a.socket, { type: 'rapporteur', claim: true })).groups[0]?.rapporteurId,
    ).toBe(anna.participantId);
    await projector.waitForState((s) => s.groups[0]?.rapporteurId === anna.participantId, 'projector sees rapporteur');
    expect(await participantCommand(p.socket, { type: 'rapporteur', claim: true })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    expect(
      stateOf(await participantCommand(a.socket, { type: 'rapporteur', claim: false })).groups[0]?.rapporteurId,
    ).toBeNull();
    expect(
      stateOf(await participantCommand(p.socket, { type: 'rapporteur', claim: true })).groups[0]?.rapporteurId,
    ).toBe(piotr.participantId);
  });

  it('refuses participant commands from other roles, malformed ones, and facilitator commands from participants', async () => {
    const { workshop: w, participants } = await setupWorkshop(shared.t.url, ['Anna']);
    const anna = participants[0];
    if (!anna) throw new Error('no participant');
    const f = await connectControl(cleanup, shared.t.url, w.facilitatorToken);
    const projector = await connectControl(cleanup, shared.t.url, w.projectorToken);
    const a = await connectControl(cleanup, shared.t.url, anna.token);
    for (const socket of [f.socket, projector.socket]) {
      expect(await participantCommand(socket, { type: 'help', text: '' })).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
    }
    for (const payload of [
      null,
      { type: 'choose' },
      { type: 'rapporteur', claim: 'yes' },
      { type: 'assign', mode: 'auto' },
    ]) {
      expect(await participantCommand(a.socket, payload)).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    }
    for (const command of [
      { type: 'selfSelect', enabled: true },
      { type: 'broadcast', text: 'hej', groupId: null },
      { type: 'assign', mode: 'preview' },
    ]) {
      expect(await sendCommand(a.socket, command)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(a.socket.connected).toBe(true);
    expect(f.latest().selfSelect).toBe(false);
    expect(f.latest().broadcasts).toEqual([]);
  });
});
