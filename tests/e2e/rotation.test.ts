import { describe, expect, it } from 'vitest';
import { createWorkshop } from '../helpers/server.js';
import { axeViolations } from './axe.js';
import { UI, useE2E } from './harness.js';

/**
 * Issue #14 in Chromium: the facilitator replaces the projector link from the console (keyboard
 * only, after a confirmation that says the old link stops working), and the projector page open
 * on the old link shows that it was disconnected instead of going blank; the new link works.
 */
describe('rotating the projector link in the browser', () => {
  const e2e = useE2E();

  it('disconnects the open projector with a clear message and hands out a working new link', async () => {
    const url = e2e.server().url;
    const w = await createWorkshop(url, { title: 'Plan DI – zmiana linku' });
    const { page: projector } = await e2e.newPage({ width: 1920, height: 1080 });
    await projector.goto(`${url}/p/${w.projectorToken}`);
    await projector.getByTestId('projector').waitFor(UI);

    const { page: facilitator } = await e2e.newPage();
    await facilitator.goto(`${url}/f/${w.facilitatorToken}`);
    await facilitator.getByTestId('console-view-prepare').waitFor(UI);
    const oldLink = await facilitator.getByTestId('link-projector').getAttribute('href');
    expect(oldLink).toContain(w.projectorToken);

    // Keyboard only: focus the button, Enter opens the question, which takes the focus.
    await facilitator.getByTestId('rotate-projector-open').focus();
    await facilitator.keyboard.press('Enter');
    const confirm = facilitator.getByTestId('rotate-projector-confirm');
    await confirm.waitFor(UI);
    expect(await facilitator.getByTestId('rotate-projector').textContent()).toContain('przestanie działać od razu');
    expect(await confirm.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await axeViolations(facilitator)).toEqual([]);
    await e2e.shot(facilitator, 'rotation-console-confirm');
    // Escape backs out and gives the focus back; nothing was rotated.
    await facilitator.keyboard.press('Escape');
    await facilitator.getByTestId('rotate-projector-open').waitFor(UI);
    expect(await facilitator.getByTestId('rotate-projector-open').evaluate((el) => el === document.activeElement)).toBe(
      true,
    );
    await facilitator.keyboard.press('Enter');
    await confirm.waitFor(UI);
    await facilitator.keyboard.press('Enter');

    await expect
      .poll(() => facilitator.getByTestId('rotate-projector-done').textContent(), UI)
      .toContain('Stary już nie działa');
    await expect.poll(() => facilitator.getByTestId('link-projector').getAttribute('href'), UI).not.toBe(oldLink);
    const newLink = (await facilitator.getByTestId('link-projector').getAttribute('href')) ?? '';
    expect(newLink).not.toContain(w.projectorToken);

    // The open projector was hung up and says so.
    const problem = projector.getByTestId('control-problem');
    await problem.waitFor(UI);
    expect(await problem.textContent()).toContain('zastąpił go nowym');
    await e2e.shot(projector, 'rotation-projector-disconnected');

    // The new link shows the room again.
    await projector.goto(newLink);
    await projector.getByTestId('projector').waitFor(UI);
    expect(await projector.getByTestId('join-code-display').textContent()).toBe(w.joinCode);
    expect(e2e.pageErrors).toEqual([]);
    expect(e2e.cspViolations).toEqual([]);
  });
});
