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
describe('a dialog under the strict Content-Security-Policy', () => {
  const e2e = useE2E();

  it('locks the page behind the shortcuts dialog without a CSP violation, and unlocks it on close', async () => {
    const url = e2e.server().url;
    const w = await createWorkshop(url);
    // A short window, so the Prepare view is taller than the viewport and the page could scroll.
    const { page } = await e2e.newPage({ width: 1024, height: 480 });
    const bodyOverflow = () => page.evaluate(() => getComputedStyle(document.body).overflowY);
    const pageScroll = () => page.evaluate(() => document.scrollingElement?.scrollTop ?? 0);

    await page.goto(`${url}/f/${w.facilitatorToken}`);
    await page.getByTestId('console-view-prepare').waitFor(UI);
    expect(await page.evaluate(() => document.documentElement.scrollHeight > window.innerHeight)).toBe(true);
    expect(await bodyOverflow()).not.toBe('hidden');

    await page.keyboard.press('Shift+Slash');
    await page.getByTestId('shortcuts-dialog').waitFor(UI);
    // The lock is the library's injected stylesheet: with it refused, the body would stay scrollable.
    await expect.poll(bodyOverflow, UI).toBe('hidden');
    expect(await page.evaluate(() => document.body.hasAttribute('data-scroll-locked'))).toBe(true);
    // Keyboard and wheel on the overlay do not move the page behind it.
    await page.mouse.move(10, 400);
    await page.mouse.wheel(0, 600);
    await page.keyboard.press('PageDown');
    expect(await pageScroll()).toBe(0);

    await page.keyboard.press('Escape');
    await page.getByTestId('shortcuts-dialog').waitFor({ state: 'detached', ...UI });
    await expect.poll(bodyOverflow, UI).not.toBe('hidden');

    expect(e2e.cspViolations).toEqual([]);
    expect(e2e.pageErrors).toEqual([]);
  });
});
