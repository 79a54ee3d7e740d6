import type { WorkshopState } from '@warsztat/shared';
import { describe, expect, it } from 'vitest';
import { connectControl, sendCommand, stateOf } from '../helpers/control.js';
import { getWorkshop, setupWorkshop, sharedTestServer } from '../helpers/server.js';

const NAMES = ['Anna Kowalska', 'Piotr Wiśniewski', 'Ewa Maj'];

/** Every participant name of `NAMES` that occurs anywhere in a state as sent (not just in `participants`). */
function namesIn(state: WorkshopState): string[] {
  const wire = JSON.stringify(state);
  return NAMES.filter((name) => wire.includes(name));
}

/**
 * Issue #16: the room's screen is often streamed in hybrid sessions, so it names nobody unless the
 * facilitator turns names on. The server enforces it: a projector's state — over socket.io and
 * over REST — carries no name at all while names are off, not merely names the UI leaves out.
 */
describe('names on the room screen', () => {
  const shared = sharedTestServer();
  const { cleanup } = shared;

  it('sends the projector no participant name until the facilitator turns names on, and again after off', async () => {
    const { workshop: w, participants } = await setupWorkshop(shared.t.url, NAMES);
    const f = await connectControl(cleanup, shared.t.url, w.facilitatorToken);
    const projector = await connectControl(cleanup, shared.t.url, w.projectorToken);
    // A rapporteur is named on the overview and spotlight when names are on; off, not even they are.
    stateOf(await sendCommand(f.socket, { type: 'assign', mode: 'auto' }));
    const group = f.latest().groups.find((g) => g.memberIds.length > 0);
    if (!group) throw new Error('no group with members');
    stateOf(await sendCommand(f.socket, { type: 'rapporteur', groupId: group.id, participantId: group.memberIds[0] }));

    const before = await projector.waitForState((s) => s.groups.some((g) => g.rapporteurId !== null), 'rapporteur');
    expect(before.projectorNames).toBe(false);
    expect(before.participants).toHaveLength(NAMES.length);
    expect(namesIn(before)).toEqual([]);
    expect(namesIn(await getWorkshop(shared.t.url, w.id, w.projectorToken))).toEqual([]);
    // Everyone else still sees names: the facilitator all, a participant at least its own.
    expect(namesIn(f.latest())).toEqual(NAMES);
    const anna = participants[0];
    if (!anna) throw new Error('Anna did not join');
    const a = await connectControl(cleanup, shared.t.url, anna.token);
    expect(namesIn(a.latest())).toContain('Anna Kowalska');

    stateOf(await sendCommand(f.socket, { type: 'projector', action: 'names', shown: true }));
    const on = await projector.waitForState((s) => s.projectorNames, 'names on');
    expect(namesIn(on)).toEqual(NAMES);
    expect(on.participants.map((p) => p.name)).toEqual(NAMES);
    expect(namesIn(await getWorkshop(shared.t.url, w.id, w.projectorToken))).toEqual(NAMES);
    // What a projector is sent is still only display names: no organisation, consent or attendance.
    expect(Object.keys(on.participants[0] ?? {}).sort()).toEqual(['groupId', 'id', 'name', 'online']);

    stateOf(await sendCommand(f.socket, { type: 'projector', action: 'names', shown: false }));
    const off = await projector.waitForState((s) => !s.projectorNames, 'names off again');
    expect(namesIn(off)).toEqual([]);
  });

  it('keeps the choice across a reconnect and refuses a malformed switch', async () => {
    const { workshop: w } = await setupWorkshop(shared.t.url, NAMES.slice(0, 1));
    const f = await connectControl(cleanup, shared.t.url, w.facilitatorToken);
    stateOf(await sendCommand(f.socket, { type: 'projector', action: 'names', shown: true }));
    expect(await sendCommand(f.socket, { type: 'projector', action: 'names', shown: 'yes' })).toMatchObject({
      ok: false,
      error: { code: 'bad_request' },
    });
    const projector = await connectControl(cleanup, shared.t.url, w.projectorToken);
    expect(projector.latest().projectorNames).toBe(true);
    expect(projector.latest().participants[0]?.name).toBe('Anna Kowalska');
  });
});
