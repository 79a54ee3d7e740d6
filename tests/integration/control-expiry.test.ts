import type { WorkshopState } from '@warsztat/shared';
import { describe, expect, it } from 'vitest';
import { connectControl, participantCommand, sendCommand, stateOf } from '../helpers/control.js';
import { api, breakoutWorkshop, runCommand, setupWorkshop, sharedTestServer } from '../helpers/server.js';

/**
 * Issue #20: what a change does to the room's screens. Messages expire (removed, a new phase, a
 * changed timer for timer messages) and the agenda's current item follows the phase.
 */
describe('control plane: messages expire and the agenda follows the phase', () => {
  const shared = sharedTestServer();
  const { cleanup } = shared;

  async function breakout() {
    const { workshop } = await breakoutWorkshop(shared.t.url, ['Anna', 'Piotr'], 30);
    const run = (command: Parameters<typeof runCommand>[3]) =>
      runCommand(shared.t.url, workshop.id, workshop.facilitatorToken, command);
    return { workshop, run };
  }
  const texts = (s: WorkshopState) => s.broadcasts.map((b) => b.text);

  it('keeps a message until the facilitator removes it; removing it twice is no error', async () => {
    const { run } = await breakout();
    const sent = await run({ type: 'broadcast', text: 'Kawa o 11:00', groupId: null });
    const id = sent.broadcasts[0]?.id ?? '';
    expect(sent.broadcasts[0]).toMatchObject({ text: 'Kawa o 11:00', aboutTimer: false });
    expect(texts(await run({ type: 'broadcast', text: 'Drugi', groupId: null }))).toEqual(['Kawa o 11:00', 'Drugi']);
    expect(texts(await run({ type: 'broadcastRemove', messageId: id }))).toEqual(['Drugi']);
    expect(texts(await run({ type: 'broadcastRemove', messageId: id }))).toEqual(['Drugi']);
  });

  it('drops timer messages when the timer changes, and keeps the others', async () => {
    const { run } = await breakout();
    await run({ type: 'broadcast', text: 'Zostało 10 minut', groupId: null, aboutTimer: true });
    await run({ type: 'broadcast', text: 'Kawa o 11:00', groupId: null });
    expect(texts(await run({ type: 'timer', action: 'extend', minutes: 5 }))).toEqual(['Kawa o 11:00']);
    await run({ type: 'broadcast', text: 'Zostało 5 minut', groupId: null, aboutTimer: true });
    expect(texts(await run({ type: 'timer', action: 'pause' }))).toEqual(['Kawa o 11:00']);
    // A command that leaves the timer alone leaves timer messages alone.
    await run({ type: 'broadcast', text: 'Zostało 5 minut', groupId: null, aboutTimer: true });
    expect(texts(await run({ type: 'selfSelect', enabled: true }))).toEqual(['Kawa o 11:00', 'Zostało 5 minut']);
  });

  it('clears every message on a phase change, for every role', async () => {
    const { workshop, run } = await breakout();
    const projector = await connectControl(cleanup, shared.t.url, workshop.projectorToken);
    await run({ type: 'broadcast', text: 'Zostało 10 minut', groupId: null, aboutTimer: true });
    await run({ type: 'broadcast', text: 'Kawa o 11:00', groupId: null });
    await projector.waitForState((s) => s.broadcasts.length === 2, 'projector sees both');
    expect((await run({ type: 'phase', to: 'plenary' })).broadcasts).toEqual([]);
    await projector.waitForState((s) => s.broadcasts.length === 0, 'projector clears');
  });

  it('clears messages when the recall turns the room to plenary by itself', async () => {
    const { workshop, run } = await breakout();
    const f = await connectControl(cleanup, shared.t.url, workshop.facilitatorToken);
    await run({ type: 'broadcast', text: 'Wracamy!', groupId: null });
    stateOf(await sendCommand(f.socket, { type: 'recall', seconds: 5 }));
    const back = await f.waitForState((s) => s.phase === 'plenary', 'recall fired', 15_000);
    expect(back.broadcasts).toEqual([]);
  });

  it('refuses malformed messages and removals with 400 and keeps the active ones', async () => {
    const { workshop, run } = await breakout();
    await run({ type: 'broadcast', text: 'Zostaje', groupId: null });
    for (const body of [
      { type: 'broadcast', text: 'x', groupId: null, aboutTimer: 'yes' },
      { type: 'broadcast', text: 'x'.repeat(501), groupId: null },
      { type: 'broadcastRemove', messageId: '../../etc' },
      { type: 'broadcastRemove' },
    ]) {
      const answer = await api(shared.t.url, 'POST', `/api/workshops/${workshop.id}/commands`, {
        token: workshop.facilitatorToken,
        body,
      });
      expect(answer.status, JSON.stringify(body)).toBe(400);
    }
    expect(texts(await run({ type: 'selfSelect', enabled: false }))).toEqual(['Zostaje']);
  });

  it('moves the current agenda item to the next one of the phase’s kind, or leaves it', async () => {
    const { workshop, participants } = await setupWorkshop(shared.t.url, ['Anna'], {
      title: 'Program',
      date: '2026-12-03',
    });
    const run = (command: Parameters<typeof runCommand>[3]) =>
      runCommand(shared.t.url, workshop.id, workshop.facilitatorToken, command);
    expect(participants).toHaveLength(1);
    const loaded = await run({ type: 'agenda', action: 'demo' });
    // The demo's 2022 date is not this workshop's: the first day takes the workshop's date.
    expect(loaded.agendaDays).toEqual([{ date: '2026-12-03' }]);
    const byKind = (kind: string) => loaded.agenda.find((i) => i.kind === kind)?.id;
    const welcome = loaded.agenda[0]?.id ?? null;
    await run({ type: 'agenda', action: 'start', itemId: welcome });
    await run({ type: 'assign', mode: 'auto' });
    expect((await run({ type: 'phase', to: 'breakout', minutes: 30 })).currentAgendaItemId).toBe(byKind('breakout'));
    // Back in plenary: no plenary-phase kind is defined, so the breakout item stays until presenting.
    expect((await run({ type: 'phase', to: 'plenary' })).currentAgendaItemId).toBe(byKind('breakout'));
    const group = loaded.groups[0]?.id ?? '';
    const presenting = await run({ type: 'phase', to: 'presenting', groupId: group });
    expect(presenting.currentAgendaItemId).toBe(byKind('plenary'));
    expect((await run({ type: 'phase', to: 'discussion' })).currentAgendaItemId).toBe(byKind('discussion'));
    // No breakout item after the discussion: the current item stays, and the console asks.
    expect((await run({ type: 'phase', to: 'breakout', minutes: 10 })).currentAgendaItemId).toBe(byKind('discussion'));
  });

  it('sets and clears a day’s date, and refuses a day that has no items', async () => {
    const { workshop } = await setupWorkshop(shared.t.url, [], { title: 'Daty' });
    const run = (command: Parameters<typeof runCommand>[3]) =>
      runCommand(shared.t.url, workshop.id, workshop.facilitatorToken, command);
    expect((await run({ type: 'agenda', action: 'demo' })).agendaDays).toEqual([{ date: null }]);
    expect((await run({ type: 'agenda', action: 'day', day: 0, date: '2026-12-04' })).agendaDays).toEqual([
      { date: '2026-12-04' },
    ]);
    expect((await run({ type: 'agenda', action: 'day', day: 0, date: null })).agendaDays).toEqual([{ date: null }]);
    const missing = await api(shared.t.url, 'POST', `/api/workshops/${workshop.id}/commands`, {
      token: workshop.facilitatorToken,
      body: { type: 'agenda', action: 'day', day: 3, date: '2026-12-05' },
    });
    expect(missing.status).toBe(404);
    const bad = await api(shared.t.url, 'POST', `/api/workshops/${workshop.id}/commands`, {
      token: workshop.facilitatorToken,
      body: { type: 'agenda', action: 'day', day: 0, date: '24.11.2022' },
    });
    expect(bad.status).toBe(400);
  });

  it('turns the projector page for the facilitator and the presenting rapporteur only, from 0 at each group', async () => {
    const { workshop, participants, state } = await breakoutWorkshop(shared.t.url, ['Anna', 'Piotr'], 30);
    const run = (command: Parameters<typeof runCommand>[3]) =>
      runCommand(shared.t.url, workshop.id, workshop.facilitatorToken, command);
    const [anna, piotr] = participants;
    if (!anna || !piotr) throw new Error('two participants');
    const annaGroup = state.participants.find((p) => p.id === anna.participantId)?.groupId ?? '';
    await run({ type: 'rapporteur', groupId: annaGroup, participantId: anna.participantId });
    const a = await connectControl(cleanup, shared.t.url, anna.token);
    const p = await connectControl(cleanup, shared.t.url, piotr.token);
    // Not presenting yet: the rapporteur may not turn the page.
    const early = await participantCommand(a.socket, { type: 'projectorPage', step: 1 });
    expect(early.ok ? 'ok' : early.error.code).toBe('forbidden');
    await run({ type: 'phase', to: 'plenary' });
    await run({ type: 'phase', to: 'presenting', groupId: annaGroup });
    expect((await run({ type: 'projector', action: 'page', step: -1 })).projector.page).toBe(0);
    expect((await run({ type: 'projector', action: 'page', step: 1 })).projector.page).toBe(1);
    expect(stateOf(await participantCommand(a.socket, { type: 'projectorPage', step: 1 })).projector.page).toBe(2);
    // Another group's member may not.
    const other = await participantCommand(p.socket, { type: 'projectorPage', step: 1 });
    if (state.participants.find((x) => x.id === piotr.participantId)?.groupId !== annaGroup) {
      expect(other.ok ? 'ok' : other.error.code).toBe('forbidden');
    }
    const bad = await api(shared.t.url, 'POST', `/api/workshops/${workshop.id}/commands`, {
      token: workshop.facilitatorToken,
      body: { type: 'projector', action: 'page', step: 2 },
    });
    expect(bad.status).toBe(400);
    // The next group starts on its first page.
    const next = await run({ type: 'projector', action: 'next' }).catch(() => null);
    if (next) expect(next.projector.page).toBe(0);
    expect((await run({ type: 'phase', to: 'discussion' })).projector.page).toBe(0);
  });
});
