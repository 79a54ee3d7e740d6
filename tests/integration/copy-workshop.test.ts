import { afterAll, describe, expect, it } from 'vitest';
import { Cleanup } from '../helpers/cleanup.js';
import { api, getWorkshop, joinWorkshop, runCommand, startTestServer } from '../helpers/server.js';

interface Answer {
  id: string;
  joinCode: string;
  facilitatorToken: string;
  projectorToken: string;
  links: { facilitator: string; join: string; projector: string };
}

/** `POST /api/workshops/:id/copy` (issue #16): reuse a format, without the people of the first session. */
describe('copying a workshop as a new one', () => {
  const cleanup = new Cleanup();
  afterAll(() => cleanup.run());

  it('copies the format into a new lobby workshop with new tokens and nobody in it', async () => {
    const t = await startTestServer(cleanup);
    const created = await api<Answer>(t.url, 'POST', '/api/workshops', {
      body: {
        title: 'Plan DI — powiat',
        date: '2026-12-03',
        venue: 'Hajnówka',
        organiser: 'CUS',
        mode: 'hybrid',
        timeZone: 'Europe/London',
        dataController: 'CUS Hajnówka',
        privacyContact: 'iod@example.org',
        retentionDays: 90,
      },
    });
    expect(created.status, created.text).toBe(201);
    const src = created.body;
    const f = src.facilitatorToken;
    let state = await runCommand(t.url, src.id, f, { type: 'agenda', action: 'demo' });
    const firstGroup = state.groups[0];
    if (!firstGroup) throw new Error('template has groups');
    await runCommand(t.url, src.id, f, {
      type: 'group',
      action: 'update',
      groupId: firstGroup.id,
      capacity: 7,
      prompt: 'Co zmienić w usługach?',
    });
    await runCommand(t.url, src.id, f, { type: 'boardSettings', groupId: null, voteBudget: 4 });
    await joinWorkshop(t.url, src.joinCode, 'Anna Kowalska');
    await joinWorkshop(t.url, src.joinCode, 'Jan Nowak');
    await runCommand(t.url, src.id, f, { type: 'assign', mode: 'auto' });
    await runCommand(t.url, src.id, f, { type: 'phase', to: 'breakout', minutes: 20 });
    state = await getWorkshop(t.url, src.id, f);

    const copied = await api<Answer>(t.url, 'POST', `/api/workshops/${src.id}/copy`, { token: f, body: {} });
    expect(copied.status, copied.text).toBe(201);
    const c = copied.body;
    expect(c.id).not.toBe(src.id);
    expect(c.joinCode).not.toBe(src.joinCode);
    expect(c.facilitatorToken).not.toBe(f);
    expect(c.links.facilitator).toMatch(new RegExp(`^http://.+/f/${c.facilitatorToken}$`));
    const copy = await getWorkshop(t.url, c.id, c.facilitatorToken);
    expect(copy.phase).toBe('lobby');
    expect(copy.participants).toEqual([]);
    expect(copy.helpRequests).toEqual([]);
    expect(copy.timer).toEqual({ endsAt: null, pausedRemainingMs: null });
    const pick = (s: typeof state) => ({
      title: s.title,
      date: s.date,
      venue: s.venue,
      organiser: s.organiser,
      mode: s.mode,
      locale: s.locale,
      timeZone: s.timeZone,
      template: s.template,
      sections: s.sections,
      agenda: s.agenda,
      agendaDays: s.agendaDays,
      groups: s.groups.map((g) => ({
        name: g.name,
        capacity: g.capacity,
        prompt: g.prompt,
        attendance: g.attendance,
        board: g.board,
      })),
      projectorOrder: s.projector.order.map((id) => s.groups.findIndex((g) => g.id === id)),
      // The retention clock starts from each workshop's own activity.
      privacy: { ...s.privacy, deletionDueAt: 0 },
    });
    expect(pick(copy)).toEqual(pick(state));
    expect(copy.agenda.length).toBeGreaterThan(0);
    expect(copy.groups[0]).toMatchObject({ capacity: 7, prompt: 'Co zmienić w usługach?', memberIds: [] });
    expect(copy.groups.every((g) => g.board.voteBudget === 4)).toBe(true);
    expect(copy.groups.every((g) => g.rapporteurId === null)).toBe(true);
    // The source is untouched and still running.
    const after = await getWorkshop(t.url, src.id, f);
    expect(after.phase).toBe('breakout');
    expect(after.participants).toHaveLength(2);
    // The old join code still leads to the source, the new one to the copy.
    expect((await api(t.url, 'GET', `/api/join/${c.joinCode}`)).body).toEqual({
      title: 'Plan DI — powiat',
      date: '2026-12-03',
    });
  });

  it('takes a new title, and the co-facilitator may copy too', async () => {
    const t = await startTestServer(cleanup);
    const src = (await api<Answer>(t.url, 'POST', '/api/workshops', { body: { title: 'Wiosna' } })).body;
    const co = (await getWorkshop(t.url, src.id, src.facilitatorToken)).coFacilitatorLink?.replace('/f/', '') ?? '';
    expect(co).not.toBe('');
    const copied = await api<Answer>(t.url, 'POST', `/api/workshops/${src.id}/copy`, {
      token: co,
      body: { title: 'Jesień' },
    });
    expect(copied.status, copied.text).toBe(201);
    expect((await getWorkshop(t.url, copied.body.id, copied.body.facilitatorToken)).title).toBe('Jesień');
    const bad = await api(t.url, 'POST', `/api/workshops/${src.id}/copy`, { token: co, body: { title: '', x: 1 } });
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual({ error: { code: 'bad_request', message: expect.any(String) } });
  });

  it('refuses no token (401), a participant, the projector and another workshop (403)', async () => {
    const t = await startTestServer(cleanup);
    const src = (await api<Answer>(t.url, 'POST', '/api/workshops', { body: { title: 'A' } })).body;
    const other = (await api<Answer>(t.url, 'POST', '/api/workshops', { body: { title: 'B' } })).body;
    const p = await joinWorkshop(t.url, src.joinCode, 'Ewa');
    const path = `/api/workshops/${src.id}/copy`;
    expect((await api(t.url, 'POST', path, { body: {} })).status).toBe(401);
    expect((await api(t.url, 'POST', path, { token: 'not-a-token', body: {} })).status).toBe(401);
    for (const token of [p.token, src.projectorToken, other.facilitatorToken]) {
      const answer = await api(t.url, 'POST', path, { token, body: {} });
      expect(answer.status).toBe(403);
      expect(answer.body).toEqual({ error: { code: 'forbidden', message: expect.any(String) } });
    }
  });
});
