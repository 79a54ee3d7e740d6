import { describe, expect, it } from 'vitest';
import { connectControl, sendCommand, stateOf } from '../helpers/control.js';
import { createWorkshop, sharedTestServer } from '../helpers/server.js';

/** Agenda commands over socket.io: days of timed items, recalculated start times, the current item. */
describe('control plane: agenda', () => {
  const shared = sharedTestServer();
  const { cleanup } = shared;

  it('sets a two-day agenda and computes every start time from the durations', async () => {
    const w = await createWorkshop(shared.t.url);
    const f = await connectControl(cleanup, shared.t.url, w.facilitatorToken);
    const state = stateOf(
      await sendCommand(f.socket, {
        type: 'agenda',
        action: 'set',
        days: [
          {
            date: '2021-03-04',
            startsAt: '10:00',
            items: [
              { title: 'Otwarcie', kind: 'welcome', minutes: 15, speakers: ['ROPS'] },
              { title: 'Marka ES', kind: 'presentation', minutes: 30 },
            ],
          },
          { startsAt: '09:30', items: [{ title: 'Warsztaty', kind: 'breakout', minutes: 90 }] },
        ],
      }),
    );
    expect(state.agenda.map((i) => [i.day, i.startsAt, i.title])).toEqual([
      [0, '10:00', 'Otwarcie'],
      [0, '10:15', 'Marka ES'],
      [1, '09:30', 'Warsztaty'],
    ]);
    expect(state.agenda[1]?.speakers).toEqual([]);
    expect(state.agendaDays).toEqual([{ date: '2021-03-04' }, { date: null }]);
    await f.waitForState((s) => s.agenda.length === 3, 'agenda pushed');
  });

  it('moves later start times when a duration changes, and keeps them when an item is removed', async () => {
    const w = await createWorkshop(shared.t.url);
    const f = await connectControl(cleanup, shared.t.url, w.facilitatorToken);
    const demo = stateOf(await sendCommand(f.socket, { type: 'agenda', action: 'demo' }));
    expect(demo.agenda.map((i) => i.startsAt)).toEqual(['10:00', '10:10', '10:40', '11:00', '12:00', '12:40', '13:10']);
    const second = demo.agenda[1];
    if (!second) throw new Error('demo agenda too short');
    const edited = stateOf(
      await sendCommand(f.socket, { type: 'agenda', action: 'edit', itemId: second.id, minutes: 45, title: 'Dane' }),
    );
    expect(edited.agenda.map((i) => i.startsAt)).toEqual([
      '10:00',
      '10:10',
      '10:55',
      '11:15',
      '12:15',
      '12:55',
      '13:25',
    ]);
    expect(edited.agenda[1]?.title).toBe('Dane');
    const first = edited.agenda[0];
    if (!first) throw new Error('no first item');
    const removed = stateOf(await sendCommand(f.socket, { type: 'agenda', action: 'remove', itemId: first.id }));
    expect(removed.agenda[0]).toMatchObject({ title: 'Dane', startsAt: '10:00' });
    const added = stateOf(
      await sendCommand(f.socket, {
        type: 'agenda',
        action: 'add',
        day: 0,
        item: { title: 'Przerwa kawowa', kind: 'break', minutes: 15, speakers: [] },
      }),
    );
    expect(added.agenda.at(-1)).toMatchObject({ title: 'Przerwa kawowa', startsAt: '13:25' });
  });

  it('highlights the current item for every role, and a breakout item opens the groups for its minutes', async () => {
    const w = await createWorkshop(shared.t.url);
    const f = await connectControl(cleanup, shared.t.url, w.facilitatorToken);
    const projector = await connectControl(cleanup, shared.t.url, w.projectorToken);
    const demo = stateOf(await sendCommand(f.socket, { type: 'agenda', action: 'demo' }));
    const [welcome, , , breakout] = demo.agenda;
    if (!welcome || !breakout) throw new Error('demo agenda too short');

    const started = stateOf(await sendCommand(f.socket, { type: 'agenda', action: 'start', itemId: welcome.id }));
    expect(started).toMatchObject({ currentAgendaItemId: welcome.id, phase: 'lobby' });
    await projector.waitForState((s) => s.currentAgendaItemId === welcome.id, 'projector sees the current item');

    const before = Date.now();
    const groups = stateOf(await sendCommand(f.socket, { type: 'agenda', action: 'start', itemId: breakout.id }));
    expect(groups.phase).toBe('breakout');
    expect(groups.currentAgendaItemId).toBe(breakout.id);
    expect(groups.timer.endsAt).toBeGreaterThanOrEqual(before + 60 * 60_000);
    expect(groups.timer.endsAt).toBeLessThanOrEqual(Date.now() + 60 * 60_000);
    expect(
      stateOf(await sendCommand(f.socket, { type: 'agenda', action: 'start', itemId: null })).currentAgendaItemId,
    ).toBeNull();
  });

  it('refuses unknown items (not_found), malformed agendas (bad_request) and keeps the agenda', async () => {
    const w = await createWorkshop(shared.t.url);
    const f = await connectControl(cleanup, shared.t.url, w.facilitatorToken);
    stateOf(await sendCommand(f.socket, { type: 'agenda', action: 'demo' }));
    const missing = await sendCommand(f.socket, { type: 'agenda', action: 'edit', itemId: 'nope', minutes: 5 });
    expect(missing).toEqual({ ok: false, error: { code: 'not_found', message: expect.any(String) } });
    for (const payload of [
      { type: 'agenda', action: 'set', days: [{ startsAt: '25:00', items: [] }] },
      {
        type: 'agenda',
        action: 'set',
        days: [{ startsAt: '10:00', items: [{ title: 'x', kind: 'party', minutes: 5 }] }],
      },
      { type: 'agenda', action: 'edit', itemId: 'x', minutes: 0 },
      { type: 'agenda', action: 'launch' },
    ]) {
      expect(await sendCommand(f.socket, payload)).toEqual({
        ok: false,
        error: { code: 'bad_request', message: expect.any(String) },
      });
    }
    const after = await connectControl(cleanup, shared.t.url, w.facilitatorToken);
    expect(after.latest().agenda).toHaveLength(7);
  });
});
