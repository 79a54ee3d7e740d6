import type { CreateWorkshopAnswer, JoinAnswer } from '@warsztat/shared';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { Cleanup } from '../helpers/cleanup.js';
import { connectControl, participantCommand, stateOf } from '../helpers/control.js';
import { axeViolations } from './axe.js';
import { UI, useE2E } from './harness.js';

/**
 * The console's four views (issue #16): the Run view at 1366×768 with 5 groups, 30 people and a
 * help request holds on one screen; every view passes axe; the live run works from the keyboard.
 */
const HELP_TEXT = 'Brakuje flamastrów przy stole';

async function call<T>(url: string, path: string, body: unknown, token?: string, status = 201): Promise<T> {
  const response = await fetch(new URL(path, url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  if (response.status !== status) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** A workshop with `n` people joined over HTTP and assigned to the five DI groups. */
async function roomOf(url: string, n: number) {
  const w = await call<CreateWorkshopAnswer>(url, '/api/workshops', { title: 'Plan DI — powiat hajnowski' });
  const people: JoinAnswer[] = [];
  for (let i = 0; i < n; i++) {
    people.push(await call<JoinAnswer>(url, '/api/join', { joinCode: w.joinCode, name: `Uczestnik ${i + 1}` }));
  }
  await call(url, `/api/workshops/${w.id}/commands`, { type: 'assign', mode: 'auto' }, w.facilitatorToken, 200);
  return { w, people };
}

/** Everything of the element inside the viewport. */
function inViewport(page: Page, selector: string) {
  return page.$$eval(selector, (els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect();
      return r.top >= 0 && r.left >= 0 && r.bottom <= window.innerHeight && r.right <= window.innerWidth;
    }),
  );
}

/** No scrolled box between the element and the page: it is where it is without anyone scrolling. */
function noScrollAbove(page: Page, selector: string) {
  return page.$eval(selector, (el) => {
    for (let box = el.parentElement; box; box = box.parentElement) if (box.scrollTop !== 0) return false;
    return (document.scrollingElement?.scrollTop ?? 0) === 0;
  });
}

describe('the console as a live instrument', () => {
  const e2e = useE2E();
  const cleanup = new Cleanup();
  afterAll(() => cleanup.run());

  it('fits the Run view in 1366×768 during breakout with 5 groups, 30 people and a help request', async () => {
    const url = e2e.server().url;
    const { w, people } = await roomOf(url, 30);
    await call(
      url,
      `/api/workshops/${w.id}/commands`,
      { type: 'phase', to: 'breakout', minutes: 25 },
      w.facilitatorToken,
      200,
    );
    const asker = await connectControl(cleanup, url, people[0]?.token ?? '');
    stateOf(await participantCommand(asker.socket, { type: 'help', text: HELP_TEXT }));

    const { page } = await e2e.newPage({ width: 1366, height: 768 });
    await page.goto(`${url}/f/${w.facilitatorToken}`);
    // The phase is breakout, so the console opens on Run.
    await page.getByTestId('console-view-run').waitFor(UI);
    await expect.poll(() => page.getByTestId('group-tile').count(), UI).toBe(5);
    await page.getByTestId('group-tile-help').waitFor(UI);
    await expect.poll(() => page.locator('[data-testid="group-tile"][data-state="help"]').count(), UI).toBe(1);
    await e2e.shot(page, 'console-run-1366');

    const fits = await page.evaluate(() => (document.scrollingElement?.scrollHeight ?? 0) <= window.innerHeight);
    expect(fits).toBe(true);
    expect(await inViewport(page, '[data-testid="group-tile-name"]')).toEqual([true, true, true, true, true]);
    expect(await inViewport(page, '[data-testid="timer"]')).toContain(true);
    expect(await inViewport(page, '[data-testid="help-request"]')).toEqual([true]);
    expect(await page.getByTestId('help-request').textContent()).toContain(HELP_TEXT);
    // Recall is on the first screen, not below the fold of the left column (issue #16).
    expect(await inViewport(page, '[data-testid="recall"]')).toEqual([true]);
    expect(await noScrollAbove(page, '[data-testid="recall"]')).toBe(true);
    expect(await axeViolations(page)).toEqual([]);

    // A tile opens its board read-only beside the Run view; Esc closes it and focus returns.
    await page.getByTestId('group-tile').first().locator('button').click();
    await page.getByTestId('board-sheet').waitFor(UI);
    expect(await page.getByTestId('console-view-run').count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await page.getByTestId('board-sheet').waitFor({ state: 'detached', ...UI });

    // Tablet: the tiles wrap, the page still does not scroll sideways.
    await page.setViewportSize({ width: 1024, height: 768 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(await inViewport(page, '[data-testid="recall"]')).toEqual([true]);
    expect(await noScrollAbove(page, '[data-testid="recall"]')).toBe(true);
    expect(await inViewport(page, '[data-testid="timer"]')).toContain(true);
    await e2e.shot(page, 'console-run-1024');
    expect(await axeViolations(page)).toEqual([]);

    // Every other view passes axe, and each keeps its URL across a reload.
    for (const view of ['prepare', 'plenary', 'report'] as const) {
      await page.getByTestId(`view-${view}`).click();
      await page.getByTestId(`console-view-${view}`).waitFor(UI);
      expect(page.url()).toContain(`view=${view}`);
      expect(await axeViolations(page), view).toEqual([]);
    }
    await page.reload();
    await page.getByTestId('console-view-report').waitFor(UI);
  });

  it('runs the live part from the keyboard: start breakout, extend, broadcast, recall', async () => {
    const url = e2e.server().url;
    const { w, people } = await roomOf(url, 6);
    const participant = await connectControl(cleanup, url, people[0]?.token ?? '');
    const { page } = await e2e.newPage({ width: 1366, height: 768 });
    await page.goto(`${url}/f/${w.facilitatorToken}`);
    await page.getByTestId('console-view-prepare').waitFor(UI);

    // Start breakout with the next-step key; the console follows to Run.
    await page.keyboard.press('n');
    await page.getByTestId('console-view-run').waitFor(UI);
    const started = await participant.waitForState((s) => s.phase === 'breakout' && s.timer.endsAt !== null);
    const endsAt = started.timer.endsAt ?? 0;

    // The shortcuts are listed behind "?".
    await page.keyboard.press('Shift+Slash');
    await page.getByTestId('shortcuts-dialog').waitFor(UI);
    await page.keyboard.press('Escape');
    await page.getByTestId('shortcuts-dialog').waitFor({ state: 'detached', ...UI });

    // +5 minutes (Shift+E), then +1 (E).
    await page.keyboard.press('Shift+E');
    await participant.waitForState((s) => (s.timer.endsAt ?? 0) >= endsAt + 5 * 60_000, 'timer +5');
    await page.keyboard.press('e');
    await participant.waitForState((s) => (s.timer.endsAt ?? 0) >= endsAt + 6 * 60_000, 'timer +1');

    // B jumps to the message field; typing there never triggers a shortcut ("e", "n", "p" below).
    await page.keyboard.press('b');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('broadcast-text');
    await page.keyboard.type('Zostało 10 minut, spokojnie');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('broadcast-send');
    await page.keyboard.press('Enter');
    await participant.waitForState((s) => s.broadcasts.some((b) => b.text === 'Zostało 10 minut, spokojnie'));
    const afterTyping = participant.latest();
    expect(afterTyping.phase).toBe('breakout');
    expect(afterTyping.timer.endsAt).toBeGreaterThanOrEqual(endsAt + 6 * 60_000);

    // R recalls the room; the recall countdown shows.
    await page.locator('body').focus();
    await page.keyboard.press('r');
    await participant.waitForState((s) => s.recallEndsAt !== null, 'recall');
    await page.getByTestId('recall-countdown').waitFor(UI);
  });
});
