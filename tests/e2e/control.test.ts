import type { CreateWorkshopAnswer, JoinAnswer } from '@warsztat/shared';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { UI, useE2E } from './harness.js';

/**
 * Running the room in Chromium: agenda, assignment (preview, apply, drag and drop), a timer seen
 * by a participant whose clock is 10 minutes behind, broadcast, a help request and the recall.
 */
/** Anna's laptop clock is this far behind the server's. */
const SKEW_MS = -10 * 60_000;

async function post<T>(url: string, body: unknown): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (response.status !== 201) throw new Error(`${url}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

describe('running the room in Chromium', () => {
  const e2e = useE2E();
  const { shot } = e2e;

  async function open(path: string, options: { width?: number; height?: number; skewMs?: number } = {}): Promise<Page> {
    const { page } = await e2e.newPage({ height: 900, ...options });
    await page.goto(new URL(path, e2e.server().url).href);
    return page;
  }

  it('runs agenda → preview and assign → drag → skewed timer → broadcast → help → recall', async () => {
    const w = await post<CreateWorkshopAnswer>(`${e2e.server().url}/api/workshops`, { title: 'RKRES — warsztat' });
    const anna = await post<JoinAnswer>(`${e2e.server().url}/api/join`, {
      joinCode: w.joinCode,
      name: 'Anna K.',
      orgType: 'ops',
    });
    const piotr = await post<JoinAnswer>(`${e2e.server().url}/api/join`, {
      joinCode: w.joinCode,
      name: 'Piotr W.',
      orgType: 'pes',
    });

    // Tall enough that the group columns need no scrolling while dragging.
    const facilitator = await open(`/f/${w.facilitatorToken}`, { width: 1400, height: 3200 });
    const projector = await open(`/p/${w.projectorToken}`, { width: 1920 });
    const annaPage = await open(`/b/${anna.token}`, { width: 390, skewMs: SKEW_MS });
    await annaPage.getByTestId('waiting-room').waitFor(UI);

    // Agenda: the demo program; starting its first item shows it on the projector.
    await facilitator.getByTestId('agenda-demo').click();
    await expect.poll(() => facilitator.getByTestId('agenda-item').count(), UI).toBe(7);
    await facilitator.getByTestId('agenda-start').first().click();
    await expect
      .poll(() => projector.getByTestId('current-agenda-item').textContent(), UI)
      .toContain('Powitanie i cel spotkania');
    await expect
      .poll(() => facilitator.locator('[data-testid="agenda-item"][aria-current="step"]').count(), UI)
      .toBe(1);
    // A second day, opened from the console: a study visit at the day's default start.
    await facilitator.getByTestId('agenda-add-day').selectOption('1');
    await facilitator.getByPlaceholder('Nowy punkt programu').fill('Wizyta studyjna online');
    // Every item now has its own kind field ("Rodzaj punktu: …"): the new item's is the one named just "Rodzaj".
    await facilitator.getByLabel('Rodzaj', { exact: true }).selectOption('study-visit');
    await facilitator.getByPlaceholder('Nowy punkt programu').press('Enter');
    await expect.poll(() => facilitator.getByTestId('agenda-item').count(), UI).toBe(8);
    await expect.poll(() => facilitator.getByTestId('agenda-panel').textContent(), UI).toContain('Dzień 2');

    // Assignment: preview first (nothing stored), then apply.
    await facilitator.getByTestId('assign-preview').click();
    await expect.poll(() => facilitator.getByTestId('preview-row').count(), UI).toBe(2);
    expect(await facilitator.getByTestId('member-name').count()).toBe(0);
    await facilitator.getByTestId('assign-apply').click();
    await expect.poll(() => facilitator.getByTestId('member-name').count(), UI).toBe(2);

    // Drag Piotr into Anna's group with the mouse (dnd-kit pointer sensor).
    const annaGroup =
      (await facilitator
        .locator(`[data-testid="group-column"]:has([data-participant-id="${anna.participantId}"])`)
        .getAttribute('data-group-id')) ?? '';
    const annaColumn = facilitator.locator(`[data-testid="group-column"][data-group-id="${annaGroup}"]`);
    const piotrItem = facilitator.locator(
      `[data-testid="group-column"] [data-participant-id="${piotr.participantId}"]`,
    );
    // Measure only once the layout is still: the preview table folds away after "apply".
    await facilitator.getByTestId('assign-preview-table').waitFor({ state: 'detached', ...UI });
    await piotrItem.scrollIntoViewIfNeeded();
    const from = await piotrItem.boundingBox();
    const to = await annaColumn.boundingBox();
    if (!from || !to) throw new Error('no boxes to drag between');
    await facilitator.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await facilitator.mouse.down();
    await facilitator.mouse.move(from.x + from.width / 2 + 10, from.y + from.height / 2 + 10, { steps: 3 });
    await expect.poll(() => piotrItem.getAttribute('class'), UI).toContain('member--dragging');
    // Hover over the target until dnd-kit reports it under the pointer (a busy machine renders late),
    // nudging the pointer a pixel each round so a fresh pointermove is always the latest event.
    // The target is measured again each round: panels above it may still be settling while we drag.
    for (let i = 0; i < 100; i++) {
      const target = (await annaColumn.boundingBox()) ?? to;
      await facilitator.mouse.move(target.x + target.width / 2 + (i % 2), target.y + target.height / 3, {
        steps: i === 0 ? 10 : 1,
      });
      if ((await annaColumn.getAttribute('class'))?.includes('group-column--over')) break;
      await facilitator.waitForTimeout(100);
    }
    expect(await annaColumn.getAttribute('class')).toContain('group-column--over');
    await facilitator.mouse.up();
    await expect
      .poll(() => annaColumn.getByTestId('member-name').allTextContents(), UI)
      .toEqual(expect.arrayContaining(['Anna K.', 'Piotr W.']));

    // Timer: a one-minute breakout; Anna's clock is 10 minutes behind, yet she sees under a minute.
    const groupName = (await annaColumn.locator('h3').first().textContent())?.trim() ?? '';
    // Links and group columns are in the Prepare view, which breakout leaves for Run (issue #16).
    const coLink = await facilitator.getByTestId('link-cofacilitator').getAttribute('href');
    await facilitator.getByTestId('breakout-minutes').fill('1');
    await facilitator.getByTestId('start-breakout').click();
    await annaPage.getByTestId('board').waitFor(UI);
    const annaTimer = annaPage.getByTestId('timer');
    await expect.poll(() => annaTimer.getAttribute('data-last-minute'), UI).toBe('true');
    const remaining = Number(await annaTimer.getAttribute('data-remaining-ms'));
    expect(remaining).toBeGreaterThan(30_000);
    expect(remaining).toBeLessThanOrEqual(60_000);
    expect(await annaTimer.locator('.timer-digits').textContent()).toMatch(/^0[01]:\d\d$/);
    await shot(annaPage, 'control-01-participant-timer');

    // Broadcast to all groups: the participant and the projector show it.
    await facilitator.getByTestId('broadcast-text').fill('Zostało 5 minut — zapiszcie rekomendacje');
    await facilitator.getByTestId('broadcast-send').click();
    for (const page of [annaPage, projector]) {
      await expect
        .poll(() => page.getByTestId('broadcast-message').allTextContents(), UI)
        .toEqual([expect.stringContaining('Zostało 5 minut')]);
    }

    // Help: Anna's group asks, with a word on what for; the facilitator sees the group's name and
    // the message, and acknowledges.
    // Help is one button; the message is asked for after the tap.
    await annaPage.getByTestId('help-request-button').click();
    await annaPage.getByTestId('help-text').fill('Nie wiemy, co wpisać w luki');
    await annaPage.getByTestId('help-text').press('Enter');
    const request = facilitator.getByTestId('help-request');
    await expect.poll(() => request.count(), UI).toBe(1);
    expect(await request.textContent()).toContain(groupName);
    expect(await request.textContent()).toContain('Nie wiemy, co wpisać w luki');
    // Sent: the message field closes and the phone says the request is on its way.
    expect(await annaPage.getByTestId('help-text').count()).toBe(0);
    expect(await annaPage.getByTestId('help-status').getAttribute('data-acknowledged')).toBe('false');
    // The co-facilitator's console gets the same request, and has no button to close the workshop.
    const coFacilitator = await open(new URL(coLink ?? '', e2e.server().url).pathname);
    await expect.poll(() => coFacilitator.getByTestId('help-request').textContent(), UI).toContain(groupName);
    expect(await coFacilitator.getByTestId('close-workshop').count()).toBe(0);
    await shot(facilitator, 'control-02-console-help');
    await request.getByTestId('help-ack').click();
    await expect.poll(() => annaPage.getByTestId('help-status').getAttribute('data-acknowledged'), UI).toBe('true');
    await expect.poll(() => facilitator.getByTestId('help-request').count(), UI).toBe(0);

    // A reload (or a lost Wi-Fi) brings Anna back to the same group, with nothing retyped.
    await annaPage.reload();
    await expect.poll(() => annaPage.getByTestId('group-name').textContent(), UI).toBe(groupName);
    await annaPage.getByTestId('board').waitFor(UI);

    // Recall: a 5-second countdown on every screen, then plenary by itself.
    await facilitator.getByTestId('recall-seconds').fill('5');
    await facilitator.getByTestId('recall').click();
    await annaPage.getByTestId('recall-countdown').waitFor(UI);
    await projector.getByTestId('recall-countdown').waitFor(UI);
    await shot(projector, 'control-03-projector-recall');
    for (const page of [facilitator, annaPage, projector]) {
      await expect
        .poll(() => page.getByTestId('phase').getAttribute('data-phase'), { timeout: 15_000 })
        .toBe('plenary');
    }
    expect(await annaPage.getByTestId('recall-countdown').count()).toBe(0);
    expect(e2e.cspViolations).toEqual([]);
    expect(e2e.pageErrors).toEqual([]);
  }, 120_000);
});
