import type { Command, WorkshopState } from '@warsztat/shared';
import { addPlenaryItem } from '@warsztat/shared';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { Cleanup } from '../helpers/cleanup.js';
import { openBoard } from '../helpers/provider.js';
import { api, createWorkshop, joinWorkshop, runCommand } from '../helpers/server.js';
import { axeViolations } from './axe.js';
import { UI, useE2E } from './harness.js';

/**
 * Issue #20, the screens the room sees: a message that leaves the projector and the phones when
 * the phase changes, the agenda following the phase, and the report's date after the demo agenda.
 */
const PHONE = { width: 360, height: 740 };
const WALL = { width: 1920, height: 1080 };
const LAPTOP = { width: 1366, height: 768 };

describe('the room in Chromium: messages, agenda and report date', () => {
  const e2e = useE2E();
  const cleanup = new Cleanup();
  afterAll(() => cleanup.run());

  async function room(date = '2026-12-03') {
    const url = e2e.server().url;
    const w = await createWorkshop(url, { title: 'Plan DI — powiat hajnowski', date });
    const halina = await joinWorkshop(url, w.joinCode, 'Halina Nowak', { orgType: 'seniorCouncil' });
    const run = (command: Command) => runCommand(url, w.id, w.facilitatorToken, command);
    const open = async (path: string, size: { width: number; height: number }): Promise<Page> => {
      const { page } = await e2e.newPage(size);
      await page.goto(new URL(path, url).href);
      return page;
    };
    return { url, w, halina, run, open };
  }

  it('takes a message off the projector and the phone when the phase changes', async () => {
    const { w, halina, run, open } = await room();
    await run({ type: 'assign', mode: 'auto' });
    await run({ type: 'phase', to: 'breakout', minutes: 30 });
    const projector = await open(`/p/${w.projectorToken}`, WALL);
    const phone = await open(`/b/${halina.token}`, PHONE);
    const facilitator = await open(`/f/${w.facilitatorToken}`, LAPTOP);

    await facilitator.getByTestId('broadcast-text').fill('Zostało 10 minut');
    // A message about the time ticks "about the time" by itself.
    expect(await facilitator.getByTestId('broadcast-about-timer').isChecked()).toBe(true);
    await facilitator.getByTestId('broadcast-send').click();
    for (const page of [projector, phone]) {
      await expect
        .poll(() => page.getByTestId('broadcast-message').allTextContents(), UI)
        .toEqual([expect.stringContaining('Zostało 10 minut')]);
    }
    await expect.poll(() => facilitator.getByTestId('broadcast-active').count(), UI).toBe(1);
    // The phone's sticky bar holds the message within the first screen.
    const box = await phone.getByTestId('broadcast-message').boundingBox();
    expect(box && box.y + box.height <= PHONE.height).toBe(true);
    expect(await axeViolations(facilitator)).toEqual([]);
    expect(await axeViolations(phone)).toEqual([]);

    // Extending the timer takes the timer message away; an ordinary one stays, until "Usuń".
    await facilitator.getByTestId('broadcast-text').fill('Kawa czeka przy wejściu');
    expect(await facilitator.getByTestId('broadcast-about-timer').isChecked()).toBe(false);
    await facilitator.getByTestId('broadcast-send').click();
    await run({ type: 'timer', action: 'extend', minutes: 5 });
    for (const page of [projector, phone]) {
      await expect
        .poll(() => page.getByTestId('broadcast-message').allTextContents(), UI)
        .toEqual([expect.stringContaining('Kawa czeka')]);
    }
    await facilitator.getByTestId('broadcast-remove').click();
    await expect.poll(() => projector.getByTestId('broadcast-message').count(), UI).toBe(0);

    // A phase change clears what is left, on every screen.
    await run({ type: 'broadcast', text: 'Zapiszcie rekomendacje', groupId: null });
    await expect.poll(() => phone.getByTestId('broadcast-message').count(), UI).toBe(1);
    await expect.poll(() => projector.getByTestId('broadcast-message').count(), UI).toBe(1);
    await run({ type: 'phase', to: 'plenary' });
    for (const page of [projector, phone, facilitator]) {
      await expect.poll(() => page.getByTestId('broadcast-message').count(), UI).toBe(0);
    }
    await expect.poll(() => facilitator.getByTestId('broadcast-active').count(), UI).toBe(0);
    // Back in plenary the phone says where to look.
    await phone.getByTestId('look-at-screen').waitFor(UI);
    expect(await phone.getByTestId('look-at-screen').textContent()).toBe('Patrz na ekran sali');
    await e2e.shot(phone, 'room-phone-plenary');
    await e2e.shot(projector, 'room-projector-plenary');
    expect(await axeViolations(projector)).toEqual([]);
    expect(await axeViolations(phone)).toEqual([]);
    expect(e2e.pageErrors).toEqual([]);
  });

  it('moves "Teraz" along the agenda as the phase changes, on the projector and the phone', async () => {
    const { w, halina, run, open } = await room();
    const facilitator = await open(`/f/${w.facilitatorToken}`, LAPTOP);
    const projector = await open(`/p/${w.projectorToken}`, WALL);
    const phone = await open(`/b/${halina.token}`, PHONE);
    await facilitator.getByTestId('agenda-demo').click();
    await expect.poll(() => facilitator.getByTestId('agenda-item').count(), UI).toBe(7);
    await facilitator.getByTestId('agenda-start').first().click();
    const now = (page: Page) => page.getByTestId('current-agenda-item').textContent();
    await expect.poll(() => now(projector), UI).toContain('Powitanie i cel spotkania');

    await run({ type: 'assign', mode: 'auto' });
    await run({ type: 'phase', to: 'breakout', minutes: 30 });
    for (const page of [projector, phone]) {
      await expect.poll(() => now(page), UI).toContain('Praca w grupach: obszary deinstytucjonalizacji');
    }
    await run({ type: 'phase', to: 'plenary' });
    const state = await run({ type: 'phase', to: 'presenting', groupId: (await groups(run))[0] ?? '' });
    expect(state.currentAgendaItemId).toBe(state.agenda.find((i) => i.kind === 'plenary')?.id);
    for (const page of [projector, phone, facilitator]) {
      await expect.poll(() => now(page), UI).toContain('Prezentacja wypracowanych materiałów');
    }
    await run({ type: 'phase', to: 'discussion' });
    await expect.poll(() => now(phone), UI).toContain('Rola RKRES, OWES i ROPS');
    // No breakout ahead any more: the item stays and the console asks which one runs now.
    await run({ type: 'phase', to: 'plenary' });
    await run({ type: 'phase', to: 'breakout', minutes: 5 });
    // The agenda is in the Prepare view; breakout brought the console to Run (issue #16).
    await facilitator.getByTestId('view-prepare').click();
    await facilitator.getByTestId('agenda-mismatch').waitFor(UI);
    expect(await now(phone)).toContain('Rola RKRES, OWES i ROPS');

    // Every field of an item is edited in place, and replacing the agenda asks first.
    const title = facilitator.getByTestId('agenda-title').nth(1);
    await title.fill('Statystyka ES w powiecie');
    await title.press('Enter');
    await facilitator.getByTestId('agenda-speakers').nth(1).fill('Anna K., Jan N.');
    await facilitator.getByTestId('agenda-speakers').nth(1).press('Enter');
    await facilitator.getByTestId('agenda-kind').nth(1).selectOption('panel');
    await facilitator.getByTestId('agenda-starts-at-input').first().fill('09:30');
    await facilitator.getByTestId('agenda-starts-at-input').first().press('Enter');
    await expect
      .poll(async () => (await run({ type: 'selfSelect', enabled: false })).agenda[1], UI)
      .toMatchObject({
        title: 'Statystyka ES w powiecie',
        speakers: ['Anna K.', 'Jan N.'],
        kind: 'panel',
        startsAt: '09:40',
      });
    await facilitator.getByTestId('agenda-demo').click();
    await facilitator.getByTestId('agenda-replace-confirm').waitFor(UI);
    expect(await axeViolations(facilitator)).toEqual([]);
    await facilitator.getByRole('button', { name: 'Anuluj' }).click();
    expect((await run({ type: 'selfSelect', enabled: false })).agenda[1]?.title).toBe('Statystyka ES w powiecie');
    await e2e.shot(facilitator, 'room-console-agenda');
    expect(await axeViolations(projector)).toEqual([]);
    expect(await axeViolations(phone)).toEqual([]);
    expect(e2e.pageErrors).toEqual([]);
  });

  it('dates the report by the workshop, not by the demo agenda', async () => {
    const { url, w, open } = await room('2026-12-03');
    const facilitator = await open(`/f/${w.facilitatorToken}`, LAPTOP);
    await facilitator.getByTestId('agenda-demo').click();
    await expect.poll(() => facilitator.getByTestId('agenda-item').count(), UI).toBe(7);
    expect(await facilitator.getByTestId('agenda-day-date').inputValue()).toBe('2026-12-03');
    const report = await api(url, 'GET', `/api/workshops/${w.id}/report?format=md`, { token: w.facilitatorToken });
    expect(report.status).toBe(200);
    expect(report.text).toContain('3 grudnia 2026');
    expect(report.text).not.toContain('2022');
    // The day's date stays editable; a second day of the facilitator's own makes the range.
    await facilitator.getByTestId('agenda-day-date').fill('2026-12-04');
    await expect
      .poll(
        async () =>
          (await api(url, 'GET', `/api/workshops/${w.id}/report?format=md`, { token: w.facilitatorToken })).text,
        UI,
      )
      .toContain('3–4 grudnia 2026');
    expect(await axeViolations(facilitator)).toEqual([]);
    expect(e2e.pageErrors).toEqual([]);
  });
});

