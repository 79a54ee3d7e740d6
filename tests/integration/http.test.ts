import type { CreateWorkshopAnswer, ErrorCode, JoinAnswer, WorkshopState } from '@warsztat/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Cleanup } from '../helpers/cleanup.js';
import {
  type ApiAnswer,
  api,
  createWorkshop,
  getWorkshop,
  joinWorkshop,
  runCommand,
  startTestServer,
  type TestServer,
} from '../helpers/server.js';

/** The HTTP door of DESIGN §9, called the way any client would: fetch against a real server. */

/** Errors are `{error: {code, message}}` JSON with the contract's status, and never a stack trace. */
function expectError(answer: ApiAnswer<unknown>, status: number, code: ErrorCode): void {
  expect(answer.status, answer.text).toBe(status);
  expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
  expect(answer.body).toEqual({ error: { code, message: expect.any(String) } });
  expect(answer.text).not.toMatch(/\bat .+:\d+:\d+|node_modules|Error:/);
}

describe('HTTP API', () => {
  const cleanup = new Cleanup();
  let t: TestServer;

  beforeAll(async () => {
    t = await startTestServer(cleanup);
  });
  afterAll(() => cleanup.run());

  describe('creating a workshop', () => {
    it('answers 201 with the ids, both tokens and absolute links', async () => {
      const answer = await api<CreateWorkshopAnswer>(t.url, 'POST', '/api/workshops', {
        body: { title: 'Plan DI — powiat białostocki', template: 'di-5', mode: 'onsite', locale: 'pl' },
      });
      expect(answer.status).toBe(201);
      const body = answer.body;
      expect(Object.keys(body).sort()).toEqual(['facilitatorToken', 'id', 'joinCode', 'links', 'projectorToken']);
      expect(body.joinCode).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}$/);
      expect(body.facilitatorToken).not.toBe(body.projectorToken);
      expect(body.links).toEqual({
        facilitator: `${t.url}/f/${body.facilitatorToken}`,
        join: `${t.url}/j/${body.joinCode}`,
        projector: `${t.url}/p/${body.projectorToken}`,
      });
    });

    it('starts in the lobby with the five DI groups, all onsite, for di-5', async () => {
      const w = await createWorkshop(t.url, { title: 'DI', template: 'di-5' });
      const state = await getWorkshop(t.url, w.id, w.facilitatorToken);
      expect(state.phase).toBe('lobby');
      expect(state.timer).toEqual({ endsAt: null, pausedRemainingMs: null });
      expect(state.groups).toHaveLength(5);
      expect(state.groups.every((g) => g.attendance === 'onsite' && g.memberIds.length === 0)).toBe(true);
      expect(new Set(state.groups.map((g) => g.docName)).size).toBe(5);
      expect(state.sections.map((s) => s.id)).toEqual(['needs', 'resources', 'gaps', 'recommendations']);
    });

    it('adds a sixth, online group for di-5-online', async () => {
      const w = await createWorkshop(t.url, { title: 'DI hybrydowo', template: 'di-5-online', mode: 'hybrid' });
      const state = await getWorkshop(t.url, w.id, w.facilitatorToken);
      expect(state.groups).toHaveLength(6);
      expect(state.groups.filter((g) => g.attendance === 'online')).toHaveLength(1);
      expect(state.groups.at(-1)?.attendance).toBe('online');
    });

    it('refuses an empty title, unknown fields and an unknown template with 400', async () => {
      for (const body of [{ title: '   ' }, { title: 'x', admin: true }, { title: 'x', template: 'nope' }, {}]) {
        expectError(await api(t.url, 'POST', '/api/workshops', { body }), 400, 'bad_request');
      }
    });

    it('refuses a body that is not JSON with 400', async () => {
      expectError(await api(t.url, 'POST', '/api/workshops', { body: '{"title": "x"' }), 400, 'bad_request');
      expectError(await api(t.url, 'POST', '/api/workshops', { body: 'null' }), 400, 'bad_request');
      expectError(
        await api(t.url, 'POST', '/api/workshops', { body: 'title=x', contentType: 'text/plain' }),
        400,
        'bad_request',
      );
    });

    it('refuses a body in an unsupported charset or encoding with 400, not an internal error', async () => {
      for (const headers of [
        { 'content-type': 'application/json; charset=latin1' },
        { 'content-type': 'application/json', 'content-encoding': 'compress' },
      ]) {
        const response = await fetch(`${t.url}/api/workshops`, { method: 'POST', headers, body: '{"title":"x"}' });
        const text = await response.text();
        expectError(
          { status: response.status, headers: response.headers, body: JSON.parse(text), text },
          400,
          'bad_request',
        );
      }
    });

    it('refuses a body over the size limit with 413', async () => {
      const body = JSON.stringify({ title: 'x', venue: 'a'.repeat(20_000) });
      expectError(await api(t.url, 'POST', '/api/workshops', { body }), 413, 'too_large');
    });
  });

  describe('joining', () => {
    let w: CreateWorkshopAnswer;
    beforeAll(async () => {
      w = await createWorkshop(t.url);
    });

    it('answers 201 with the participant token and an absolute board link', async () => {
      const answer = await api<JoinAnswer>(t.url, 'POST', '/api/join', {
        body: { joinCode: w.joinCode, name: 'Anna', organisation: 'MOPS Białystok', orgType: 'ops' },
      });
      expect(answer.status).toBe(201);
      expect(answer.body).toEqual({
        workshopId: w.id,
        participantId: expect.any(String),
        token: expect.any(String),
        links: { board: `${t.url}/b/${answer.body.token}` },
      });
    });

    it('accepts the join code typed in lower case with a dash', async () => {
      const code = `${w.joinCode.slice(0, 3)}-${w.joinCode.slice(3)}`.toLowerCase();
      const answer = await api<JoinAnswer>(t.url, 'POST', '/api/join', { body: { joinCode: code, name: 'Bartek' } });
      expect(answer.status).toBe(201);
      expect(answer.body.workshopId).toBe(w.id);
    });

    it('answers 404 bad_join_code for a code that matches no workshop', async () => {
      const other = w.joinCode === 'ZZZZZZ' ? 'YYYYYY' : 'ZZZZZZ';
      expectError(
        await api(t.url, 'POST', '/api/join', { body: { joinCode: other, name: 'Ewa' } }),
        404,
        'bad_join_code',
      );
      expectError(
        await api(t.url, 'POST', '/api/join', { body: { joinCode: '0O1', name: 'Ewa' } }),
        404,
        'bad_join_code',
      );
    });

    it('refuses to join a closed workshop with 409', async () => {
      const closed = await createWorkshop(t.url);
      await runCommand(t.url, closed.id, closed.facilitatorToken, { type: 'phase', to: 'closed' });
      expectError(
        await api(t.url, 'POST', '/api/join', { body: { joinCode: closed.joinCode, name: 'Ewa' } }),
        409,
        'conflict',
      );
    });

    it('refuses an empty name, a bad org type and unknown fields with 400', async () => {
      for (const extra of [{ name: '  ' }, { name: 'Ewa', orgType: 'bank' }, { name: 'Ewa', role: 'facilitator' }]) {
        expectError(
          await api(t.url, 'POST', '/api/join', { body: { joinCode: w.joinCode, ...extra } }),
          400,
          'bad_request',
        );
      }
    });
  });

  describe('reading a workshop', () => {
    let w: CreateWorkshopAnswer;
    let anna: JoinAnswer;
    beforeAll(async () => {
      w = await createWorkshop(t.url);
      anna = await joinWorkshop(t.url, w.joinCode, 'Anna', {
        organisation: 'Fundacja Pomocy',
        orgType: 'ngo',
        attendance: 'online',
      });
    });

    it('shows the facilitator everything, including personal data and its links', async () => {
      const state = await getWorkshop(t.url, w.id, w.facilitatorToken);
      expect(state.participants).toEqual([
        {
          id: anna.participantId,
          name: 'Anna',
          organisation: 'Fundacja Pomocy',
          orgType: 'ngo',
          attendance: 'online',
          groupId: null,
          online: false,
          nameInReport: false,
        },
      ]);
      expect(state.links).toEqual({
        join: `/j/${w.joinCode}`,
        facilitator: `/f/${w.facilitatorToken}`,
        projector: `/p/${w.projectorToken}`,
      });
    });

    it('shows the projector display names only and no facilitator or projector links', async () => {
      // Names reach the room screen only once the facilitator allows them (issue #16), and then display names only.
      const nameless = await api<WorkshopState>(t.url, 'GET', `/api/workshops/${w.id}`, { token: w.projectorToken });
      expect(nameless.body.participants).toEqual([{ id: anna.participantId, name: '', groupId: null, online: false }]);
      expect(nameless.text).not.toContain('Anna');
      await api(t.url, 'POST', `/api/workshops/${w.id}/commands`, {
        token: w.facilitatorToken,
        body: { type: 'projector', action: 'names', shown: true },
      });
      const answer = await api<WorkshopState>(t.url, 'GET', `/api/workshops/${w.id}`, { token: w.projectorToken });
      expect(answer.status).toBe(200);
      expect(answer.body.participants).toEqual([
        { id: anna.participantId, name: 'Anna', groupId: null, online: false },
      ]);
      expect(answer.body.links).toEqual({ join: `/j/${w.joinCode}` });
      expect(answer.text).not.toContain(w.facilitatorToken);
      expect(answer.text).not.toContain(w.projectorToken);
      expect(answer.text).not.toContain('Fundacja Pomocy');
    });

    it('answers 401 without a token or with a token that matches nothing', async () => {
      expectError(await api(t.url, 'GET', `/api/workshops/${w.id}`), 401, 'unauthorized');
      expectError(
        await api(t.url, 'GET', `/api/workshops/${w.id}`, { token: 'AAAAAAAAAAAAAAAAAAAAAA' }),
        401,
        'unauthorized',
      );
    });

    it('answers 403 to a participant token', async () => {
      expectError(await api(t.url, 'GET', `/api/workshops/${w.id}`, { token: anna.token }), 403, 'forbidden');
    });

    it("answers 403 to another workshop's facilitator", async () => {
      const other = await createWorkshop(t.url);
      expectError(
        await api(t.url, 'GET', `/api/workshops/${w.id}`, { token: other.facilitatorToken }),
        403,
        'forbidden',
      );
    });

    it('answers 404 for a workshop that does not exist', async () => {
      expectError(
        await api(t.url, 'GET', '/api/workshops/no-such-workshop', { token: w.facilitatorToken }),
        404,
        'not_found',
      );
    });

    it('answers 400 JSON for a path with broken percent-encoding', async () => {
      expectError(
        await api(t.url, 'GET', '/api/workshops/%E0%A4%A', { token: w.facilitatorToken }),
        400,
        'bad_request',
      );
    });

    it('answers 404 JSON for an unknown API call', async () => {
      expectError(await api(t.url, 'GET', '/api/nothing-here'), 404, 'not_found');
    });
  });

  describe('commands (REST mirror)', () => {
    let w: CreateWorkshopAnswer;
    let anna: JoinAnswer;
    beforeAll(async () => {
      w = await createWorkshop(t.url);
      anna = await joinWorkshop(t.url, w.joinCode, 'Anna');
    });
    const commands = () => `/api/workshops/${w.id}/commands`;

    it('runs a legal command and answers the new state', async () => {
      const state = await runCommand(t.url, w.id, w.facilitatorToken, { type: 'assign', mode: 'auto' });
      expect(state.participants.find((p) => p.id === anna.participantId)?.groupId).toEqual(expect.any(String));
    });

    it('refuses an illegal phase move with 409 and leaves the state unchanged', async () => {
      const before = await getWorkshop(t.url, w.id, w.facilitatorToken);
      expect(before.phase).toBe('lobby');
      const groupId = before.groups[0]?.id ?? '';
      expectError(
        await api(t.url, 'POST', commands(), {
          token: w.facilitatorToken,
          body: { type: 'phase', to: 'presenting', groupId },
        }),
        409,
        'conflict',
      );
      expectError(
        await api(t.url, 'POST', commands(), { token: w.facilitatorToken, body: { type: 'phase', to: 'discussion' } }),
        409,
        'conflict',
      );
      expect(await getWorkshop(t.url, w.id, w.facilitatorToken)).toEqual(before);
    });

    it('refuses a malformed command with 400', async () => {
      for (const body of [
        { type: 'phase', to: 'nowhere' },
        { type: 'phase', to: 'breakout', minutes: -5 },
        { type: 'assign', mode: 'auto', extra: 1 },
        { type: 'selfdestruct' },
        [],
      ]) {
        expectError(await api(t.url, 'POST', commands(), { token: w.facilitatorToken, body }), 400, 'bad_request');
      }
    });

    it('refuses commands from a participant or the projector with 403 and changes nothing', async () => {
      const before = await getWorkshop(t.url, w.id, w.facilitatorToken);
      for (const token of [anna.token, w.projectorToken]) {
        expectError(
          await api(t.url, 'POST', commands(), { token, body: { type: 'phase', to: 'breakout', minutes: 5 } }),
          403,
          'forbidden',
        );
      }
      expect(await getWorkshop(t.url, w.id, w.facilitatorToken)).toEqual(before);
    });

    it('refuses a command without a token with 401', async () => {
      expectError(
        await api(t.url, 'POST', commands(), { body: { type: 'assign', mode: 'auto' } }),
        401,
        'unauthorized',
      );
    });

    it('answers 404 for a group that does not exist', async () => {
      expectError(
        await api(t.url, 'POST', commands(), {
          token: w.facilitatorToken,
          body: { type: 'move', participantId: anna.participantId, groupId: 'no-such-group' },
        }),
        404,
        'not_found',
      );
    });
  });

  describe('operations and headers', () => {
    it('answers /healthz with 200 and the store up', async () => {
      const answer = await api(t.url, 'GET', '/healthz');
      expect(answer.status).toBe(200);
      // Other dependencies (redis) may add their own fields.
      expect(answer.body).toMatchObject({ ok: true, store: 'up' });
    });

    it('serves Prometheus metrics as text', async () => {
      const answer = await api(t.url, 'GET', '/metrics');
      expect(answer.status).toBe(200);
      expect(answer.text).toMatch(/^warsztat_sync_connections \d+$/m);
    });

    it('sends a strict Content-Security-Policy and the other security headers on every answer', async () => {
      for (const answer of [await api(t.url, 'GET', '/healthz'), await api(t.url, 'GET', '/api/workshops/x')]) {
        const csp = answer.headers.get('content-security-policy') ?? '';
        expect(csp).toContain("default-src 'self'");
        expect(csp).toContain("script-src 'self'");
        expect(csp).toContain("object-src 'none'");
        expect(csp).toContain("frame-ancestors 'none'");
        expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
        expect(answer.headers.get('x-powered-by')).toBeNull();
      }
    });
  });
});

