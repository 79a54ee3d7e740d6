import { SECTION_PRESETS, type WorkshopState } from '@warsztat/shared';
import { describe, expect, it } from 'vitest';
import { connectControl, participantCommand, sendCommand, stateOf } from '../helpers/control.js';
import { api, getWorkshop, setupWorkshop, sharedTestServer } from '../helpers/server.js';

/**
 * Issue #17's commands over both doors: sections, rounds, the gallery and call links are checked
 * by the shared schemas (400) and by the handlers (404/409), and a refused command changes nothing.
 */
describe('workshop design commands', () => {
  const shared = sharedTestServer();
  const { cleanup } = shared;

  async function facilitator(names: string[] = []) {
    const setup = await setupWorkshop(shared.t.url, names);
    const f = await connectControl(cleanup, shared.t.url, setup.workshop.facilitatorToken);
    return { ...setup, f };
  }

  it('sets default and per-group sections, refuses anything outside the bounds and keeps the state', async () => {
    const { workshop, f } = await facilitator();
    const before = f.latest();
    expect(before.sections.map((s) => s.id)).toEqual(['needs', 'resources', 'gaps', 'recommendations']);
    expect(before.rounds).toEqual([{ id: 'r1', title: '', startedAt: null }]);
    const group = before.groups[0];
    if (!group) throw new Error('no group');
    expect(group.sections).toEqual(before.sections);

    const tree = SECTION_PRESETS['problem-tree'].sections;
    const custom = stateOf(await sendCommand(f.socket, { type: 'sections', groupId: group.id, sections: tree }));
    expect(custom.groups[0]?.sections).toEqual(tree);
    expect(custom.groups[1]?.sections).toEqual(before.sections);
    expect(custom.sections).toEqual(before.sections);

    const single = stateOf(
      await sendCommand(f.socket, {
        type: 'sections',
        groupId: null,
        sections: [{ id: 'recommendations', label: 'Rekomendacje dla regionu', prompt: 'Co proponujecie?' }],
      }),
    );
    expect(single.sections).toEqual([
      {
        id: 'recommendations',
        label: { pl: 'Rekomendacje dla regionu', en: 'Rekomendacje dla regionu' },
        prompt: 'Co proponujecie?',
      },
    ]);
    // The override still wins over the new default; dropping it follows the default again.
    expect(single.groups[0]?.sections).toEqual(tree);
    expect(single.groups[1]?.sections).toEqual(single.sections);
    const dropped = stateOf(await sendCommand(f.socket, { type: 'sections', groupId: group.id, sections: null }));
    expect(dropped.groups[0]?.sections).toEqual(single.sections);

    const section = (over: object) => ({ id: 'a', label: 'A', ...over });
    const bad: unknown[] = [
      { type: 'sections', groupId: null, sections: [] },
      { type: 'sections', groupId: null, sections: Array.from({ length: 9 }, (_, i) => section({ id: `s${i}` })) },
      { type: 'sections', groupId: null, sections: [section({ id: 'Wielkie' })] },
      { type: 'sections', groupId: null, sections: [section({ id: 'a'.repeat(33) })] },
      { type: 'sections', groupId: null, sections: [section({ id: 'a b' })] },
      { type: 'sections', groupId: null, sections: [section({ label: 'x'.repeat(81) })] },
      { type: 'sections', groupId: null, sections: [section({ label: '' })] },
      { type: 'sections', groupId: null, sections: [section({ prompt: 'x'.repeat(301) })] },
      { type: 'sections', groupId: null, sections: [section({}), section({})] },
      { type: 'sections', groupId: null, sections: null },
      { type: 'sections', groupId: null, sections: [section({ colour: 'red' })] },
    ];
    for (const command of bad) {
      expect(await sendCommand(f.socket, command), JSON.stringify(command).slice(0, 120)).toMatchObject({
        ok: false,
        error: { code: 'bad_request' },
      });
    }
    // The REST door answers the same 400, and an unknown group is 404.
    const rest = await api(shared.t.url, 'POST', `/api/workshops/${dropped.id}/commands`, {
      token: workshop.facilitatorToken,
      body: bad[0],
    });
    expect(rest.status).toBe(400);
    expect(
      await sendCommand(f.socket, { type: 'sections', groupId: 'nieMaTakiej', sections: [section({})] }),
    ).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(f.latest().sections).toEqual(dropped.sections);
  });

  it('starts rounds with fresh boards, carries sections over, regroups and refuses bad rounds', async () => {
    const { workshop, participants, f } = await facilitator(['Anna', 'Bartek', 'Celina', 'Darek']);
    stateOf(await sendCommand(f.socket, { type: 'assign', mode: 'auto' }));
    const first = f.latest();
    const group = first.groups[0];
    if (!group) throw new Error('no group');
    // The first round keeps the doc name boards always had.
    expect(group.docName).toBe(`${workshop.id}.${group.id}`);
    expect(group.boards).toEqual([{ roundId: 'r1', docName: group.docName, sections: group.sections }]);

    // Before anyone worked, `round` names the first round instead of adding one.
    const named = stateOf(await sendCommand(f.socket, { type: 'round', action: 'new', title: 'Diagnoza' }));
    expect(named.rounds).toEqual([{ id: 'r1', title: 'Diagnoza', startedAt: expect.any(Number) }]);
    expect(named.groups[0]?.docName).toBe(group.docName);
    stateOf(await sendCommand(f.socket, { type: 'phase', to: 'breakout' }));

    const second = stateOf(
      await sendCommand(f.socket, {
        type: 'round',
        action: 'new',
        title: 'Rekomendacje',
        sections: SECTION_PRESETS.recommendations.sections,
        regroup: 'empty',
      }),
    );
    expect(second.rounds.map((r) => [r.id, r.title])).toEqual([
      ['r1', 'Diagnoza'],
      ['r2', 'Rekomendacje'],
    ]);
    expect(second.currentRoundId).toBe('r2');
    expect(second.phase).toBe('breakout');
    expect(second.participants.every((p) => p.groupId === null)).toBe(true);
    const g2 = second.groups.find((g) => g.id === group.id);
    expect(g2?.docName).toBe(`${workshop.id}.${group.id}.r2`);
    expect(g2?.sections).toEqual(SECTION_PRESETS.recommendations.sections);
    expect(g2?.boards).toEqual([
      { roundId: 'r1', docName: group.docName, sections: group.sections },
      { roundId: 'r2', docName: g2?.docName, sections: SECTION_PRESETS.recommendations.sections },
    ]);

    // Sections left out carry over; `auto` assigns everyone again.
    const third = stateOf(
      await sendCommand(f.socket, { type: 'round', action: 'new', title: 'Trzecia', regroup: 'auto' }),
    );
    expect(third.currentRoundId).toBe('r3');
    expect(third.sections).toEqual(SECTION_PRESETS.recommendations.sections);
    expect(third.participants.filter((p) => p.groupId !== null)).toHaveLength(participants.length);

    for (const command of [
      { type: 'round', action: 'new' },
      { type: 'round', action: 'new', title: '' },
      { type: 'round', action: 'new', title: 'x'.repeat(201) },
      { type: 'round', action: 'new', title: 'X', regroup: 'shuffle' },
      { type: 'round', action: 'new', title: 'X', sections: [] },
      { type: 'round', action: 'rename', title: 'X' },
      { type: 'projector', action: 'round' },
    ]) {
      expect(await sendCommand(f.socket, command), JSON.stringify(command)).toMatchObject({
        ok: false,
        error: { code: 'bad_request' },
      });
    }
    expect(await sendCommand(f.socket, { type: 'projector', action: 'round', roundId: 'r9' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    const shown = stateOf(await sendCommand(f.socket, { type: 'projector', action: 'round', roundId: 'r1' }));
    expect(shown.projector.roundId).toBe('r1');
    const spot = stateOf(await sendCommand(f.socket, { type: 'spotlight', groupId: group.id, roundId: 'r2' }));
    expect(spot.projector.roundId).toBe('r2');
    expect(spot.spotlightGroupId).toBe(group.id);
    expect(f.latest().rounds).toHaveLength(3);
  });

  it('starts the round a breakout agenda item carries, once', async () => {
    const { f } = await facilitator(['Anna']);
    const agenda = stateOf(
      await sendCommand(f.socket, {
        type: 'agenda',
        action: 'set',
        days: [
          {
            startsAt: '10:00',
            items: [
              { title: 'Diagnoza', kind: 'breakout', minutes: 30, round: { title: 'Diagnoza' } },
              {
                title: 'Drzewo problemów',
                kind: 'breakout',
                minutes: 30,
                round: {
                  title: 'Drzewo problemów',
                  sections: SECTION_PRESETS['problem-tree'].sections,
                  regroup: 'auto',
                },
              },
            ],
          },
        ],
      }),
    );
    const [one, two] = agenda.agenda;
    if (!one || !two) throw new Error('no agenda');
    expect(two.round?.sections).toEqual(SECTION_PRESETS['problem-tree'].sections);
    const started = stateOf(await sendCommand(f.socket, { type: 'agenda', action: 'start', itemId: one.id }));
    expect(started.phase).toBe('breakout');
    expect(started.rounds.map((r) => r.title)).toEqual(['Diagnoza']);
    const next = stateOf(await sendCommand(f.socket, { type: 'agenda', action: 'start', itemId: two.id }));
    expect(next.rounds.map((r) => r.title)).toEqual(['Diagnoza', 'Drzewo problemów']);
    expect(next.sections).toEqual(SECTION_PRESETS['problem-tree'].sections);
    // Starting it again re-times the breakout and starts no third round.
    const again = stateOf(await sendCommand(f.socket, { type: 'agenda', action: 'start', itemId: two.id }));
    expect(again.rounds).toHaveLength(2);
    expect(
      await sendCommand(f.socket, {
        type: 'agenda',
        action: 'edit',
        itemId: one.id,
        round: { title: 'X', sections: [{ id: 'ZŁE', label: 'x' }] },
      }),
    ).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    const cleared = stateOf(
      await sendCommand(f.socket, { type: 'agenda', action: 'edit', itemId: one.id, round: null }),
    );
    expect(cleared.agenda[0]?.round).toBeUndefined();
  });

  it('opens and closes the gallery, with votes only when turned on, and validates it', async () => {
    const { f } = await facilitator();
    expect(f.latest().gallery).toEqual({ open: false, votingOpen: false, budget: 3, totals: {}, mine: {} });
    const open = stateOf(await sendCommand(f.socket, { type: 'gallery', open: true }));
    expect(open.gallery).toMatchObject({ open: true, votingOpen: false });
    const votes = stateOf(await sendCommand(f.socket, { type: 'gallery', open: true, votes: true, budget: 5 }));
    expect(votes.gallery).toMatchObject({ open: true, votingOpen: true, budget: 5 });
    for (const command of [
      { type: 'gallery' },
      { type: 'gallery', open: 'yes' },
      { type: 'gallery', open: true, budget: 0 },
      { type: 'gallery', open: true, budget: 21 },
    ]) {
      expect(await sendCommand(f.socket, command), JSON.stringify(command)).toMatchObject({
        ok: false,
        error: { code: 'bad_request' },
      });
    }
    const closed = stateOf(await sendCommand(f.socket, { type: 'gallery', open: false }));
    expect(closed.gallery.open).toBe(false);
  });

  it('gives a call link to staff and the group’s members only, and refuses anything but https', async () => {
    const { workshop, participants, f } = await facilitator(['Anna', 'Bartek']);
    const [anna, bartek] = participants;
    if (!anna || !bartek) throw new Error('no participants');
    const [g1, g2] = f.latest().groups;
    if (!g1 || !g2) throw new Error('no groups');
    stateOf(await sendCommand(f.socket, { type: 'move', participantId: anna.participantId, groupId: g1.id }));
    stateOf(await sendCommand(f.socket, { type: 'move', participantId: bartek.participantId, groupId: g2.id }));
    const url = 'https://meet.example.org/grupa-seniorzy?pwd=tajne';
    const set = stateOf(await sendCommand(f.socket, { type: 'group', action: 'update', groupId: g1.id, callUrl: url }));
    expect(set.groups.map((g) => g.callUrl)).toEqual([url, ...set.groups.slice(1).map(() => null)]);

    const annaView = await connectControl(cleanup, shared.t.url, anna.token);
    const bartekView = await connectControl(cleanup, shared.t.url, bartek.token);
    expect(annaView.latest().groups.find((g) => g.id === g1.id)?.callUrl).toBe(url);
    expect(JSON.stringify(bartekView.latest())).not.toContain('meet.example.org');
    expect(bartekView.latest().groups.find((g) => g.id === g2.id)).toHaveProperty('callUrl', null);
    expect(bartekView.latest().groups.find((g) => g.id === g1.id)).not.toHaveProperty('callUrl');
    const projector = await getWorkshop(shared.t.url, workshop.id, workshop.projectorToken);
    expect(JSON.stringify(projector)).not.toContain('meet.example.org');
    expect(projector.groups.some((g) => 'callUrl' in g)).toBe(false);

    // Moving Bartek into the group gives him the link; moving Anna out takes it away.
    stateOf(await sendCommand(f.socket, { type: 'move', participantId: bartek.participantId, groupId: g1.id }));
    stateOf(await sendCommand(f.socket, { type: 'move', participantId: anna.participantId, groupId: g2.id }));
    await bartekView.waitForState(
      (s: WorkshopState) => s.groups.some((g) => g.callUrl === url),
      'Bartek gets the link',
    );
    await annaView.waitForState((s: WorkshopState) => !JSON.stringify(s).includes('meet.example.org'), 'Anna loses it');

    for (const callUrl of [
      'http://meet.example.org/x',
      'javascript:alert(1)',
      'https://',
      `https://meet.example.org/${'x'.repeat(480)}`,
      'meet.example.org/x',
      42,
    ]) {
      expect(
        await sendCommand(f.socket, { type: 'group', action: 'update', groupId: g1.id, callUrl }),
        String(callUrl),
      ).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    }
    const rest = await api(shared.t.url, 'POST', `/api/workshops/${workshop.id}/commands`, {
      token: workshop.facilitatorToken,
      body: { type: 'group', action: 'update', groupId: g1.id, callUrl: 'ftp://example.org/x' },
    });
    expect(rest.status).toBe(400);
    const cleared = stateOf(
      await sendCommand(f.socket, { type: 'group', action: 'update', groupId: g1.id, callUrl: null }),
    );
    expect(cleared.groups[0]?.callUrl).toBeNull();
  });
});

describe('gallery dot votes', () => {
  const shared = sharedTestServer();
  const { cleanup } = shared;

  it('counts dots on other groups’ cards on the server, only while the facilitator allows it', async () => {
    const { workshop, participants } = await setupWorkshop(shared.t.url, ['Anna', 'Bartek']);
    const [anna, bartek] = participants;
    if (!anna || !bartek) throw new Error('no participants');
    const f = await connectControl(cleanup, shared.t.url, workshop.facilitatorToken);
    const [g1, g2] = f.latest().groups;
    if (!g1 || !g2) throw new Error('no groups');
    stateOf(await sendCommand(f.socket, { type: 'move', participantId: anna.participantId, groupId: g1.id }));
    stateOf(await sendCommand(f.socket, { type: 'move', participantId: bartek.participantId, groupId: g2.id }));
    const annaSocket = await connectControl(cleanup, shared.t.url, anna.token);
    const card = '3f1b0d3e-8a4c-4b7e-9d1a-2c5e6f7a8b9c';
    const vote = (delta: 1 | -1, groupId = g2.id) =>
      participantCommand(annaSocket.socket, { type: 'galleryVote', groupId, cardId: card, delta });

    // Closed gallery, then open without votes: refused.
    expect(await vote(1)).toMatchObject({ ok: false, error: { code: 'conflict' } });
    stateOf(await sendCommand(f.socket, { type: 'gallery', open: true }));
    expect(await vote(1)).toMatchObject({ ok: false, error: { code: 'conflict' } });
    stateOf(await sendCommand(f.socket, { type: 'gallery', open: true, votes: true, budget: 2 }));
    // Not on one's own group, and never past the budget.
    expect(await vote(1, g1.id)).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect((await vote(1)).ok).toBe(true);
    const second = await vote(1);
    if (!second.ok) throw new Error(second.error.message);
    expect(second.state.gallery.mine).toEqual({ [`${g2.id}/${card}`]: 2 });
    expect(second.state.gallery.totals).toBeNull();
    expect(await vote(1)).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const staff = await f.waitForState((s) => s.gallery.totals?.[`${g2.id}/${card}`] === 2, 'facilitator sees totals');
    expect(staff.gallery.mine).toEqual({});
    expect((await vote(-1)).ok).toBe(true);
    for (const bad of [
      { type: 'galleryVote', groupId: g2.id, cardId: card, delta: 2 },
      { type: 'galleryVote', groupId: g2.id, delta: 1 },
      { type: 'galleryVote', groupId: g2.id, cardId: 'nie karta!', delta: 1 },
    ]) {
      expect(await participantCommand(annaSocket.socket, bad), JSON.stringify(bad)).toMatchObject({
        ok: false,
        error: { code: 'bad_request' },
      });
    }
    // A new round closes the gallery and starts its votes afresh.
    const next = stateOf(await sendCommand(f.socket, { type: 'round', action: 'new', title: 'Druga' }));
    expect(next.gallery).toMatchObject({ open: false, votingOpen: false, totals: {} });
  });
});
