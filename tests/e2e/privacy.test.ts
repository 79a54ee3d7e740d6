import { describe, expect, it } from 'vitest';
import { api, createWorkshop, joinWorkshop, runCommand } from '../helpers/server.js';
import { axeViolations, sidewaysScroll } from './axe.js';
import { UI, useE2E } from './harness.js';

/**
 * Issue #19 in Chromium: the information clause a participant reads on a phone before typing a
 * name, the console's privacy panel and its title-typed deletion, and a participant erasing
 * themselves — with axe-core on each screen.
 */
const PHONE = { width: 360, height: 740 };

describe('personal data in the browser', () => {
  const e2e = useE2E();

  it('shows the information clause before the name field on a 360×740 phone, in the workshop language', async () => {
    const url = e2e.server().url;
    const pl = await createWorkshop(url, {
      title: 'Plan DI – powiat hajnowski',
      organiser: 'PCPR Hajnówka',
      dataController: 'Powiatowe Centrum Pomocy Rodzinie w Hajnówce',
      privacyContact: 'iod@pcpr.example.pl',
    });
    const { page } = await e2e.newPage(PHONE);
    await page.goto(`${url}/j/${pl.joinCode}`);
    const clause = page.getByTestId('privacy-notice');
    await clause.waitFor(UI);
    const text = (await clause.textContent()) ?? '';
    expect(text).toContain('Administrator danych: Powiatowe Centrum Pomocy Rodzinie w Hajnówce.');
    expect(text).toContain('imię i nazwisko, organizację, typ organizacji');
    expect(text).toContain('przygotowanie raportu');
    expect(text).toContain('365 dni po zakończeniu');
    expect(text).toContain('usunąć');
    expect(await clause.getByRole('link').getAttribute('href')).toBe('mailto:iod@pcpr.example.pl');
    // Before the name field, in reading order and on screen.
    const [clauseBox, nameBox] = [await clause.boundingBox(), await page.getByTestId('join-name').boundingBox()];
    expect(clauseBox && nameBox && clauseBox.y + clauseBox.height <= nameBox.y).toBe(true);
    expect(
      await page.evaluate(() => {
        const notice = document.querySelector('[data-testid="privacy-notice"]');
        const name = document.getElementById('join-name');
        return !!notice && !!name && (notice.compareDocumentPosition(name) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
      }),
    ).toBe(true);
    expect(await sidewaysScroll(page)).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await e2e.shot(page, 'privacy-join-clause-phone');

    // An English workshop without a controller names its organiser, in English, on a Polish browser.
    const en = await createWorkshop(url, { title: 'DI plan', locale: 'en', organiser: 'ROPS Białystok' });
    await page.goto(`${url}/j/${en.joinCode}`);
    await expect
      .poll(() => clause.textContent(), UI)
      .toContain("Data controller: the workshop's organiser, ROPS Białystok.");
    expect(await clause.getAttribute('lang')).toBe('en');
    expect(await clause.textContent()).toContain('ask the person running the workshop');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('warns in the console while the clause is incomplete, and deletes the workshop only once its title is typed', async () => {
    const url = e2e.server().url;
    const w = await createWorkshop(url, { title: 'Warsztat do usunięcia' });
    await runCommand(url, w.id, w.facilitatorToken, { type: 'phase', to: 'closed' });
    const { page } = await e2e.newPage();
    await page.goto(`${url}/f/${w.facilitatorToken}`);
    const panel = page.getByTestId('privacy-panel');
    await panel.waitFor(UI);
    await page.getByTestId('privacy-incomplete').waitFor(UI);
    expect(await page.getByTestId('privacy-deletes-on').textContent()).toMatch(/zostaną usunięte \d+ \S+ \d{4}/);
    await page.getByTestId('privacy-controller').fill('Starostwo Powiatowe w Hajnówce');
    await page.getByTestId('privacy-contact').fill('https://starostwo.example.pl/rodo');
    await page.getByTestId('privacy-save').click();
    await page.getByTestId('privacy-incomplete').waitFor({ state: 'detached', ...UI });

    await page.getByTestId('delete-workshop-open').click();
    const confirm = page.getByTestId('delete-workshop-confirm');
    expect(await confirm.getAttribute('aria-disabled')).toBe('true');
    await page.getByTestId('delete-workshop-title').fill('Warsztat do');
    await confirm.click({ force: true }); // aria-disabled: Playwright would wait for it to be enabled
    expect((await api(url, 'GET', `/api/workshops/${w.id}`, { token: w.facilitatorToken })).status).toBe(200);
    expect(await axeViolations(page)).toEqual([]);
    await e2e.shot(page, 'privacy-console-delete');
    await page.getByTestId('delete-workshop-title').fill('Warsztat do usunięcia');
    expect(await confirm.getAttribute('aria-disabled')).toBe('false');
    await confirm.click();
    await page.waitForURL(`${url}/`, UI);
    expect((await api(url, 'GET', `/api/workshops/${w.id}`, { token: w.facilitatorToken })).status).toBe(401);
  });

  it('lets a participant erase themselves on the phone, and the device forgets them', async () => {
    const url = e2e.server().url;
    const w = await createWorkshop(url, { title: 'Warsztat z prawem do bycia zapomnianym' });
    const { page } = await e2e.newPage(PHONE);
    await page.goto(`${url}/j/${w.joinCode}`);
    await page.getByTestId('privacy-notice').waitFor(UI);
    await page.getByTestId('join-name').fill('Halina Zapomniana');
    await page.getByTestId('join-submit').click();
    await page.waitForURL(/\/b\//, UI);
    await page.getByTestId('my-data').waitFor(UI);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByTestId('forget-me-open').click();
    await page.getByTestId('forget-me-confirm').click();
    await page.getByTestId('my-data-erased').waitFor(UI);
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }));
    expect(stored).not.toContain('Halina');
    // The rescanned code no longer offers "Wróć jako Halina", and the workshop no longer knows her.
    await page.goto(`${url}/j/${w.joinCode}`);
    await page.getByTestId('join-name').waitFor(UI);
    expect(await page.getByTestId('join-returning').count()).toBe(0);
    const other = await joinWorkshop(url, w.joinCode, 'Ktoś Inny');
    const state = await runCommand(url, w.id, w.facilitatorToken, { type: 'selfSelect', enabled: false });
    expect(state.participants.map((p) => p.id)).toEqual([other.participantId]);
    expect(state.privacy.erasedCount).toBe(1);
  });

  it('clears a device that was away when its workshop was deleted, once the link is refused', async () => {
    const url = e2e.server().url;
    const w = await createWorkshop(url, { title: 'Warsztat usunięty pod nieobecność' });
    const { page } = await e2e.newPage(PHONE);
    await page.goto(`${url}/j/${w.joinCode}`);
    await page.getByTestId('join-name').fill('Zenon Nieobecny');
    await page.getByTestId('join-submit').click();
    await page.waitForURL(/\/b\//, UI);
    const board = page.url();
    await runCommand(url, w.id, w.facilitatorToken, { type: 'assign', mode: 'auto' });
    await runCommand(url, w.id, w.facilitatorToken, { type: 'phase', to: 'breakout' });
    await page.getByTestId('add-card').first().waitFor(UI);
    const copies = () =>
      page.evaluate(
        async (id) => (await indexedDB.databases()).filter((d) => d.name?.startsWith(`${id}.`)).length,
        w.id,
      );
    await expect.poll(copies, UI).toBeGreaterThan(0);
    // The device goes away; meanwhile the facilitator deletes the workshop.
    await page.goto('about:blank');
    expect((await api(url, 'DELETE', `/api/workshops/${w.id}`, { token: w.facilitatorToken })).status).toBe(204);
    await page.goto(board);
    await page.getByTestId('control-problem').waitFor(UI);
    await expect.poll(copies, UI).toBe(0);
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }));
    expect(stored).not.toContain('Zenon');
    expect(stored).not.toContain(w.id);
  });
});
