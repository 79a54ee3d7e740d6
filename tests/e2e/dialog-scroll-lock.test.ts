import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createWorkshop } from '../helpers/server.js';
import { UI, useE2E } from './harness.js';

/**
 * Regression: opening a Radix dialog in the console logged a Content-Security-Policy violation.
 * Its scroll lock (react-remove-scroll) injects a `<style>` element, which `style-src 'self'`
 * refused, so the page behind the dialog kept scrolling. The server now sends a per-response
 * nonce for styles and the client hands it to the library (get-nonce). The harness collects every
 * violation, from the console and from the page's `securitypolicyviolation` event.
 */
const bodyOverflow = (page: Page) => page.evaluate(() => getComputedStyle(document.body).overflowY);

/** Opens the shortcuts dialog with `?`, checks the page behind is locked, closes it, checks it is free. */
async function expectDialogLocksThePage(page: Page): Promise<void> {
  await page.getByTestId('console-view-prepare').waitFor(UI);
  expect(await page.evaluate(() => document.documentElement.scrollHeight > window.innerHeight)).toBe(true);
  expect(await bodyOverflow(page)).not.toBe('hidden');

  await page.keyboard.press('Shift+Slash');
  await page.getByTestId('shortcuts-dialog').waitFor(UI);
  // The lock is the library's injected stylesheet: with it refused, the body would stay scrollable.
  await expect.poll(() => bodyOverflow(page), UI).toBe('hidden');
  expect(await page.evaluate(() => document.body.hasAttribute('data-scroll-locked'))).toBe(true);
  // Keyboard and wheel on the overlay do not move the page behind it.
  await page.mouse.move(10, 400);
  await page.mouse.wheel(0, 600);
  await page.keyboard.press('PageDown');
  expect(await page.evaluate(() => document.scrollingElement?.scrollTop ?? 0)).toBe(0);

  await page.keyboard.press('Escape');
  await page.getByTestId('shortcuts-dialog').waitFor({ state: 'detached', ...UI });
  await expect.poll(() => bodyOverflow(page), UI).not.toBe('hidden');
}

describe('a dialog under the strict Content-Security-Policy', () => {
  const e2e = useE2E();

  it('locks the page behind the shortcuts dialog without a CSP violation, and unlocks it on close', async () => {
    const url = e2e.server().url;
    const w = await createWorkshop(url);
    // A short window, so the Prepare view is taller than the viewport and the page could scroll.
    const { page } = await e2e.newPage({ width: 1024, height: 480 });
    await page.goto(`${url}/f/${w.facilitatorToken}`);
    await expectDialogLocksThePage(page);
    expect(e2e.cspViolations).toEqual([]);
    expect(e2e.pageErrors).toEqual([]);
  });

  it('does the same on a page the service worker served from its precache', async () => {
    // After one visit every navigation is answered by the service worker with the shell it
    // precached, and that shell's header: the nonce in the page and in its policy must still match.
    const url = e2e.server().url;
    const w = await createWorkshop(url);
    const { page } = await e2e.newPage({ width: 1024, height: 480 });
    await page.goto(`${url}/f/${w.facilitatorToken}`);
    await expect
      .poll(() => page.evaluate(async () => (await navigator.serviceWorker.ready).active?.state ?? null), UI)
      .toBe('activated');
    const nonce = () =>
      page.evaluate(() => document.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]')?.nonce);
    await page.reload();
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    // The server gives every answer a fresh nonce; the same one twice means the precache answered.
    const first = await nonce();
    await page.reload();
    expect(first).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(await nonce()).toBe(first);
    await expectDialogLocksThePage(page);
    expect(e2e.cspViolations).toEqual([]);
    expect(e2e.pageErrors).toEqual([]);
  });
});
