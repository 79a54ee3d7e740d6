import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { UI, useE2E } from './harness.js';

/**
 * The walking skeleton, end to end: a facilitator, two participants and a projector, each in
 * its own browser context, run a whole workshop — including a server restart in the middle.
 */
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

describe('a whole workshop in Chromium', () => {
  const e2e = useE2E();
  const newPage = async (width = 1280, height = 800) => (await e2e.newPage({ width, height })).page;
  const { shot } = e2e;

  it('runs create → join → assign → breakout → live board → plenary spotlight → restart', async () => {
    // 1. The facilitator creates a workshop and gets three links.
    const facilitator = await newPage();
    await facilitator.goto(e2e.server().url);
    await facilitator.getByTestId('create-title').fill('Plan deinstytucjonalizacji — warsztat');
    await facilitator.getByTestId('create-template').selectOption('di-5');
    await facilitator.getByTestId('create-submit').click();
    const joinCode = (await facilitator.getByTestId('join-code-display').textContent(UI))?.trim() ?? '';
    expect(joinCode).toMatch(/^[A-Z0-9]{6}$/);
    const consoleLink = await facilitator.getByTestId('link-facilitator').getAttribute('href');
    const joinLink = await facilitator.getByTestId('link-join').getAttribute('href');
    const projectorLink = await facilitator.getByTestId('link-projector').getAttribute('href');
    expect(consoleLink && joinLink && projectorLink).toBeTruthy();
    await shot(facilitator, '01-created');

    await facilitator.goto(new URL(consoleLink ?? '', e2e.server().url).href);
    const projector = await newPage(1920, 1080);
    await projector.goto(new URL(projectorLink ?? '', e2e.server().url).href);
    await projector.getByTestId('projector').waitFor(UI);

    // 2. Two participants join: one from the link, one by typing the code; both wait live.
    const anna = await newPage(390, 844);
    await anna.goto(new URL(joinLink ?? '', e2e.server().url).href);
    await expect.poll(() => anna.getByTestId('join-code').inputValue(), UI).toBe(joinCode);
    await anna.getByTestId('join-name').fill('Anna K.');
    await anna.getByTestId('join-organisation').fill('GOPS Supraśl');
    await anna.getByTestId('join-orgtype').selectOption('ops');
    await anna.getByTestId('join-submit').click();
    await anna.getByTestId('waiting-room').waitFor(UI);

    const piotr = await newPage();
    await piotr.goto(new URL('/j', e2e.server().url).href);
    await piotr.getByTestId('join-name').fill('Piotr W.');
    await piotr.getByTestId('join-code').fill('ZZZZZZ');
    await piotr.getByTestId('join-submit').click();
    await piotr.getByTestId('form-error').waitFor(UI);
    await piotr.getByTestId('join-code').fill(joinCode.toLowerCase());
    await piotr.getByTestId('join-orgtype').selectOption('pes');
    await piotr.getByTestId('join-submit').click();
    await piotr.getByTestId('waiting-room').waitFor(UI);
    await expect
      .poll(() => anna.getByTestId('participant-name').allTextContents(), UI)
      .toEqual(expect.arrayContaining(['Anna K.', 'Piotr W.']));
    await shot(anna, '02-waiting-room');

    // 3. The facilitator sees both, auto-assigns, then puts Piotr in Anna's group by hand.
    await expect.poll(() => facilitator.getByTestId('participant-row').count(), UI).toBe(2);
    await facilitator.getByTestId('auto-assign').click();
    await expect.poll(() => facilitator.getByTestId('member-name').count(), UI).toBe(2);
    const annaRow = facilitator.getByTestId('participant-row').filter({ hasText: 'Anna K.' });
    const piotrRow = facilitator.getByTestId('participant-row').filter({ hasText: 'Piotr W.' });
    await expect.poll(() => annaRow.getByTestId('move-select').inputValue(), UI).not.toBe('');
    const annaGroup = await annaRow.getByTestId('move-select').inputValue();
    await piotrRow.getByTestId('move-select').selectOption(annaGroup);
    const annaColumn = facilitator.locator(`[data-testid="group-column"][data-group-id="${annaGroup}"]`);
    await expect
      .poll(() => annaColumn.getByTestId('member-name').allTextContents(), UI)
      .toEqual(expect.arrayContaining(['Anna K.', 'Piotr W.']));
    const groupName = (await annaColumn.locator('h2, h3').first().textContent())?.trim() ?? '';
    await facilitator.getByTestId('breakout-minutes').fill('25');
    await facilitator.getByTestId('start-breakout').click();
    await expect.poll(() => facilitator.getByTestId('phase').getAttribute('data-phase'), UI).toBe('breakout');
    await shot(facilitator, '03-console-breakout');

    // 4. Both land on their group's board with the four DI sections and edit it live.
    for (const page of [anna, piotr]) {
      await page.getByTestId('board').waitFor(UI);
      await expect
        .poll(
          () => page.getByTestId('section').evaluateAll((els) => els.map((e) => e.getAttribute('data-section-id'))),
          UI,
        )
        .toEqual(['needs', 'resources', 'gaps', 'recommendations']);
      await expect.poll(() => page.getByTestId('sync-status').getAttribute('data-status'), UI).toBe('connected');
    }
    const needs = (page: Page) => page.locator('[data-testid="section"][data-section-id="needs"]');
    // A card reads as text until tapped (issue #20), and is a textarea while open.
    const words = (field: Locator) =>
      field.evaluate((e) => (e instanceof HTMLTextAreaElement ? e.value : (e.textContent ?? '')));
    await needs(anna).getByTestId('add-card').click();
    await needs(anna).getByTestId('card-text').last().fill('Usługi opiekuńcze w weekendy');
    await expect
      .poll(() => words(needs(piotr).getByTestId('card-text').first()), UI)
      .toBe('Usługi opiekuńcze w weekendy');

    // Piotr taps Anna's card to open it, then writes.
    await needs(piotr).getByTestId('card-view').first().click();
    await needs(piotr).locator('textarea[data-testid="card-text"]').fill('Usługi opiekuńcze w weekendy i święta');
    await expect
      .poll(() => words(needs(anna).getByTestId('card-text').first()), UI)
      .toBe('Usługi opiekuńcze w weekendy i święta');

    const gaps = (page: Page) => page.locator('[data-testid="section"][data-section-id="gaps"]');
    await gaps(piotr).getByTestId('add-card').click();
    await gaps(piotr).getByTestId('card-text').last().fill('<b>Brak</b> opiekunów wytchnieniowych');
    await expect.poll(() => gaps(anna).getByTestId('card-text').count(), UI).toBe(1);
    await expect
      .poll(() => words(gaps(anna).getByTestId('card-text').first()), UI)
      .toBe('<b>Brak</b> opiekunów wytchnieniowych');
    await needs(anna).getByTestId('add-card').click();
    await needs(anna).getByTestId('card-text').last().fill('Do usunięcia');
    await expect.poll(() => needs(piotr).getByTestId('card').count(), UI).toBe(2);
    await needs(anna).getByTestId('card').last().getByTestId('delete-card').click();
    await expect.poll(() => needs(piotr).getByTestId('card').count(), UI).toBe(1);
    await shot(anna, '04-board-phone');
    await shot(piotr, '05-board');

    // 5. Back to plenary; the facilitator spotlights the group and the projector shows its board.
    // In breakout the console shows Run, whose one primary action is the way back (issue #16).
    expect(await facilitator.getByTestId('next-step').textContent()).toContain('Wróć do sesji plenarnej');
    await facilitator.getByTestId('next-step').click();
    await expect.poll(() => facilitator.getByTestId('phase').getAttribute('data-phase'), UI).toBe('plenary');
    await facilitator.getByTestId('spotlight-select').selectOption(annaGroup);
    await facilitator.getByTestId('present-group').click();
    await expect.poll(() => facilitator.getByTestId('phase').getAttribute('data-phase'), UI).toBe('presenting');
    await expect
      .poll(async () => (await projector.getByTestId('projector-group-name').textContent())?.trim(), UI)
      .toBe(groupName);
    await expect
      .poll(() => projector.getByTestId('card-text').allTextContents(), UI)
      .toEqual(
        expect.arrayContaining(['Usługi opiekuńcze w weekendy i święta', '<b>Brak</b> opiekunów wytchnieniowych']),
      );
    // Markup typed into a card is shown literally, never rendered.
    expect(await projector.locator('[data-testid="card-text"] b').count()).toBe(0);
    await shot(projector, '06-projector');
    // Readable from the back of the room: WCAG 2.2 AA, contrast included, on the spotlighted board.
    await projector.evaluate(axeSource);
    const violations = await projector.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: () => Promise<{ violations: unknown[] }> } }).axe;
      return (await axe.run()).violations;
    });
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);

    // 6. Restart the server on the same port and store: everything is still there and the open
    // browsers reconnect by themselves.
    await e2e.restartServer(async () => {
      await expect.poll(() => anna.getByTestId('sync-status').getAttribute('data-status'), UI).not.toBe('connected');
    });
    for (const page of [anna, piotr]) {
      await expect
        .poll(() => page.getByTestId('sync-status').getAttribute('data-status'), { timeout: 20_000 })
        .toBe('connected');
    }
    await expect
      .poll(() => words(needs(anna).getByTestId('card-text').first()), UI)
      .toBe('Usługi opiekuńcze w weekendy i święta');
    await needs(anna).getByTestId('add-card').click();
    await needs(anna).getByTestId('card-text').last().fill('Po restarcie');
    await expect
      .poll(
        () =>
          needs(piotr)
            .getByTestId('card-text')
            .evaluateAll((els) => els.map((e) => (e instanceof HTMLTextAreaElement ? e.value : (e.textContent ?? '')))),
        UI,
      )
      .toContain('Po restarcie');
    await expect
      .poll(() => projector.getByTestId('card-text').allTextContents(), { timeout: 20_000 })
      .toContain('Po restarcie');

    await facilitator.reload();
    await expect.poll(() => facilitator.getByTestId('phase').getAttribute('data-phase'), UI).toBe('presenting');
    // The groups' members are in the Prepare view.
    await facilitator.getByTestId('view-prepare').click();
    await expect
      .poll(() => annaColumn.getByTestId('member-name').allTextContents(), UI)
      .toEqual(expect.arrayContaining(['Anna K.', 'Piotr W.']));
    await shot(facilitator, '07-console-after-restart');
    // Everything above ran under the server's strict Content-Security-Policy without a violation.
    expect(e2e.cspViolations).toEqual([]);
    expect(e2e.pageErrors).toEqual([]);
  }, 180_000);
});
