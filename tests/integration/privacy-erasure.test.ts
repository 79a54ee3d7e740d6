import { type ApiError, addCard, CloseCode, type ParticipantDataExport, type WorkshopState } from '@warsztat/shared';
import { afterEach, describe, expect, it } from 'vitest';
import type { Report } from '../../server/src/report/buildReport.js';
import { Cleanup } from '../helpers/cleanup.js';
import { connectControl, participantCommand } from '../helpers/control.js';
import { rowsContaining } from '../helpers/databaseRows.js';
import { waitFor } from '../helpers/poll.js';
import { openBoard, textsOf } from '../helpers/provider.js';
import {
  api,
  createWorkshop,
  docOfParticipant,
  getWorkshop,
  joinWorkshop,
  runCommand,
  startTestServer,
} from '../helpers/server.js';
import { closeCodeOf, rawSync } from '../helpers/wire.js';

/**
 * Erasing one participant (issue #19, Art. 17): on their own request (`DELETE
 * /api/participants/me`, or `{type: 'forgetMe'}` on the socket) or by a facilitator they asked in
 * person (`removeParticipant` with `erase`). The person is gone from the report in every format and
 * from the database, is counted as "Uczestnik usunięty" so the attendance still adds up, and the
 * cards they wrote stay without an author.
 */
const cleanup = new Cleanup();
afterEach(() => cleanup.run());

function attendanceAddsUp(report: Report, expectedTotal: number): void {
  const { rows, totals, total } = report.attendance;
  expect(total).toBe(expectedTotal);
  expect(totals.total).toBe(expectedTotal);
  expect(rows.reduce((sum, r) => sum + r.total, 0)).toBe(expectedTotal);
  expect(rows.reduce((sum, r) => sum + r.counts.onsite, 0)).toBe(totals.onsite);
  expect(rows.reduce((sum, r) => sum + r.counts.online, 0)).toBe(totals.online);
  expect(totals.onsite + totals.online).toBe(expectedTotal);
  expect((report.rounds[0]?.groups ?? []).reduce((sum, g) => sum + g.members, 0)).toBe(expectedTotal);
}

async function reportOf(url: string, id: string, token: string) {
  const md = await api(url, 'GET', `/api/workshops/${id}/report?format=md`, { token });
  const json = await api<{ report: Report }>(url, 'GET', `/api/workshops/${id}/report?format=json`, { token });
  expect([md.status, json.status]).toEqual([200, 200]);
  return { md: md.text, jsonText: json.text, report: json.body.report };
}