describe('join rate limit', () => {
  const cleanup = new Cleanup();
  afterAll(() => cleanup.run());

  it('answers 429 past the joins per code per minute, for that code only', async () => {
    const t = await startTestServer(cleanup, { joinsPerCodePerMinute: 3 });
    const busy = await createWorkshop(t.url);
    const quiet = await createWorkshop(t.url);
    for (let i = 0; i < 3; i++) await joinWorkshop(t.url, busy.joinCode, `Osoba ${i}`);
    // However it is typed, it is the same code: the limit must not be dodged with case, dashes or spaces.
    const code = busy.joinCode;
    for (const typed of [code, code.toLowerCase(), `${code.slice(0, 3)}-${code.slice(3)}`, ` ${code} `]) {
      expectError(
        await api(t.url, 'POST', '/api/join', { body: { joinCode: typed, name: 'Czwarta' } }),
        429,
        'too_many_requests',
      );
    }
    expect((await joinWorkshop(t.url, quiet.joinCode, 'Ktoś inny')).workshopId).toBe(quiet.id);
    const state = await getWorkshop(t.url, busy.id, busy.facilitatorToken);
    expect(state.participants).toHaveLength(3);
  });
});

describe('workshop import limits', () => {
  const cleanup = new Cleanup();
  afterAll(() => cleanup.run());

  it('counts imports per address before reading the body, and refuses past the limit (429) without creating a workshop', async () => {
    const t = await startTestServer(cleanup, { importsPerAddressPerHour: 2 });
    const original = await createWorkshop(t.url, { title: 'Kopia zapasowa' });
    const exported = await api<unknown>(t.url, 'GET', `/api/workshops/${original.id}/report?format=json`, {
      token: original.facilitatorToken,
    });
    expect(exported.status).toBe(200);
    const post = (body: unknown) => api<CreateWorkshopAnswer>(t.url, 'POST', '/api/workshops/import', { body });
    const first = await post(exported.body);
    const second = await post(exported.body);
    expect([first.status, second.status]).toEqual([201, 201]);
    const third = await post(exported.body);
    expectError(third, 429, 'too_many_requests');
    // A refused import even before its body is parsed: garbage gets the same answer, not a 400.
    expectError(await post('{ not json'), 429, 'too_many_requests');
    // The imports that were taken are whole workshops; creating one by hand is not limited by this.
    const copy = await getWorkshop(t.url, second.body.id, second.body.facilitatorToken);
    expect(copy.title).toBe('Kopia zapasowa');
    expect((await createWorkshop(t.url, { title: 'Nowy' })).id).toBeTruthy();
  });
});
