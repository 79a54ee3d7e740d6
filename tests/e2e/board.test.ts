import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command, WorkshopState } from '@warsztat/shared';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../server/src/index.js';
import { api, createWorkshop, joinWorkshop } from '../helpers/server.js';
import { launchChromium } from './browser.js';

/**
 * The group board in Chromium with two participants on one board: concurrent typing in one
 * card, concurrent moves of one card, undo, dot voting, an offline edit merged after the server
 * comes back, a keyboard-only session and an axe-core scan.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
const clientDist = join(root, 'client', 'dist');
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const UI = { timeout: 10_000 };

interface Room {
  workshopId: string;
  facilitatorToken: string;
  projectorToken: string;
  annaId: string;
  groupId: string;
  anna: Page;
  piotr: Page;
}

describe('the group board in Chromium', () => {
  let dir: string;
  let server: RunningServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];
  const databaseUrl = () => `sqlite:${join(dir, 'board.db')}`;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'warsztat-board-'));
    server = await startServer({ port: 0, databaseUrl: databaseUrl(), clientDist });
    browser = await launchChromium();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function newPage(width = 1280, height = 800): Promise<{ page: Page; context: BrowserContext }> {
    const context = await browser.newContext({ viewport: { width, height }, locale: 'pl-PL' });
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy/i.test(message.text()))
        pageErrors.push(message.text());
    });
    return { page, context };
  }

  const command = async (room: Pick<Room, 'workshopId' | 'facilitatorToken'>, body: Command) => {
    const answer = await api<WorkshopState>(server.url, 'POST', `/api/workshops/${room.workshopId}/commands`, {
      token: room.facilitatorToken,
      body,
    });
    expect(answer.status, answer.text).toBe(200);
    return answer.body;
  };

  /** A fresh workshop with Anna and Piotr in one group, in breakout, each on the board. */
  async function openRoom(annaWidth = 1280): Promise<Room> {
    const created = await createWorkshop(server.url, { title: 'Tablica grupy', template: 'di-5' });
    const room = { workshopId: created.id, facilitatorToken: created.facilitatorToken };
    const anna = await joinWorkshop(server.url, created.joinCode, 'Anna K.');
    const piotr = await joinWorkshop(server.url, created.joinCode, 'Piotr W.');
    const state = await command(room, { type: 'assign', mode: 'auto' });
    const groupId = state.participants.find((p) => p.id === anna.participantId)?.groupId ?? '';
    await command(room, { type: 'move', participantId: piotr.participantId, groupId });
    await command(room, { type: 'phase', to: 'breakout', minutes: 30 });
    const pages: Page[] = [];
    for (const [who, width] of [
      [anna, annaWidth],
      [piotr, 1280],
    ] as const) {
      const { page } = await newPage(width);
      await page.goto(new URL(who.links.board, server.url).href);
      await expect.poll(() => page.getByTestId('sync-status').getAttribute('data-status'), UI).toBe('connected');
      pages.push(page);
    }
    const [annaPage, piotrPage] = pages as [Page, Page];
    return {
      ...room,
      projectorToken: created.projectorToken,
      annaId: anna.participantId,
      groupId,
      anna: annaPage,
      piotr: piotrPage,
    };
  }

  const section = (page: Page, id: string) => page.locator(`[data-testid="section"][data-section-id="${id}"]`);
  const texts = (page: Page) =>
    page.getByTestId('card-text').evaluateAll((els) => els.map((e) => (e as HTMLTextAreaElement).value));
  const sectionOfCard = (page: Page, cardId: string) =>
    page
      .locator(`[data-testid="card"][data-card-id="${cardId}"]`)
      .evaluateAll((els) => els.map((e) => e.closest('[data-testid="section"]')?.getAttribute('data-section-id')));

  /** Anna adds a card in `sectionId` with `text`; resolves with its id once Piotr sees it. */
  async function addCard(room: Room, sectionId: string, text: string): Promise<string> {
    await section(room.anna, sectionId).getByTestId('add-card').click();
    await room.anna.keyboard.type(text);
    const card = section(room.anna, sectionId).getByTestId('card').last();
    const id = (await card.getAttribute('data-card-id')) ?? '';
    await expect.poll(() => texts(room.piotr), UI).toContain(text);
    return id;
  }

  it('keeps both people’s words when they type into the same card at once', async () => {
    const room = await openRoom();
    const id = await addCard(room, 'needs', 'Transport');
    const field = (page: Page) => page.locator(`[data-card-id="${id}"] [data-testid="card-text"]`);
    await field(room.anna).focus();
    await room.anna.keyboard.press('End');
    await field(room.piotr).focus();
    await room.piotr.keyboard.press('Home');
    // Piotr sees that Anna is in this card (presence), shown in the card's header, not over the text.
    await expect.poll(() => room.piotr.getByTestId('card-editing').textContent(), UI).toContain('Anna K.');
    await Promise.all([
      room.anna.keyboard.type(' do lekarza', { delay: 25 }),
      room.piotr.keyboard.type('Dowóz i ', { delay: 25 }),
    ]);
    const expected = 'Dowóz i Transport do lekarza';
    await expect.poll(() => field(room.anna).inputValue(), UI).toBe(expected);
    await expect.poll(() => field(room.piotr).inputValue(), UI).toBe(expected);
  });

  it('converges when both move the same card to different sections at once', async () => {
    const room = await openRoom();
    const id = await addCard(room, 'needs', 'Mieszkania chronione');
    const select = (page: Page) => page.locator(`[data-card-id="${id}"] [data-testid="move-card"]`);
    await Promise.all([select(room.anna).selectOption('gaps'), select(room.piotr).selectOption('recommendations')]);
    await expect
      .poll(async () => {
        const [a, p] = [await sectionOfCard(room.anna, id), await sectionOfCard(room.piotr, id)];
        return a.length === 1 && p.length === 1 && a[0] === p[0] ? a[0] : null;
      }, UI)
      .toMatch(/^(gaps|recommendations)$/);
    expect(await room.anna.getByTestId('card').count()).toBe(1);
  });

  it('undoes one’s own edits only, and brings a deleted card back', async () => {
    const room = await openRoom();
    const id = await addCard(room, 'needs', 'Opieka');
    await addCard(room, 'gaps', 'Kolejki');
    // Piotr edits another card; Anna's undo must not touch it.
    const piotrField = section(room.piotr, 'gaps').getByTestId('card-text');
    await piotrField.fill('Kolejki do specjalistów');
    await expect.poll(() => texts(room.anna), UI).toContain('Kolejki do specjalistów');
    const annaField = room.anna.locator(`[data-card-id="${id}"] [data-testid="card-text"]`);
    await annaField.focus();
    await room.anna.keyboard.press('End');
    await room.anna.waitForTimeout(600); // past the undo manager's capture window: a separate step
    await room.anna.keyboard.type(' wytchnieniowa');
    await expect.poll(() => annaField.inputValue(), UI).toBe('Opieka wytchnieniowa');
    await room.anna.keyboard.press('Control+z');
    await expect.poll(() => annaField.inputValue(), UI).toBe('Opieka');
    await room.anna.getByTestId('redo').click();
    await expect.poll(() => annaField.inputValue(), UI).toBe('Opieka wytchnieniowa');
    expect(await texts(room.anna)).toContain('Kolejki do specjalistów');

    await room.anna.locator(`[data-card-id="${id}"] [data-testid="delete-card"]`).click();
    await expect.poll(() => texts(room.piotr), UI).not.toContain('Opieka wytchnieniowa');
    // Focus lands on the undo offer, so Enter brings the card back.
    await expect
      .poll(() => room.anna.evaluate(() => document.activeElement?.getAttribute('data-testid')), UI)
      .toBe('undo-delete');
    await room.anna.keyboard.press('Enter');
    await expect.poll(() => texts(room.piotr), UI).toContain('Opieka wytchnieniowa');
  });

  it('spends dots within the facilitator’s budget and shows totals only once revealed', async () => {
    const room = await openRoom();
    const a = await addCard(room, 'recommendations', 'Centrum usług środowiskowych');
    await command(room, { type: 'boardSettings', groupId: null, voteBudget: 2 });
    await expect.poll(() => room.anna.getByTestId('votes-left').getAttribute('data-left'), UI).toBe('2');
    const vote = (page: Page) => page.locator(`[data-card-id="${a}"] [data-testid="vote-add"]`);
    await vote(room.anna).click();
    await vote(room.anna).click();
    await vote(room.anna).click();
    await expect.poll(() => room.anna.getByTestId('board-message').textContent(), UI).toMatch(/kropek/i);
    await expect.poll(() => room.anna.getByTestId('votes-left').getAttribute('data-left'), UI).toBe('0');
    await vote(room.piotr).click();
    expect(await room.piotr.getByTestId('vote-total').count()).toBe(0);
    await command(room, { type: 'boardSettings', groupId: null, votesRevealed: true });
    await expect
      .poll(() => room.piotr.locator(`[data-card-id="${a}"] [data-testid="vote-total"]`).getAttribute('data-count'), UI)
      .toBe('3');
  });

  it('lets the rapporteur write a rich-text summary that others and the projector read live', async () => {
    const room = await openRoom();
    await command(room, { type: 'rapporteur', groupId: room.groupId, participantId: room.annaId });
    await expect.poll(() => room.piotr.getByTestId('summary-editor').getAttribute('contenteditable'), UI).toBe('false');
    const editor = room.anna.getByTestId('summary-editor');
    await editor.click();
    await room.anna.keyboard.type('Najważniejsze: ');
    await room.anna.keyboard.press('Control+b');
    await room.anna.keyboard.type('mieszkania wspomagane');
    await expect
      .poll(() => room.piotr.getByTestId('summary-editor').textContent(), UI)
      .toBe('Najważniejsze: mieszkania wspomagane');
    expect(await room.piotr.locator('[data-testid="summary-editor"] strong').textContent()).toBe(
      'mieszkania wspomagane',
    );
    await command(room, { type: 'phase', to: 'plenary' });
    await command(room, { type: 'phase', to: 'presenting', groupId: room.groupId });
    const { page: projector } = await newPage(1920, 1080);
    await projector.goto(new URL(`/p/${room.projectorToken}`, server.url).href);
    await expect
      .poll(() => projector.getByTestId('summary-editor').textContent(), UI)
      .toBe('Najważniejsze: mieszkania wspomagane');
    expect(await projector.getByTestId('summary-editor').getAttribute('contenteditable')).toBe('false');
  });

  it('locks the board read-only when the facilitator says so', async () => {
    const room = await openRoom();
    await command(room, { type: 'boardSettings', groupId: room.groupId, locked: true });
    await expect.poll(() => room.anna.getByTestId('add-card').count(), UI).toBe(0);
    await command(room, { type: 'boardSettings', groupId: room.groupId, locked: false });
    await expect.poll(() => room.anna.getByTestId('add-card').count(), UI).toBe(4);
    // The same from the facilitator's console: one checkbox locks every group's board.
    const { page: console } = await newPage();
    await console.goto(new URL(`/f/${room.facilitatorToken}`, server.url).href);
    // click, not check(): the box follows the server's state, which arrives a round trip later.
    await console.getByTestId('lock-all').click();
    await expect.poll(() => console.getByTestId('lock-all').isChecked(), UI).toBe(true);
    await expect.poll(() => room.piotr.getByTestId('add-card').count(), UI).toBe(0);
    await console.getByTestId('lock-all').click();
    await expect.poll(() => room.piotr.getByTestId('add-card').count(), UI).toBe(4);
  });

  it('works by keyboard alone: add, type, move, vote, drag with the keyboard, delete and undo', async () => {
    const room = await openRoom();
    const page = room.anna;
    const active = () => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);
    const activeSection = () =>
      page.evaluate(
        () => document.activeElement?.closest('[data-testid="section"]')?.getAttribute('data-section-id') ?? null,
      );
    const tabTo = async (testId: string, sectionId?: string) => {
      for (let i = 0; i < 80; i++) {
        await page.keyboard.press('Tab');
        if ((await active()) === testId && (sectionId === undefined || (await activeSection()) === sectionId)) return;
      }
      throw new Error(`Tab never reached ${testId} in ${sectionId ?? 'any section'}`);
    };
    await tabTo('add-card', 'needs');
    await page.keyboard.press('Enter');
    await expect.poll(active, UI).toBe('card-text');
    await page.keyboard.type('Asystent osobisty');
    // Alt+→ moves the card to the next section while typing; focus stays in its text.
    await page.keyboard.press('Alt+ArrowRight');
    await expect.poll(activeSection, UI).toBe('resources');
    await expect.poll(active, UI).toBe('card-text');
    await expect.poll(() => texts(room.piotr), UI).toContain('Asystent osobisty');
    // `n` on a card's controls adds another card to that section.
    await tabTo('vote-add');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('votes-left').getAttribute('data-left'), UI).toBe('4');
    await page.keyboard.press('n');
    await expect.poll(() => section(page, 'resources').getByTestId('card').count(), UI).toBe(2);
    await page.keyboard.type('Mieszkanie wspomagane');
    // Drag and drop by keyboard (dnd-kit): Space lifts, an arrow moves, Space drops.
    await page.keyboard.press('Shift+Tab');
    await expect.poll(active, UI).toBe('drag-handle');
    await page.keyboard.press('Space');
    // dnd-kit measures the drop targets once the drag has started; an arrow before that is lost.
    await page.locator('.card--dragging').waitFor(UI);
    // …and measures them asynchronously, so an arrow may find no target yet: press until it is over "gaps".
    const overGaps = async () => (await page.locator('[aria-live]').allTextContents()).some((t) => /Luki/.test(t));
    for (let i = 0; i < 5 && !(await overGaps()); i++) {
      await page.keyboard.press('ArrowRight');
      for (let w = 0; w < 10 && !(await overGaps()); w++) await page.waitForTimeout(100);
    }
    await page.keyboard.press('Space');
    await expect
      .poll(() => section(room.piotr, 'gaps').getByTestId('card-text').first().inputValue(), UI)
      .toBe('Mieszkanie wspomagane');
    await tabTo('delete-card', 'resources');
    await page.keyboard.press('Enter');
    await expect.poll(() => section(page, 'resources').getByTestId('card').count(), UI).toBe(0);
    await expect.poll(active, UI).toBe('undo-delete');
    await page.keyboard.press('Enter');
    await expect.poll(() => section(page, 'resources').getByTestId('card').count(), UI).toBe(1);
  }, 60_000);

  it('has no axe-core violations, on a laptop and on a 360-px phone, in both themes', async () => {
    const room = await openRoom(360);
    for (const [i, text] of ['Transport', '<script>alert(1)</script> zostaje tekstem'].entries())
      await addCard(room, i === 0 ? 'needs' : 'gaps', text);
    for (const page of [room.piotr, room.anna]) {
      for (const contrast of [false, true]) {
        if (contrast) await page.getByTestId('contrast-toggle').click();
        await page.evaluate(axeSource);
        const result = await page.evaluate(async () => {
          const axe = (window as unknown as { axe: { run: () => Promise<{ violations: unknown[] }> } }).axe;
          return (await axe.run()).violations;
        });
        expect(result, JSON.stringify(result, null, 2)).toEqual([]);
      }
    }
    expect(await room.anna.locator('[data-testid="card"] script').count()).toBe(0);
  });

  it('keeps an edit made while the server is down and merges it when it is back', async () => {
    const room = await openRoom();
    const id = await addCard(room, 'needs', 'Przed awarią');
    const field = (page: Page) => page.locator(`[data-card-id="${id}"] [data-testid="card-text"]`);
    const port = server.port;
    await server.close();
    await expect.poll(() => room.anna.getByTestId('sync-status').getAttribute('data-status'), UI).not.toBe('connected');
    await field(room.anna).fill('Po awarii: edytowane offline');
    await expect.poll(() => room.anna.getByTestId('sync-label').textContent(), UI).toMatch(/na tym urządzeniu/);
    // Kept in this browser's IndexedDB, one database per board.
    const databases = await room.anna.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));
    expect(databases.some((name) => name?.startsWith(room.workshopId))).toBe(true);
    server = await startServer({ port, databaseUrl: databaseUrl(), clientDist });
    for (const page of [room.anna, room.piotr]) {
      await expect
        .poll(() => page.getByTestId('sync-status').getAttribute('data-status'), { timeout: 20_000 })
        .toBe('connected');
    }
    await expect.poll(() => field(room.piotr).inputValue(), { timeout: 20_000 }).toBe('Po awarii: edytowane offline');
    // …and Anna's status says so once the server announces it stored her edit.
    await expect.poll(() => room.anna.getByTestId('sync-status').getAttribute('data-unsaved'), UI).toBe('false');
    expect(await room.anna.getByTestId('sync-label').textContent()).toBe('Zapisano na serwerze');
    expect(pageErrors).toEqual([]);
  }, 60_000);
});
