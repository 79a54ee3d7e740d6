import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { CreateWorkshopAnswer, WorkshopState } from '@warsztat/shared';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { UI, useE2E } from './harness.js';

/**
 * The report in the facilitator console, in Chromium: "Pobierz raport" fetches the file with the
 * bearer token and saves it under the server's filename (a plain link could not carry the header)
 * while a progress bar and a live status say what is happening; "Tekst raportu" edits the
 * generated narrative; the home page loads a downloaded backup as a new workshop; the join form
 * asks for consent to be named.
 */
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

async function axeViolations(page: Page, selector: string): Promise<unknown[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async (include) => {
    const axe = (window as unknown as { axe: { run: (c: unknown) => Promise<{ violations: unknown[] }> } }).axe;
    return (await axe.run({ include: [include] })).violations;
  }, selector);
}

describe('the report in the console', () => {
  const e2e = useE2E();

  async function create(body: Record<string, unknown>): Promise<CreateWorkshopAnswer> {
    const response = await fetch(`${e2e.server().url}/api/workshops`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return (await response.json()) as CreateWorkshopAnswer;
  }

  async function command(w: CreateWorkshopAnswer, body: unknown): Promise<void> {
    const response = await fetch(`${e2e.server().url}/api/workshops/${w.id}/commands`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${w.facilitatorToken}` },
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(200);
  }

  it('shows a progress bar and a live status while the file is built, then saves it under the server-given name', async () => {
    const workshop = await create({ title: 'Spotkanie RKRES', date: '2022-11-24', venue: 'Białystok' });
    const { page } = await e2e.newPage({ acceptDownloads: true });
    // The report request waits a moment on its way, so the indicator is on screen long enough to be seen.
    let release: () => void = () => {};
    await page.route('**/report?format=*', async (route) => {
      await new Promise<void>((resolve) => {
        release = resolve;
      });
      await route.continue();
    });
    // The download lives in the console's Report view (issue #16).
    await page.goto(`${workshop.links.facilitator}?view=report`);
    const button = page.getByRole('button', { name: 'Pobierz raport' });
    await button.waitFor(UI);

    await page.getByTestId('report-format').selectOption('md');
    const downloaded = page.waitForEvent('download', UI);
    await button.click();
    const progress = page.getByTestId('report-progress');
    await progress.waitFor(UI);
    expect(await page.getByTestId('report-status').textContent()).toBe('Przygotowuję raport…');
    expect(await page.getByTestId('report-status').getAttribute('aria-live')).toBe('polite');
    expect(await button.getAttribute('aria-busy')).toBe('true');
    // While the server builds the file, nobody knows how long: the bar has no value (indeterminate).
    expect(await progress.getAttribute('value')).toBeNull();
    expect(await progress.getAttribute('aria-label')).toBe('Postęp przygotowania raportu');
    await e2e.shot(page, 'report-progress');
    release();
    const md = await downloaded;
    expect(md.suggestedFilename()).toBe('warsztat-2022-11-24-spotkanie-rkres.md');
    const text = readFileSync((await md.path()) ?? '', 'utf8');
    expect(text).toContain('# Spotkanie RKRES');
    expect(text).toContain('- **Miejsce:** Białystok');
    await expect.poll(() => page.getByTestId('report-status').textContent(), UI).toBe('Raport pobrany.');
    expect(await progress.count()).toBe(0);
    expect(await button.getAttribute('aria-busy')).toBe('false');

    await page.unroute('**/report?format=*');
    await page.getByTestId('report-format').selectOption('pdf');
    const [pdf] = await Promise.all([page.waitForEvent('download', UI), button.click()]);
    expect(pdf.suggestedFilename()).toBe('warsztat-2022-11-24-spotkanie-rkres.pdf');
    expect(
      readFileSync((await pdf.path()) ?? '')
        .subarray(0, 5)
        .toString('latin1'),
    ).toBe('%PDF-');
    await e2e.shot(page, 'report-panel');
    // The download goes through a blob: URL; the strict CSP must not get in its way.
    expect(e2e.cspViolations).toEqual([]);
  });

  it('edits the generated narrative per part, uses the edit in the download, and restores the generated text', async () => {
    const workshop = await create({
      title: 'Spotkanie RKRES',
      date: '2022-11-24',
      venue: 'Białystok',
      organiser: 'ROPS w Białymstoku',
    });
    await command(workshop, { type: 'agenda', action: 'demo' });
    const { page } = await e2e.newPage({ acceptDownloads: true });
    await page.goto(`${workshop.links.facilitator}?view=report`);
    const editor = page.getByTestId('report-editor');
    await editor.getByRole('heading', { name: 'Tekst raportu' }).waitFor(UI);
    const intro = editor.locator('[data-part="intro"]');
    await intro.waitFor(UI);
    const field = intro.getByLabel('Wstęp');
    expect(await field.inputValue()).toMatch(
      /^W dniu 24 listopada 2022 r\. odbyło się spotkanie „Spotkanie RKRES” \(Białystok\), zorganizowane przez: ROPS w Białymstoku\.$/,
    );
    expect(await intro.getByTestId('narrative-badge').textContent()).toBe('szkic');
    // One part per agenda item that tells the story (the demo's coffee break does not), plus the fixed three.
    const parts = await editor
      .getByTestId('narrative-part')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-part')));
    expect(parts[0]).toBe('intro');
    expect(parts.slice(-2)).toEqual(['groups', 'closing']);
    expect(parts.filter((p) => p?.startsWith('item:')).length).toBeGreaterThan(3);
    expect(await axeViolations(page, '[data-testid="report-editor"]')).toEqual([]);

    // Keyboard: type into the field and press the save button with Enter.
    await field.fill('Spotkanie otworzyła Pani Dyrektor ROPS, witając przybyłych gości.');
    await intro.getByTestId('narrative-save').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => intro.getByTestId('narrative-status').textContent(), UI).toBe('Zapisano.');
    expect(await intro.getByTestId('narrative-badge').textContent()).toBe('zmieniony');
    await e2e.shot(page, 'report-editor');

    await page.getByTestId('report-format').selectOption('md');
    const [edited] = await Promise.all([
      page.waitForEvent('download', UI),
      page.getByTestId('report-download').click(),
    ]);
    const md = readFileSync((await edited.path()) ?? '', 'utf8');
    expect(md).toContain('Spotkanie otworzyła Pani Dyrektor ROPS, witając przybyłych gości.');
    expect(md).not.toContain('W dniu 24 listopada 2022 r. odbyło się');

    // A reload shows the saved text: it is stored on the server, not in this page.
    await page.reload();
    await page.getByTestId('report-editor').locator('[data-part="intro"]').waitFor(UI);
    const again = page.getByTestId('report-editor').locator('[data-part="intro"]');
    expect(await again.getByLabel('Wstęp').inputValue()).toBe(
      'Spotkanie otworzyła Pani Dyrektor ROPS, witając przybyłych gości.',
    );
    await again.getByRole('button', { name: 'Przywróć wygenerowany tekst' }).click();
    await expect
      .poll(() => again.getByTestId('narrative-status').textContent(), UI)
      .toBe('Przywrócono wygenerowany tekst.');
    expect(await again.getByLabel('Wstęp').inputValue()).toMatch(/^W dniu 24 listopada 2022 r\./);
    expect(await again.getByTestId('narrative-badge').textContent()).toBe('szkic');

    // A new agenda item (here from another console, over REST) brings its paragraph into the editor by itself,
    // and text being typed in another part stays as typed.
    const count = await page.getByTestId('narrative-part').count();
    await again.getByLabel('Wstęp').fill('Piszę właśnie wstęp');
    await command(workshop, {
      type: 'agenda',
      action: 'add',
      day: 0,
      item: { title: 'Wizyta w spółdzielni socjalnej', kind: 'study-visit', minutes: 60 },
    });
    await expect.poll(() => page.getByTestId('narrative-part').count(), UI).toBe(count + 1);
    expect(await page.getByTestId('report-editor').textContent()).toContain(
      'Punkt programu: Wizyta w spółdzielni socjalnej',
    );
    expect(await again.getByLabel('Wstęp').inputValue()).toBe('Piszę właśnie wstęp');
    expect(e2e.pageErrors).toEqual([]);
  });

  it('loads a downloaded backup as a new workshop from the home page, and the join form asks for consent', async () => {
    const workshop = await create({
      title: 'Warsztat do przeniesienia',
      date: '2021-10-08',
      timeZone: 'Europe/Warsaw',
    });
    const { page } = await e2e.newPage({ acceptDownloads: true });
    await page.goto(workshop.links.join);
    await page.getByTestId('join-name').fill('Anna Zgodna');
    const consent = page.getByLabel('Moje imię i nazwisko może pojawić się w raporcie z warsztatu');
    expect(await consent.isChecked()).toBe(false);
    await consent.check();
    await page.getByTestId('join-submit').click();
    await page.waitForURL(/\/b\//, UI);
    // On her board page the same choice stays hers to change: withdraw it, then give it again.
    const facilitatorView = async () =>
      (
        (await (
          await fetch(`${e2e.server().url}/api/workshops/${workshop.id}`, {
            headers: { authorization: `Bearer ${workshop.facilitatorToken}` },
          })
        ).json()) as WorkshopState
      ).participants[0]?.nameInReport;
    const own = page.getByTestId('report-consent');
    await own.waitFor(UI);
    expect(await own.isChecked()).toBe(true);
    await own.uncheck();
    await expect.poll(facilitatorView, UI).toBe(false);
    await own.check();
    await expect.poll(facilitatorView, UI).toBe(true);

    const backup = await fetch(`${e2e.server().url}/api/workshops/${workshop.id}/report?format=json`, {
      headers: { authorization: `Bearer ${workshop.facilitatorToken}` },
    });
    const file = Buffer.from(await backup.arrayBuffer());

    await page.goto(`${e2e.server().url}/`);
    await page
      .getByTestId('import-file')
      .setInputFiles({ name: 'kopia.json', mimeType: 'application/json', buffer: file });
    await page.getByTestId('import-submit').click();
    await page.getByRole('heading', { name: 'Warsztat utworzony' }).waitFor(UI);
    const consoleLink = await page.getByTestId('link-facilitator').getAttribute('href');
    const token = consoleLink?.split('/f/').pop() ?? '';
    expect(token).not.toBe(workshop.facilitatorToken);
    const me = await fetch(`${e2e.server().url}/api/workshops/${workshop.id}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    // The new console link belongs to the new workshop only.
    expect(me.status).toBe(403);

    // A file that is not a backup gets a clear message, and nothing else happens.
    await page.getByRole('button', { name: 'Utwórz kolejny warsztat' }).click();
    await page
      .getByTestId('import-file')
      .setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('{"a":1}') });
    await page.getByTestId('import-submit').click();
    await expect
      .poll(() => page.getByTestId('import-error').textContent(), UI)
      .toBe('Ten plik nie jest kopią zapasową Warsztatu (.json).');
    const state = (await (
      await fetch(`${e2e.server().url}/api/workshops/${workshop.id}`, {
        headers: { authorization: `Bearer ${workshop.facilitatorToken}` },
      })
    ).json()) as WorkshopState;
    expect(state.participants.map((p) => [p.name, p.nameInReport])).toEqual([['Anna Zgodna', true]]);
    expect(e2e.pageErrors).toEqual([]);
  });
});
