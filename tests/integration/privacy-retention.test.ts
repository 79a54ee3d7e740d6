import type { WorkshopState } from '@warsztat/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { Cleanup } from '../helpers/cleanup.js';
import { rowsContaining } from '../helpers/databaseRows.js';
import { waitFor } from '../helpers/poll.js';
import { api, createWorkshop, getWorkshop, joinWorkshop, runCommand, startTestServer } from '../helpers/server.js';
import { storeKinds } from '../helpers/stores.js';

/**
 * Retention (issue #19, "How long is the data kept?"): a workshop closed more than `retentionDays`
 * ago is deleted by a sweep that runs at start and every hour; one nobody closed counts from its
 * last activity. The server's clock is injected, so the test stands weeks later without waiting.
 */
const DAY_MS = 86_400_000;
const kinds = storeKinds();
const cleanup = new Cleanup();
afterEach(() => cleanup.run());

describe.each(kinds)('the retention sweep on $name', (kind) => {
  it('deletes a workshop closed longer ago than its retention, and one left open from its last activity', async () => {
    let now = Date.parse('2026-03-02T10:00:00Z');
    const t = await startTestServer(cleanup, {}, { databaseUrl: await kind.newDatabase(cleanup), clock: () => now });
    const make = async (title: string, retentionDays?: number) => {
      const w = await createWorkshop(t.url, { title, ...(retentionDays ? { retentionDays } : {}) });
      await joinWorkshop(t.url, w.joinCode, `Uczestnik ${title}`);
      return w;
    };
    const closed = await make('zamknięty', 30);
    const open = await make('otwarty', 30);
    const kept = await make('domyślny');
    const closedAt = now;
    for (const w of [closed, kept]) await runCommand(t.url, w.id, w.facilitatorToken, { type: 'phase', to: 'closed' });
    // The console shows the date: closing time plus the retention period.
    const view: WorkshopState = await getWorkshop(t.url, closed.id, closed.facilitatorToken);
    expect(view.privacy).toMatchObject({ retentionDays: 30, deletionDueAt: closedAt + 30 * DAY_MS });
    expect((await getWorkshop(t.url, kept.id, kept.facilitatorToken)).privacy.retentionDays).toBe(365);

    // 20 days on, the open workshop is used again; 11 more days and only the closed one is due.
    now += 20 * DAY_MS;
    await runCommand(t.url, open.id, open.facilitatorToken, { type: 'phase', to: 'plenary' });
    expect((await getWorkshop(t.url, open.id, open.facilitatorToken)).privacy.deletionDueAt).toBe(now + 30 * DAY_MS);
    now += 11 * DAY_MS;
    expect(await t.server.sweepRetention()).toEqual([closed.id]);
    expect((await api(t.url, 'GET', `/api/workshops/${closed.id}`, { token: closed.facilitatorToken })).status).toBe(
      401,
    );
    expect(await rowsContaining(t.databaseUrl, [closed.id, 'Uczestnik zamknięty'])).toEqual([]);
    expect((await getWorkshop(t.url, open.id, open.facilitatorToken)).phase).toBe('plenary');

    // Its last activity was 30 days ago: the open one goes next; the one kept for a year stays.
    now += 20 * DAY_MS;
    expect(await t.server.sweepRetention()).toEqual([open.id]);
    expect((await getWorkshop(t.url, kept.id, kept.facilitatorToken)).phase).toBe('closed');

    // The sweep also runs when a server starts: a year after closing, the last one is gone.
    now = closedAt + 366 * DAY_MS;
    const restarted = await t.restart();
    await waitFor(
      async () =>
        (await api(restarted.url, 'GET', `/api/workshops/${kept.id}`, { token: kept.facilitatorToken })).status === 401,
      5_000,
      'deleted at start',
    );
    expect(await rowsContaining(t.databaseUrl, [closed.id, open.id, kept.id, 'Uczestnik'])).toEqual([]);
  });

  it('lets the facilitator change the clause and the retention, also after closing', async () => {
    let now = Date.parse('2026-03-02T10:00:00Z');
    const t = await startTestServer(cleanup, {}, { databaseUrl: await kind.newDatabase(cleanup), clock: () => now });
    const w = await createWorkshop(t.url, { title: 'Warsztat', organiser: 'PCPR Hajnówka' });
    await runCommand(t.url, w.id, w.facilitatorToken, { type: 'phase', to: 'closed' });
    const closedAt = now;
    const state = await runCommand(t.url, w.id, w.facilitatorToken, {
      type: 'privacy',
      dataController: 'Starosta Hajnowski',
      privacyContact: 'https://pcpr.example.pl/rodo',
      retentionDays: 7,
    });
    expect(state.privacy).toMatchObject({
      dataController: 'Starosta Hajnowski',
      privacyContact: 'https://pcpr.example.pl/rodo',
      retentionDays: 7,
      deletionDueAt: closedAt + 7 * DAY_MS,
    });
    const refused = await api(t.url, 'POST', `/api/workshops/${w.id}/commands`, {
      token: w.facilitatorToken,
      body: { type: 'privacy', privacyContact: 'javascript:alert(1)' },
    });
    expect(refused.status).toBe(400);
    now += 8 * DAY_MS;
    expect(await t.server.sweepRetention()).toEqual([w.id]);
  });
});
