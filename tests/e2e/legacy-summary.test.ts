import { addCard, docNameFor } from '@warsztat/shared';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { deepSummary } from '../helpers/hostileUpdates.js';
import { api, createWorkshop, joinWorkshop } from '../helpers/server.js';
import { UI, useE2E } from './harness.js';

/**
 * Issue #14, "one message bricks a group for good": a summary nested thousands of levels deep made
 * the board and the projector's spotlight go blank ("Maximum call stack size exceeded"). The server
 * now refuses such updates, but a board stored before that limit may still hold one. Seeded here
 * straight into the store (as such a legacy row is, past the sync plane's guard), it must not
 * brick anything: the board and the spotlight show its text flat, read-only, with a note, and the
 * rest of the board works.
 */
const e2e = useE2E();
const LEVELS = 5_000;
const MARKER = 'na samym dnie';

const section = (page: Page, id: string) => page.locator(`[data-testid="section"][data-section-id="${id}"]`);
// A card reads as text until tapped (issue #20), and is a textarea while open.
const cardTexts = (page: Page) =>
  page
    .getByTestId('card-text')
    .evaluateAll((els) => els.map((e) => (e instanceof HTMLTextAreaElement ? e.value : (e.textContent ?? ''))));

describe('a legacy board with a summary nested past the depth limit', () => {
  it('renders on the board and the projector, flat and read-only with a note, and other cards still work', async () => {
    const url = e2e.server().url;
    const created = await createWorkshop(url, { title: 'Stara tablica', template: 'di-5' });
    const run = async (body: unknown) => {
      const answer = await api(url, 'POST', `/api/workshops/${created.id}/commands`, {
        token: created.facilitatorToken,
        body,
      });
      expect(answer.status, answer.text).toBe(200);
      return answer.body as { participants: Array<{ id: string; groupId: string | null }> };
    };
    const anna = await joinWorkshop(url, created.joinCode, 'Anna K.');
    const piotr = await joinWorkshop(url, created.joinCode, 'Piotr W.');
    const state = await run({ type: 'assign', mode: 'auto' });
    const groupId = state.participants.find((p) => p.id === anna.participantId)?.groupId ?? '';
    await run({ type: 'move', participantId: piotr.participantId, groupId });
    await run({ type: 'phase', to: 'breakout', minutes: 30 });

    // The legacy row: a card and a summary of 5,000 nested blockquotes, written to the store
    // directly before anyone opened the board.
    const legacy = new Y.Doc();
    Y.applyUpdate(legacy, deepSummary(LEVELS, MARKER));
    addCard(legacy, { sectionId: 'needs', text: 'Karta sprzed limitu' });
    const update = Y.encodeStateAsUpdate(legacy);
    expect(update.byteLength).toBeGreaterThan(50_000);
    await e2e.server().store.appendUpdates(docNameFor(created.id, groupId), [update]);

    const pages: Page[] = [];
    for (const who of [anna, piotr]) {
      const { page } = await e2e.newPage();
      await page.goto(new URL(who.links.board, url).href);
      await expect.poll(() => page.getByTestId('sync-status').getAttribute('data-status'), UI).toBe('connected');
      pages.push(page);
    }
    const [annaPage, piotrPage] = pages as [Page, Page];
    // The board is there: its card, and the summary's text with the note, never TipTap.
    await expect.poll(() => cardTexts(annaPage), UI).toContain('Karta sprzed limitu');
    const summary = annaPage.getByTestId('summary');
    await summary.getByTestId('summary-too-deep').waitFor(UI);
    expect(await summary.textContent()).toContain(MARKER);
    expect(await summary.getByTestId('summary-too-deep').textContent()).toContain('zbyt głęboko');
    // Read-only: nothing offers to open the editor (anyone may write while there is no rapporteur).
    expect(await summary.getByRole('textbox').count()).toBe(0);
    await summary.click();
    expect(await annaPage.locator('.ProseMirror').count()).toBe(0);

    // Other cards still work both ways.
    await section(annaPage, 'needs').getByTestId('add-card').click();
    await annaPage.keyboard.type('Nowa karta Anny');
    await expect.poll(() => cardTexts(piotrPage), UI).toContain('Nowa karta Anny');

    // The projector's spotlight on this group: the cards and the flat summary with the note.
    await run({ type: 'phase', to: 'plenary' });
    await run({ type: 'phase', to: 'presenting', groupId });
    const { page: projector } = await e2e.newPage({ width: 1920, height: 1080 });
    await projector.goto(`${url}/p/${created.projectorToken}`);
    const spotlight = projector.getByTestId('projector-spotlight');
    await spotlight.waitFor(UI);
    await expect
      .poll(() => spotlight.getByTestId('card-text').allTextContents(), UI)
      .toEqual(expect.arrayContaining(['Karta sprzed limitu', 'Nowa karta Anny']));
    await spotlight.getByTestId('summary-too-deep').waitFor(UI);
    expect(await spotlight.getByTestId('projector-summary-text').textContent()).toContain(MARKER);

    await e2e.shot(annaPage, 'legacy-summary-board');
    await e2e.shot(projector, 'legacy-summary-projector');
    expect([...e2e.pageErrors, ...e2e.cspViolations]).toEqual([]);
  }, 120_000);
});
