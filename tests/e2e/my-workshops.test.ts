import type { CreateWorkshopAnswer, WorkshopState } from '@warsztat/shared';
import { describe, expect, it } from 'vitest';
import { axeViolations } from './axe.js';
import { UI, useE2E } from './harness.js';

/**
 * Issue #16: the home page remembers the consoles this browser opened, "Zapomnij" removes one,
 * and "Użyj ponownie jako nowy warsztat" makes a copy with the same groups and agenda, nobody in it.
 */
async function call<T>(url: string, method: string, path: string, body?: unknown, token?: string): Promise<T> {
  const response = await fetch(new URL(path, url), {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (response.status >= 300) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

describe('your workshops on this device, and reuse', () => {
  const e2e = useE2E();

  it('lists a workshop once its console was opened, forgets it, and copies its format', async () => {
    const url = e2e.server().url;
    const w = await call<CreateWorkshopAnswer>(url, 'POST', '/api/workshops', {
      title: 'Rada seniorów — plan DI',
      date: '2026-12-03',
    });
    await call(url, 'POST', `/api/workshops/${w.id}/commands`, { type: 'agenda', action: 'demo' }, w.facilitatorToken);
    await call(url, 'POST', '/api/join', { joinCode: w.joinCode, name: 'Halina Nowak' });
    await call(url, 'POST', `/api/workshops/${w.id}/commands`, { type: 'assign', mode: 'auto' }, w.facilitatorToken);
    const source = await call<WorkshopState>(url, 'GET', `/api/workshops/${w.id}`, undefined, w.facilitatorToken);

    const { page } = await e2e.newPage({ width: 1366, height: 900 });
    await page.goto(url);
    expect(await page.getByTestId('my-workshops').count()).toBe(0);
    await page.goto(`${url}/f/${w.facilitatorToken}`);
    await page.getByTestId('console-view-prepare').waitFor(UI);
    await page.goto(url);
    const item = page.locator(`[data-testid="my-workshop"][data-workshop-id="${w.id}"]`);
    await item.waitFor(UI);
    expect(await item.textContent()).toContain('Rada seniorów — plan DI');
    expect(await item.textContent()).toContain('2026-12-03');
    expect(await item.getByTestId('phase').getAttribute('data-phase')).toBe('lobby');
    expect(await item.getByTestId('my-workshop-open').getAttribute('href')).toBe(`/f/${w.facilitatorToken}`);
    expect(await axeViolations(page)).toEqual([]);

    // The link leads back to the console; the copy is made from its Report view.
    await item.getByTestId('my-workshop-open').click();
    await page.getByTestId('view-report').click();
    await page.getByTestId('reuse-title').fill('Rada seniorów — druga tura');
    await page.getByTestId('reuse-submit').click();
    const link = await page.getByTestId('reuse-open').getAttribute('href', UI);
    const token = link?.split('/f/').pop() ?? '';
    expect(token).not.toBe(w.facilitatorToken);
    await page.getByTestId('reuse-open').click();
    await page.getByTestId('console-view-prepare').waitFor(UI);
    await expect.poll(() => page.locator('h1').textContent(), UI).toBe('Rada seniorów — druga tura');
    await expect.poll(() => page.getByTestId('agenda-item').count(), UI).toBe(source.agenda.length);
    expect(await page.getByTestId('participant-row').count()).toBe(0);
    expect(await page.getByTestId('member-name').count()).toBe(0);
    const groupNames = await page.getByTestId('group-column').locator('h3').allTextContents();
    for (const g of source.groups) expect(groupNames.join('|')).toContain(g.name);

    // Both consoles are on the home page now; "Zapomnij" removes only the first.
    await page.goto(url);
    await expect.poll(() => page.getByTestId('my-workshop').count(), UI).toBe(2);
    await item.getByTestId('my-workshop-forget').click();
    await expect.poll(() => page.getByTestId('my-workshop').count(), UI).toBe(1);
    expect(await item.count()).toBe(0);
    await page.reload();
    await expect.poll(() => page.getByTestId('my-workshop').count(), UI).toBe(1);
    expect(await page.getByTestId('my-workshop').textContent()).toContain('druga tura');
  });

  it('tells plainly to keep the facilitator link, and lists the workshop as soon as it is created', async () => {
    const { page } = await e2e.newPage();
    await page.goto(e2e.server().url);
    await page.getByTestId('create-title').fill('Nowy');
    await page.getByTestId('create-submit').click();
    await page.getByTestId('keep-facilitator-link').waitFor(UI);
    expect(await page.getByTestId('keep-facilitator-link').textContent()).toContain('Zachowaj link');
    // Issue #16: listed at once, before its console was ever opened, so closing this tab loses nothing.
    const link = (await page.getByTestId('link-facilitator').getAttribute('href')) ?? '';
    const item = page.getByTestId('my-workshop');
    await expect.poll(() => item.count(), UI).toBe(1);
    expect(await item.getByTestId('my-workshop-open').textContent()).toBe('Nowy');
    expect(await item.getByTestId('phase').getAttribute('data-phase')).toBe('lobby');
    expect(await item.getByTestId('my-workshop-open').getAttribute('href')).toBe(new URL(link).pathname);
    expect(await axeViolations(page)).toEqual([]);
    await page.reload();
    await expect.poll(() => page.getByTestId('my-workshop').count(), UI).toBe(1);
    await page.getByTestId('my-workshop-open').click();
    await page.getByTestId('console-view-prepare').waitFor(UI);
    await expect.poll(() => page.locator('h1').textContent(), UI).toBe('Nowy');
  });
});
