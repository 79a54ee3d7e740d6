import { afterAll, describe, expect, it } from 'vitest';
import { Cleanup } from '../helpers/cleanup.js';
import { api, createWorkshop, joinWorkshop, startTestServer } from '../helpers/server.js';

/** `GET /api/join/:code` (issue #20 point 8): the join page's heading, public, title and date only. */
describe('join look-up by code', () => {
  const cleanup = new Cleanup();
  afterAll(() => cleanup.run());

  it('answers the title and date only, for the code however it is typed', async () => {
    const t = await startTestServer(cleanup);
    const created = await createWorkshop(t.url, {
      title: 'Rada seniorów — plan DI',
      date: '2026-12-03',
      venue: 'Hajnówka',
      organiser: 'CUS Hajnówka',
    });
    await joinWorkshop(t.url, created.joinCode, 'Halina Nowak');
    const answer = await api(t.url, 'GET', `/api/join/${created.joinCode}`);
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body).toEqual({ title: 'Rada seniorów — plan DI', date: '2026-12-03' });
    const lower = `${created.joinCode.slice(0, 3)}-${created.joinCode.slice(3)}`.toLowerCase();
    expect((await api(t.url, 'GET', `/api/join/${lower}`)).body).toEqual(answer.body);
    // Nothing else: no names, no tokens, no ids, no venue.
    expect(answer.text).not.toMatch(/Halina|Hajnówka|token|id/i);
  });

  it('answers 404 bad_join_code for an unknown or malformed code', async () => {
    const t = await startTestServer(cleanup);
    for (const code of ['ZZZZZZ', 'x', '%C3%93%C3%93']) {
      const answer = await api(t.url, 'GET', `/api/join/${code}`);
      expect(answer.status, code).toBe(404);
      expect(answer.body).toEqual({ error: { code: 'bad_join_code', message: expect.any(String) } });
    }
  });

  it('shares the joins-per-code budget, so codes cannot be probed faster than joined', async () => {
    const t = await startTestServer(cleanup, { joinsPerCodePerMinute: 3 });
    const created = await createWorkshop(t.url, { title: 'Limit' });
    const other = await createWorkshop(t.url, { title: 'Inny' });
    for (let i = 0; i < 2; i++) expect((await api(t.url, 'GET', `/api/join/${created.joinCode}`)).status).toBe(200);
    await joinWorkshop(t.url, created.joinCode, 'Anna');
    const refused = await api(t.url, 'GET', `/api/join/${created.joinCode}`);
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({ error: { code: 'too_many_requests', message: expect.any(String) } });
    expect((await api(t.url, 'GET', `/api/join/${other.joinCode}`)).status).toBe(200);
  });
});
