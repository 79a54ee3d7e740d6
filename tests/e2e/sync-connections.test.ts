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

/**
 * What the page itself did, counted the moment it did it: `/sync/` sockets it created and those
 * it closed. Playwright's own events (above) arrive a little later, so a check that nothing
 * happened reads these, which cannot lag behind.
 */
async function countSyncSocketsInPage(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const counts = { created: 0, closed: 0 };
    Object.assign(window, { __syncSockets: counts });
    const isSync = (url: string | URL) => new URL(String(url), location.href).pathname.startsWith('/sync/');
    const Native = window.WebSocket;
    window.WebSocket = class extends Native {
      constructor(url: string | URL, protocols?: string | string[]) {
        super(url, protocols);
        if (isSync(url)) counts.created += 1;
      }
      override close(code?: number, reason?: string): void {
        if (isSync(this.url) && this.readyState < Native.CLOSING) counts.closed += 1;
        super.close(code, reason);
      }
    };
  });
}

const inPage = (page: Page) =>
  page.evaluate(() => (window as unknown as { __syncSockets: { created: number; closed: number } }).__syncSockets);

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
    await countSyncSocketsInPage(page);
    // A clock that flows as usual but can be run ahead: the waits below jump over the app's own
    // timers (the registry's release grace) instead of sleeping through them.
    await page.clock.install();
    await page.goto(new URL(`/f/${workshop.facilitatorToken}`, url).href);
    await expect.poll(() => page.getByTestId('group-column').count(), UI).toBe(5);
    // The Plenary view draws the plenary panel too (issue #16 split the console into views).
    await page.getByTestId('view-plenary').click();
    await page.getByTestId('plenary-show').waitFor(UI);
    // Lobby: every panel is drawn. Its timers are run ahead and anything it still loads has
    // arrived, so a socket that would open a moment later has been created by now.
    await page.clock.runFor(1_500);
    await page.waitForLoadState('networkidle');
    expect((await inPage(page)).created, 'sync sockets in the lobby').toBe(0);
    expect(log.opened, 'sync sockets in the lobby').toBe(0);

    // Breakout: the console follows to Run, whose tiles read every group's board.
    await runCommand(url, workshop.id, workshop.facilitatorToken, { type: 'phase', to: 'breakout' });
    await page.getByTestId('console-view-run').waitFor(UI);
    const groupDocs = state.groups.map((g) => g.docName).sort();
    await expect.poll(() => openDocs(log).sort(), UI).toEqual(groupDocs);

    // Each group's board opened in the side panel, one after another, reuses its tile's socket.
    for (const group of state.groups) {
      await page.locator(`[data-testid="group-tile"][data-group-id="${group.id}"] button`).first().click();
      await page.getByTestId('board-sheet').getByTestId('section').first().waitFor(UI);
      await page.keyboard.press('Escape');
      await page.getByTestId('board-sheet').waitFor({ state: 'detached', ...UI });
    }
    // The Plenary view reads every group's recommendations through the same sockets, and the plenary doc.
    await page.getByTestId('view-plenary').click();
    const docs = [...groupDocs, state.plenary.docName].sort();
    await expect.poll(() => openDocs(log).sort(), UI).toEqual(docs);
    // Past the registry's grace period (RELEASE_GRACE_MS, 2 s, client/src/sync/docRegistry.ts):
    // its release timers have run, so a socket it was going to close has been closed by now.
    await page.clock.runFor(2_500);
    // The page's own count agrees with Playwright's: the zeros above are not a counter that never counts.
    expect(await inPage(page)).toEqual({ created: docs.length, closed: 0 });
    expect(openDocs(log).sort()).toEqual(docs);
    expect(maxPeak(log), JSON.stringify([...log.peak])).toBe(1);
    expect(log.opened, 'no socket was closed and reopened').toBe(docs.length);
    expect(e2e.pageErrors).toEqual([]);
  });
});