describe('the room vote on a phone', () => {
  const e2e = useE2E();
  const cleanup = new Cleanup();
  afterAll(() => cleanup.run());

  it('says so when a vote is refused, with worded buttons of at least 44 px', async () => {
    const url = e2e.server().url;
    const w = await createWorkshop(url, { title: 'Głosowanie', date: '2026-12-03' });
    const halina = await joinWorkshop(url, w.joinCode, 'Halina Nowak');
    const run = (command: Command) => runCommand(url, w.id, w.facilitatorToken, command);
    await run({ type: 'assign', mode: 'auto' });
    const state = await run({ type: 'phase', to: 'plenary' });
    const plenary = (await openBoard(cleanup, e2e.server().port, state.plenary.docName, w.facilitatorToken)).doc;
    for (const text of ['Mieszkania wspomagane', 'Asystencja osobista']) addPlenaryItem(plenary, { text });
    await run({ type: 'plenary', action: 'settings', budget: 1, votingOpen: true });
    const { page: phone } = await e2e.newPage(PHONE);
    await phone.goto(`${url}/b/${halina.token}`);
    await expect.poll(() => phone.getByTestId('vote-item').count(), UI).toBe(2);
    const plus = phone.getByTestId('vote-plus');
    expect((await plus.first().textContent())?.trim()).toMatch(/^Głosuj/);
    const heights = await plus.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height));
    expect(Math.min(...heights)).toBeGreaterThanOrEqual(44);

    await plus.first().click();
    await expect.poll(() => phone.getByTestId('plenary-votes-left').textContent(), UI).toContain('0 z 1');
    expect(await phone.getByTestId('vote-refusal').textContent()).toBe('');
    // The budget is spent: the button says it is unavailable and a click is answered in words.
    expect(await plus.nth(1).getAttribute('aria-disabled')).toBe('true');
    // (Playwright will not click an aria-disabled button; a person can, and so can the keyboard.)
    await plus.nth(1).focus();
    await phone.keyboard.press('Enter');
    await expect.poll(() => phone.getByTestId('vote-refusal').textContent(), UI).toContain('Nie masz już głosów');
    expect(await phone.getByTestId('vote-refusal').evaluate((e) => e.tagName)).toBe('OUTPUT');
    // Taking back a vote one never gave is refused in words too.
    await phone.getByTestId('vote-minus').nth(1).focus();
    await phone.keyboard.press('Enter');
    await expect.poll(() => phone.getByTestId('vote-refusal').textContent(), UI).toContain('Nie oddałeś');
    await e2e.shot(phone, 'room-phone-vote-refused');
    expect(await axeViolations(phone)).toEqual([]);
    expect(e2e.pageErrors).toEqual([]);
  });
});

async function groups(run: (c: Command) => Promise<WorkshopState>): Promise<string[]> {
  return (await run({ type: 'selfSelect', enabled: false })).groups.map((g) => g.id);
}
