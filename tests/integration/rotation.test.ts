import { type ApiError, addCard, CloseCode, parseDocName, type WorkshopState } from '@warsztat/shared';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { Cleanup } from '../helpers/cleanup.js';
import { type ControlClient, connectControl, controlSocket, sendCommand, stateOf } from '../helpers/control.js';
import { waitFor } from '../helpers/poll.js';
import { openBoard, textsOf } from '../helpers/provider.js';
import { breakoutRoom, type Room } from '../helpers/room.js';
import { api, getWorkshop, runCommand } from '../helpers/server.js';
import { closeCodeOf, rawSync } from '../helpers/wire.js';

/**
 * Rotation (issue #14, "the facilitator can rotate the join code, the projector link and the
 * co-facilitator link from the console; the old one stops working at once"). A join code is on a
 * projector that may be streamed, so a leaked link must die at once on every plane — HTTP, the
 * control socket and the board sockets — while the room keeps working with the new one.
 */
const cleanup = new Cleanup();
afterEach(() => cleanup.run());

const tokenOf = (link: string | null | undefined) => link?.split('/').pop() ?? '';
const workshopOf = (r: Room) => parseDocName(r.anna.docName)?.workshopId ?? '';

/** Resolves with the first `problem` the socket is sent (the reason before a hang-up). */
function hangUp(client: ControlClient): Promise<ApiError> {
  return new Promise((resolve) => client.socket.once('problem', resolve));
}

/** Turns the workshop's stored control JSON back into a row written before rotation existed. */
async function forgetRotation(databaseUrl: string, workshopId: string): Promise<void> {
  if (databaseUrl.startsWith('sqlite:')) {
    const db = new Database(databaseUrl.slice('sqlite:'.length));
    db.prepare("UPDATE workshops SET control = json_remove(control, '$.staffLinks') WHERE id = ?").run(workshopId);
    db.close();
    return;
  }
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query("UPDATE workshops SET control = control - 'staffLinks' WHERE id = $1", [workshopId]);
  await client.end();
}

async function refusedOnConnect(url: string, token: string): Promise<string> {
  const socket = controlSocket(cleanup, url, token);
  return new Promise<string>((resolve) => socket.once('connect_error', (e) => resolve(e.message)));
}