describe('erasing a participant', () => {
  it('forgets them on their request: report (md, json) and database no longer name them, totals add up', async () => {
    const t = await startTestServer(cleanup);
    const workshop = await createWorkshop(t.url, {
      title: 'Plan DI — Supraśl',
      dataController: 'Regionalny Ośrodek Polityki Społecznej w Białymstoku',
      privacyContact: 'iod@rops.example.pl',
    });
    const halina = await joinWorkshop(t.url, workshop.joinCode, 'Halina Wiśniewska', {
      organisation: 'Stowarzyszenie Przystań',
      orgType: 'ngo',
      nameInReport: true,
    });
    const bartek = await joinWorkshop(t.url, workshop.joinCode, 'Bartek Kowal', {
      orgType: 'ops',
      attendance: 'online',
      nameInReport: true,
    });
    await joinWorkshop(t.url, workshop.joinCode, 'Celina Nowak', { orgType: 'ops' });
    await runCommand(t.url, workshop.id, workshop.facilitatorToken, { type: 'assign', mode: 'auto' });
    const state = await runCommand(t.url, workshop.id, workshop.facilitatorToken, { type: 'phase', to: 'breakout' });
    const docName = docOfParticipant(state, halina.participantId);
    const board = await openBoard(cleanup, t.port, docName, halina.token);
    addCard(board.doc, { sectionId: 'needs', text: 'Opieka wytchnieniowa', authorId: halina.participantId });
    const view = await openBoard(cleanup, t.port, docName, workshop.facilitatorToken);
    await waitFor(() => textsOf(view).length === 1, 5_000, 'card stored');
    const before = await reportOf(t.url, workshop.id, workshop.facilitatorToken);
    expect(before.md).toContain('Halina Wiśniewska (Stowarzyszenie Przystań)');

    // Art. 15 first: what the workshop holds about her.
    const mine = await api<ParticipantDataExport>(t.url, 'GET', '/api/participants/me/data', { token: halina.token });
    expect(mine.status).toBe(200);
    expect(mine.body.participant).toMatchObject({
      name: 'Halina Wiśniewska',
      organisation: 'Stowarzyszenie Przystań',
      orgType: 'ngo',
      nameInReport: true,
    });
    expect(mine.body.cards).toEqual([expect.objectContaining({ sectionId: 'needs', text: 'Opieka wytchnieniowa' })]);
    expect(mine.body.workshop.dataController).toBe('Regionalny Ośrodek Polityki Społecznej w Białymstoku');
    expect(JSON.stringify(mine.body)).not.toContain('Bartek');

    const control = await connectControl(cleanup, t.url, halina.token);
    const problems: ApiError[] = [];
    control.socket.on('problem', (p) => problems.push(p));
    const sync = rawSync(cleanup, t.port, docName, halina.token);
    await sync.opened;
    // Free text that names her: the request goes with her, and the audit log never kept its words.
    expect((await participantCommand(control.socket, { type: 'help', text: 'Tu Halina, brak flipcharta' })).ok).toBe(
      true,
    );

    expect((await api(t.url, 'DELETE', '/api/participants/me', { token: halina.token })).status).toBe(204);
    // Her token stops at once, on every plane; her devices are told (they drop their offline copies).
    await waitFor(() => !control.socket.connected, 2_000, 'control socket closed');
    expect(problems[0]?.code).toBe('unauthorized');
    expect(await closeCodeOf(sync, 2_000)).toBe(CloseCode.Forbidden);
    expect((await api(t.url, 'GET', '/api/participants/me/data', { token: halina.token })).status).toBe(401);
    expect((await api(t.url, 'DELETE', '/api/participants/me', { token: halina.token })).status).toBe(401);

    const after = await reportOf(t.url, workshop.id, workshop.facilitatorToken);
    for (const text of [after.md, after.jsonText]) {
      expect(text).not.toContain('Halina');
      expect(text).not.toContain('Przystań');
    }
    expect(after.md).toContain('Uczestnik usunięty');
    expect(after.md).toContain('Bartek Kowal');
    // Her card stays, with no author anyone can resolve.
    expect(after.md).toContain('Opieka wytchnieniowa');
    attendanceAddsUp(after.report, 3);
    expect(after.report.attendance.rows.find((r) => r.key === 'erased')).toMatchObject({
      label: 'Uczestnik usunięty',
      total: 1,
      counts: { onsite: 1, online: 0 },
    });
    // Not in the database either (the event log holds ids, never names).
    expect(await rowsContaining(t.databaseUrl, ['Halina', 'Przystań'])).toEqual([]);

    // The socket door: Bartek erases himself with `forgetMe` and still gets the answer.
    const bartekControl = await connectControl(cleanup, t.url, bartek.token);
    const ack = await participantCommand(bartekControl.socket, { type: 'forgetMe' });
    expect(ack.ok).toBe(true);
    await waitFor(() => !bartekControl.socket.connected, 2_000, 'Bartek hung up');
    const last = await reportOf(t.url, workshop.id, workshop.facilitatorToken);
    expect(last.md).not.toContain('Bartek');
    attendanceAddsUp(last.report, 3);
    const facilitatorView: WorkshopState = await getWorkshop(t.url, workshop.id, workshop.facilitatorToken);
    expect(facilitatorView.privacy.erasedCount).toBe(2);
    expect(facilitatorView.participants.map((p) => p.name)).toEqual(['Celina Nowak']);
  });

  it('lets a facilitator erase someone who asked in person, also after closing', async () => {
    const t = await startTestServer(cleanup);
    const workshop = await createWorkshop(t.url, { title: 'Zamknięty warsztat', locale: 'en' });
    const ola = await joinWorkshop(t.url, workshop.joinCode, 'Ola Zielińska', { nameInReport: true });
    await joinWorkshop(t.url, workshop.joinCode, 'Piotr Nowy', { attendance: 'online' });
    await runCommand(t.url, workshop.id, workshop.facilitatorToken, { type: 'assign', mode: 'auto' });
    await runCommand(t.url, workshop.id, workshop.facilitatorToken, { type: 'phase', to: 'closed' });
    // A plain removal is refused once closed; erasure is a right for as long as the data is kept.
    const removal = await api(t.url, 'POST', `/api/workshops/${workshop.id}/commands`, {
      token: workshop.facilitatorToken,
      body: { type: 'removeParticipant', participantId: ola.participantId },
    });
    expect(removal.status).toBe(409);
    const state = await runCommand(t.url, workshop.id, workshop.facilitatorToken, {
      type: 'removeParticipant',
      participantId: ola.participantId,
      erase: true,
    });
    expect(state.participants.map((p) => p.name)).toEqual(['Piotr Nowy']);
    const { md, report } = await reportOf(t.url, workshop.id, workshop.facilitatorToken);
    expect(md).not.toContain('Ola');
    expect(md).toContain('Participant erased');
    attendanceAddsUp(report, 2);
    expect((await api(t.url, 'GET', '/api/participants/me/data', { token: ola.token })).status).toBe(401);
  });
});
