import type { Page, WebSocket } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { runCommand, setupWorkshop } from '../helpers/server.js';
import { UI, useE2E } from './harness.js';

/**
 * Each `/sync/` socket counts against the workshop's connection cap. The console of a workshop
 * with five groups must hold none in the lobby, and never two for the same doc later — opening a
 * group's board inline reuses the socket the plenary panel already holds for it.
 */
interface SocketLog {
  /** Sockets open right now, per doc name. */
  open: Map<string, number>;
  /** Most sockets ever open at once for one doc, per doc name. */
  peak: Map<string, number>;
  opened: number;
}

function watchSyncSockets(page: Page): SocketLog {
  const log: SocketLog = { open: new Map(), peak: new Map(), opened: 0 };
  page.on('websocket', (ws: WebSocket) => {
    const url = new URL(ws.url());
    if (!url.pathname.startsWith('/sync/')) return;
    const doc = decodeURIComponent(url.pathname.slice('/sync/'.length));
    log.opened += 1;
    const now = (log.open.get(doc) ?? 0) + 1;
    log.open.set(doc, now);
    log.peak.set(doc, Math.max(log.peak.get(doc) ?? 0, now));
    ws.on('close', () => log.open.set(doc, (log.open.get(doc) ?? 1) - 1));
  });
  return log;
}

const openDocs = (log: SocketLog) => [...log.open].filter(([, n]) => n > 0).map(([doc]) => doc);
const maxPeak = (log: SocketLog) => Math.max(0, ...log.peak.values());

describe('one doc, one connection', () => {
  const e2e = useE2E();

  it('the console with five groups holds no board socket in the lobby and one per doc after', async () => {
    const url = e2e.server().url;
    const names = ['Anna K.', 'Piotr W.', 'Ewa M.', 'Jan N.', 'Ola S.'];
    const { workshop } = await setupWorkshop(url, names);
    const state = await runCommand(url, workshop.id, workshop.facilitatorToken, { type: 'assign', mode: 'auto' });
    expect(state.groups).toHaveLength(5);

    const { page } = await e2e.newPage({ width: 1400, height: 1600 });
    const log = watchSyncSockets(page);
    await page.goto(new URL(`/f/${workshop.facilitatorToken}`, url).href);
    await expect.poll(() => page.getByTestId('group-column').count(), UI).toBe(5);
    await page.getByTestId('plenary-show').waitFor(UI);
    // Lobby: the whole console is drawn; give a socket that would open a moment to show up.
    await page.waitForTimeout(1_500);
    expect(log.opened, 'sync sockets in the lobby').toBe(0);

    // Breakout: the plenary panel reads every group's recommendations and the plenary doc.
    await runCommand(url, workshop.id, workshop.facilitatorToken, { type: 'phase', to: 'breakout' });
    const docs = [...state.groups.map((g) => g.docName), state.plenary.docName].sort();
    await expect.poll(() => openDocs(log).sort(), UI).toEqual(docs);

    // Each group's board opened inline, one after another, reuses the panel's socket for it.
    for (const group of state.groups) {
      const column = page.locator(`[data-testid="group-column"][data-group-id="${group.id}"]`);
      await column.getByTestId('open-board').click();
      await expect.poll(() => page.getByTestId('sync-status').getAttribute('data-status'), UI).toBe('connected');
    }
    // Past the registry's grace period, so a socket closed late would have been counted.
    await page.waitForTimeout(2_500);
    expect(openDocs(log).sort()).toEqual(docs);
    expect(maxPeak(log), JSON.stringify([...log.peak])).toBe(1);
    expect(log.opened, 'no socket was closed and reopened').toBe(docs.length);
    expect(e2e.pageErrors).toEqual([]);
  });
});