describe('rotating a link', () => {
  it('rotates the projector link: the old one is refused on HTTP, the control socket (unauthorized) and sync (4401)', async () => {
    const r = await breakoutRoom(cleanup);
    const { url, port } = r.t;
    const id = workshopOf(r);
    const projector = await connectControl(cleanup, url, r.projectorToken);
    const told = hangUp(projector);
    const sync = rawSync(cleanup, port, r.anna.docName, r.projectorToken);
    await sync.opened;

    const state = await runCommand(url, id, r.facilitatorToken, { type: 'rotate', target: 'projector' });
    const fresh = tokenOf(state.links?.projector);
    expect(fresh).not.toBe(r.projectorToken);
    expect(fresh).toHaveLength(r.projectorToken.length);

    expect(await closeCodeOf(sync, 2_000)).toBe(CloseCode.Unauthorized);
    expect(await told).toMatchObject({ code: 'unauthorized' });
    await waitFor(() => !projector.socket.connected, 2_000, 'old projector socket hung up');
    expect((await api(url, 'GET', `/api/workshops/${id}`, { token: r.projectorToken })).status).toBe(401);
    expect(await refusedOnConnect(url, r.projectorToken)).toBe('unauthorized');
    expect(await closeCodeOf(rawSync(cleanup, port, r.anna.docName, r.projectorToken))).toBe(CloseCode.Unauthorized);

    // The new link works on every plane, and the console shows it again after a reload.
    expect((await getWorkshop(url, id, fresh)).id).toBe(id);
    expect((await connectControl(cleanup, url, fresh)).me?.role).toBe('projector');
    const board = await openBoard(cleanup, port, r.anna.docName, fresh);
    expect(board.provider.wsconnected).toBe(true);
    expect((await getWorkshop(url, id, r.facilitatorToken)).links?.projector).toBe(`/p/${fresh}`);
  });

  it('rotates the co-facilitator link and rotates again: only the newest works', async () => {
    const r = await breakoutRoom(cleanup);
    const { url, port } = r.t;
    const id = workshopOf(r);
    const first = tokenOf((await getWorkshop(url, id, r.facilitatorToken)).coFacilitatorLink);
    const co = await connectControl(cleanup, url, first);
    expect(co.me?.role).toBe('coFacilitator');
    const told = hangUp(co);
    const sync = rawSync(cleanup, port, r.anna.docName, first);
    await sync.opened;

    const f = await connectControl(cleanup, url, r.facilitatorToken);
    const second = tokenOf(
      stateOf(await sendCommand(f.socket, { type: 'rotate', target: 'coFacilitator' })).coFacilitatorLink,
    );
    expect(second).not.toBe(first);
    expect(await closeCodeOf(sync, 2_000)).toBe(CloseCode.Unauthorized);
    expect((await told).message).toMatch(/replaced/);
    // The facilitator's own socket was told the new link with the change.
    await f.waitForState((s) => s.coFacilitatorLink === `/f/${second}`, 'facilitator sees the new link');

    const third = tokenOf(
      stateOf(await sendCommand(f.socket, { type: 'rotate', target: 'coFacilitator' })).coFacilitatorLink,
    );
    for (const old of [first, second]) {
      expect((await api(url, 'GET', `/api/workshops/${id}`, { token: old })).status).toBe(401);
    }
    expect((await connectControl(cleanup, url, third)).me?.role).toBe('coFacilitator');
    // The facilitator's link is the root of the others and never changes.
    expect((await getWorkshop(url, id, r.facilitatorToken)).links?.facilitator).toBe(`/f/${r.facilitatorToken}`);
  });

  it('rotates the join code: the old code no longer admits anyone, joined participants keep editing', async () => {
    const r = await breakoutRoom(cleanup);
    const { url, port } = r.t;
    const id = workshopOf(r);
    const before = await getWorkshop(url, id, r.facilitatorToken);
    const oldCode = before.joinCode ?? '';
    const anna = await openBoard(cleanup, port, r.anna.docName, r.anna.token);
    const annaControl = await connectControl(cleanup, url, r.anna.token);

    const state = await runCommand(url, id, r.facilitatorToken, { type: 'rotate', target: 'joinCode' });
    const newCode = state.joinCode ?? '';
    expect(newCode).toMatch(/^[A-Z0-9]{6}$/);
    expect(newCode).not.toBe(oldCode);
    expect(state.links?.join).toBe(`/j/${newCode}`);

    const refused = await api<{ error: ApiError }>(url, 'POST', '/api/join', {
      body: { joinCode: oldCode, name: 'Ewa' },
    });
    expect(refused.status).toBe(404);
    expect(refused.body.error.code).toBe('bad_join_code');
    expect((await api(url, 'GET', `/api/join/${oldCode}`)).status).toBe(404);
    const joined = await api<{ workshopId: string }>(url, 'POST', '/api/join', {
      body: { joinCode: newCode, name: 'Ewa' },
    });
    expect(joined.status).toBe(201);
    expect(joined.body.workshopId).toBe(id);

    // Anna joined with the old code: her sockets stay open, and what she writes now is stored.
    await annaControl.waitForState((s) => s.joinCode === newCode, 'participants see the new code');
    expect(annaControl.socket.connected).toBe(true);
    expect(anna.provider.wsconnected).toBe(true);
    addCard(anna.doc, { sectionId: 'needs', text: 'po zmianie kodu' });
    const check = await openBoard(cleanup, port, r.anna.docName, r.facilitatorToken);
    await waitFor(() => textsOf(check).includes('needs:po zmianie kodu'), 5_000, 'edit after rotation stored');
  });

  it('lets a co-facilitator rotate the join code only, and refuses rotation to everyone else', async () => {
    const r = await breakoutRoom(cleanup);
    const { url } = r.t;
    const id = workshopOf(r);
    const coToken = tokenOf((await getWorkshop(url, id, r.facilitatorToken)).coFacilitatorLink);
    const co = await connectControl(cleanup, url, coToken);
    const codeBefore = co.latest().joinCode;

    for (const target of ['projector', 'coFacilitator'] as const) {
      expect(await sendCommand(co.socket, { type: 'rotate', target })).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
      const rest = await api(url, 'POST', `/api/workshops/${id}/commands`, {
        token: coToken,
        body: { type: 'rotate', target },
      });
      expect(rest.status).toBe(403);
    }
    // Nothing changed: the co-facilitator's own link still works.
    expect(co.socket.connected).toBe(true);
    const rotated = stateOf(await sendCommand(co.socket, { type: 'rotate', target: 'joinCode' }));
    expect(rotated.joinCode).not.toBe(codeBefore);
    expect(rotated.coFacilitatorLink).toBeNull();
    expect(rotated.links?.projector).toBeUndefined();

    const anna = await connectControl(cleanup, url, r.anna.token);
    expect(await sendCommand(anna.socket, { type: 'rotate', target: 'joinCode' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    for (const token of [r.anna.token, r.projectorToken]) {
      const answer = await api(url, 'POST', `/api/workshops/${id}/commands`, {
        token,
        body: { type: 'rotate', target: 'joinCode' },
      });
      expect(answer.status).toBe(403);
    }
    const final = await getWorkshop(url, id, r.facilitatorToken);
    expect(final.joinCode).toBe(rotated.joinCode);
  });

  it('refuses malformed rotations with bad_request and changes nothing', async () => {
    const r = await breakoutRoom(cleanup);
    const { url } = r.t;
    const id = workshopOf(r);
    const f = await connectControl(cleanup, url, r.facilitatorToken);
    const before: WorkshopState = f.latest();
    for (const payload of [
      { type: 'rotate' },
      { type: 'rotate', target: 'facilitator' },
      { type: 'rotate', target: 'projector', token: 'mine' },
      { type: 'rotate', target: 42 },
    ]) {
      expect(await sendCommand(f.socket, payload)).toMatchObject({ ok: false, error: { code: 'bad_request' } });
      const rest = await api(url, 'POST', `/api/workshops/${id}/commands`, {
        token: r.facilitatorToken,
        body: payload,
      });
      expect(rest.status).toBe(400);
    }
    const after = await getWorkshop(url, id, r.facilitatorToken);
    expect(after.joinCode).toBe(before.joinCode);
    expect(after.links).toEqual(before.links);
    expect(after.coFacilitatorLink).toBe(before.coFacilitatorLink);
    // The audit log names what was rotated, never a token or a code.
    await runCommand(url, id, r.facilitatorToken, { type: 'rotate', target: 'projector' });
    const events = await r.t.server.store.listEvents(id);
    const rotations = events.filter((e) => e.type === 'rotate');
    expect(rotations.map((e) => e.data)).toEqual([{ target: 'projector' }]);
  });

  it('keeps rotated links after a restart, and a copy or import mints links of its own', async () => {
    const r = await breakoutRoom(cleanup);
    const { url } = r.t;
    const id = workshopOf(r);
    const rotated = await runCommand(url, id, r.facilitatorToken, { type: 'rotate', target: 'projector' });
    const projector = tokenOf(rotated.links?.projector);
    const copy = await api<{ id: string; projectorToken: string; facilitatorToken: string }>(
      url,
      'POST',
      `/api/workshops/${id}/copy`,
      { token: r.facilitatorToken, body: {} },
    );
    expect(copy.status).toBe(201);
    expect(copy.body.projectorToken).not.toBe(projector);
    expect((await getWorkshop(url, copy.body.id, copy.body.projectorToken)).id).toBe(copy.body.id);
    // The copy's console derives the very link the answer handed out.
    const copied = await getWorkshop(url, copy.body.id, copy.body.facilitatorToken);
    expect(copied.links?.projector).toBe(`/p/${copy.body.projectorToken}`);

    const backup = await api(url, 'GET', `/api/workshops/${id}/report?format=json`, { token: r.facilitatorToken });
    expect(backup.text).not.toContain('staffLinks');
    const imported = await api<{ id: string; projectorToken: string; facilitatorToken: string }>(
      url,
      'POST',
      '/api/workshops/import',
      { body: backup.body },
    );
    expect(imported.status).toBe(201);
    const importedState = await getWorkshop(url, imported.body.id, imported.body.facilitatorToken);
    expect(importedState.links?.projector).toBe(`/p/${imported.body.projectorToken}`);
    expect((await getWorkshop(url, imported.body.id, imported.body.projectorToken)).id).toBe(imported.body.id);

    const again = await r.t.restart();
    expect((await getWorkshop(again.url, id, projector)).id).toBe(id);
    expect((await api(again.url, 'GET', `/api/workshops/${id}`, { token: r.projectorToken })).status).toBe(401);
    expect((await getWorkshop(again.url, id, r.facilitatorToken)).links?.projector).toBe(`/p/${projector}`);
  });

  it('keeps the links of a workshop stored before rotation existed, until the first rotation', async () => {
    const r = await breakoutRoom(cleanup);
    const id = workshopOf(r);
    const coToken = tokenOf((await getWorkshop(r.t.url, id, r.facilitatorToken)).coFacilitatorLink);
    const t = await r.t.restart({ whileDown: () => forgetRotation(r.t.databaseUrl, id) });
    // No recorded hash: every link it had still works on every plane.
    expect((await getWorkshop(t.url, id, r.projectorToken)).id).toBe(id);
    const co = await connectControl(cleanup, t.url, coToken);
    expect(co.me?.role).toBe('coFacilitator');
    const sync = rawSync(cleanup, t.port, r.anna.docName, r.projectorToken);
    await sync.opened;

    const rotated = await runCommand(t.url, id, r.facilitatorToken, { type: 'rotate', target: 'projector' });
    expect(await closeCodeOf(sync, 2_000)).toBe(CloseCode.Unauthorized);
    expect((await api(t.url, 'GET', `/api/workshops/${id}`, { token: r.projectorToken })).status).toBe(401);
    expect((await getWorkshop(t.url, id, tokenOf(rotated.links?.projector))).id).toBe(id);
    // The co-facilitator link was not rotated and stays.
    expect(co.socket.connected).toBe(true);
    expect((await getWorkshop(t.url, id, coToken)).id).toBe(id);
  });
});
