import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createWorkshop, runCommand } from '../helpers/server.js';
import { axeViolations, sidewaysScroll } from './axe.js';
import { UI, useE2E } from './harness.js';

/**
 * Issue #20 on a 360×740 phone: the board's first screen, the help button, coming back after a
 * rescanned QR code, and a join form that never scrolls sideways, whatever the text size.
 */
const PHONE = { width: 360, height: 740 };
const clientDist = fileURLToPath(new URL('../../client/dist', import.meta.url));

/** The source files a built chunk was made from, read from its source map next to it in client/dist. */
function sourcesOf(scriptUrl: string): string[] {
  const map = JSON.parse(readFileSync(join(clientDist, `${new URL(scriptUrl).pathname}.map`), 'utf8')) as {
    sources: string[];
  };
  return map.sources;
}
const TITLE = 'Plan deinstytucjonalizacji usług społecznych – powiat hajnowski';

describe('participant on a 360×740 phone', () => {
  const e2e = useE2E();

  async function joinByForm(page: Page, joinCode: string, name: string): Promise<void> {
    await page.goto(`${e2e.server().url}/j/${joinCode}`);
    await page.getByTestId('join-name').fill(name);
    await page.getByTestId('join-orgtype').selectOption('sds');
    await page.getByTestId('join-submit').click();
    await page.waitForURL(/\/b\//, UI);
  }

  it('shows the group, the timer and the first section with its add button in the first screen', async () => {
    const url = e2e.server().url;
    const created = await createWorkshop(url, { title: TITLE, date: '2026-12-03' });
    const { page } = await e2e.newPage(PHONE);
    await joinByForm(page, created.joinCode, 'Halina Nowak');
    const run = (body: Parameters<typeof runCommand>[3]) => runCommand(url, created.id, created.facilitatorToken, body);
    const state = await run({ type: 'assign', mode: 'auto' });
    await run({ type: 'phase', to: 'breakout', minutes: 30 });
    const groupName = state.groups.find((g) => g.memberIds.length > 0)?.name ?? '';

    await expect.poll(() => page.getByTestId('group-name').textContent(), UI).toBe(groupName);
    await page.getByTestId('add-card').first().waitFor(UI);
    await page.getByTestId('timer').waitFor(UI);
    const inFirstScreen = async (locator: ReturnType<Page['getByTestId']>) => {
      const box = await locator.boundingBox();
      expect(box, 'rendered').not.toBeNull();
      return box !== null && box.y >= 0 && box.y + box.height <= PHONE.height;
    };
    expect(await inFirstScreen(page.getByTestId('group-name'))).toBe(true);
    expect(await inFirstScreen(page.getByTestId('timer'))).toBe(true);
    expect(await inFirstScreen(page.getByTestId('section').first().locator('h2'))).toBe(true);
    expect(await inFirstScreen(page.getByTestId('add-card').first())).toBe(true);
    await e2e.shot(page, 'phone-board-first-screen');

    // Help is one worded button; the optional message is asked for only after tapping it.
    expect(await page.getByTestId('help-text').count()).toBe(0);
    const help = page.getByTestId('help-request-button');
    expect((await help.textContent())?.trim()).toBe('Poproś o pomoc');
    // The rarely used controls wait in the menu, not in the first screen.
    expect(await page.getByTestId('undo').isVisible()).toBe(false);
    expect(await page.getByTestId('rapporteur-claim').isVisible()).toBe(false);
    await page.getByTestId('board-menu').click();
    await page.getByTestId('rapporteur-claim').waitFor({ state: 'visible', ...UI });
    expect(await page.getByTestId('text-size').isVisible()).toBe(true);
    // The summary says who may write it: anyone until a rapporteur is chosen, then the rapporteur.
    expect(await page.getByTestId('summary-writers').textContent()).toContain('może pisać każdy z grupy');
    await page.getByTestId('rapporteur-claim').click();
    await expect.poll(() => page.getByTestId('summary-writers').textContent(), UI).toContain('Jesteś sprawozdawcą');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('undo').isVisible(), UI).toBe(false);

    // Every control on the participant's screen is at least 44 px high.
    const small = await page.evaluate(() =>
      Array.from(document.querySelectorAll('.participant-screen button'))
        .filter((b) => (b as HTMLElement).offsetParent !== null)
        .map((b) => ({ text: b.textContent, h: b.getBoundingClientRect().height }))
        .filter((b) => b.h < 44),
    );
    expect(small).toEqual([]);

    await help.click();
    await page.getByTestId('help-send').click();
    await expect.poll(() => page.getByTestId('help-status').getAttribute('data-acknowledged'), UI).toBe('false');

    // The sticky bar stays in view while the participant scrolls down the board.
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    expect(await inFirstScreen(page.getByTestId('timer'))).toBe(true);
    expect(await sidewaysScroll(page)).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    expect(e2e.pageErrors).toEqual([]);
  });

  it('joins without loading zod: the form checks the shared limits, the server the schema', async () => {
    // Issue #15: zod (~25 KiB) came with the join page right after the form drew. Every script the
    // join route loads — until the title and the privacy clause are shown — must be free of it.
    const created = await createWorkshop(e2e.server().url, { title: TITLE });
    const { page } = await e2e.newPage(PHONE);
    const scripts: string[] = [];
    page.on('response', (r) => {
      if (r.request().resourceType() === 'script') scripts.push(r.url());
    });
    await page.goto(`${e2e.server().url}/j/${created.joinCode.toLowerCase()}`);
    await expect.poll(() => page.getByTestId('join-workshop-title').textContent(), UI).toBe(TITLE);
    await page.getByTestId('privacy-notice').waitFor(UI);
    await page.waitForLoadState('networkidle');
    expect(scripts.length).toBeGreaterThan(2);
    const withZod = scripts.filter((url) => sourcesOf(url).some((source) => source.includes('/zod')));
    expect(withZod).toEqual([]);
    // A code that cannot exist is refused on the phone, in the server's words, before any request.
    await page.getByTestId('join-code').fill('ABC');
    await page.getByTestId('join-name').fill('Halina Nowak');
    await page.getByTestId('join-submit').click();
    await expect.poll(() => page.getByTestId('form-error').getAttribute('data-code'), UI).toBe('bad_join_code');
    // And a real one joins: the server's zod check accepts what the form sent.
    await page.getByTestId('join-code').fill(created.joinCode);
    await page.getByTestId('join-submit').click();
    await page.waitForURL(/\/b\//, UI);
  });

  it('offers "Wróć jako" when the join link is scanned again in the same browser', async () => {
    const created = await createWorkshop(e2e.server().url, { title: TITLE, date: '2026-12-03' });
    const { page } = await e2e.newPage(PHONE);
    await joinByForm(page, created.joinCode, 'Halina Nowak');
    const board = page.url();

    await page.goto(`${e2e.server().url}/j/${created.joinCode}`);
    await page.getByTestId('join-returning').waitFor(UI);
    expect(await page.getByTestId('join-return').textContent()).toBe('Wróć jako Halina Nowak');
    expect(await page.getByTestId('join-name').count()).toBe(0);
    await expect.poll(() => page.getByTestId('join-workshop-title').textContent(), UI).toBe(TITLE);
    expect(await axeViolations(page)).toEqual([]);
    await e2e.shot(page, 'phone-join-returning');
    await page.getByTestId('join-return').click();
    await page.waitForURL(board, UI);
    await page.getByTestId('waiting-room').waitFor(UI);

    // A shared device: "To nie ja" forgets Halina here and offers the empty form.
    await page.goto(`${e2e.server().url}/j/${created.joinCode}`);
    await page.getByTestId('join-not-me').click();
    await page.getByTestId('join-name').waitFor(UI);
    expect(await page.getByTestId('join-name').inputValue()).toBe('');
    await page.reload();
    await page.getByTestId('join-name').waitFor(UI);
    expect(await page.getByTestId('join-returning').count()).toBe(0);
    expect(e2e.pageErrors).toEqual([]);
  });

  it('shows the title and never scrolls sideways at 100, 125 and 150 % text', async () => {
    const created = await createWorkshop(e2e.server().url, { title: TITLE, date: '2026-12-03' });
    const { page } = await e2e.newPage(PHONE);
    for (const scale of ['100', '125', '150']) {
      await page.addInitScript((value: string) => localStorage.setItem('warsztat:textScale', value), scale);
      await page.goto(`${e2e.server().url}/j/${created.joinCode}`);
      await expect.poll(() => page.getByTestId('join-workshop-title').textContent(), UI).toBe(TITLE);
      expect(await page.evaluate(() => document.documentElement.dataset.textScale)).toBe(scale);
      // The longest option ("Regionalny ośrodek polityki społecznej", "Środowiskowy dom samopomocy"…).
      await page.getByTestId('join-orgtype').selectOption('rops');
      expect(await sidewaysScroll(page), `${scale} %`).toBe(0);
      const widths = await page.evaluate(() => {
        const form = document.querySelector('form')?.getBoundingClientRect();
        const select = document.querySelector('#join-orgtype')?.getBoundingClientRect();
        return { form: form?.right ?? 0, select: select?.right ?? Number.POSITIVE_INFINITY };
      });
      expect(widths.select, `${scale} %: select inside the card`).toBeLessThanOrEqual(widths.form);
      await e2e.shot(page, `phone-join-${scale}`);
      expect(await axeViolations(page)).toEqual([]);
    }
    const options = await page.getByTestId('join-orgtype').locator('option').allTextContents();
    for (const label of ['Centrum usług społecznych', 'Dom pomocy społecznej', 'Środowiskowy dom samopomocy']) {
      expect(options).toContain(label);
    }
    expect(options).toContain('Rada seniorów');
    expect(e2e.pageErrors).toEqual([]);
  });
});
