import type { Command, WorkshopState } from '@warsztat/shared';
import type { BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Limits } from '../../server/src/config.js';
import type { RunningServer } from '../../server/src/index.js';
import { api, createWorkshop, joinWorkshop } from '../helpers/server.js';
import { UI, useE2E } from './harness.js';

/**
 * Fixture for the board's browser tests, on the shared e2e harness (one server and one Chromium
 * per file), with a "room" per test — a fresh workshop with Anna and
 * Piotr in one group, in breakout, each on the board in their own browser context.
 */
export { UI };

export interface Room {
  workshopId: string;
  piotrId: string;
  facilitatorToken: string;
  projectorToken: string;
  annaId: string;
  groupId: string;
  anna: Page;
  piotr: Page;
}

export interface BoardFixture {
  server(): RunningServer;
  /** Closes the server, runs `whileDown`, and starts it again on the same port and database. */
  restartServer(whileDown: () => Promise<void>): Promise<void>;
  /** Page errors and CSP violations seen by any page so far. */
  pageErrors: string[];
  newPage(width?: number, height?: number): Promise<{ page: Page; context: BrowserContext }>;
  command(room: Pick<Room, 'workshopId' | 'facilitatorToken'>, body: Command): Promise<WorkshopState>;
  /**
   * Anna's viewport is `annaWidth`×`annaHeight` (a phone: 360×740); Piotr's a 1280×800 laptop.
   * `annaClock`: Anna's page gets a Playwright clock from the start (it flows as usual), so a test
   * can jump it past one of the app's time windows instead of sleeping.
   */
  openRoom(annaWidth?: number, annaHeight?: number, options?: { annaClock?: boolean }): Promise<Room>;
  /** Anna adds a card in `sectionId` with `text`; resolves with its id once Piotr sees it. */
  addCard(room: Room, sectionId: string, text: string): Promise<string>;
}

export const section = (page: Page, id: string) => page.locator(`[data-testid="section"][data-section-id="${id}"]`);

/** Every card's words: a card reads as text until tapped (issue #20), a textarea while open. */
export const texts = (page: Page) =>
  page
    .getByTestId('card-text')
    .evaluateAll((els) => els.map((e) => (e instanceof HTMLTextAreaElement ? e.value : (e.textContent ?? ''))));

/** One card's words, open or not. */
export const cardText = (page: Page, cardId: string) =>
  page
    .locator(`[data-card-id="${cardId}"] [data-testid="card-text"]`)
    .evaluate((e) => (e instanceof HTMLTextAreaElement ? e.value : (e.textContent ?? '')));

/**
 * Taps a card that reads as text, so it opens for editing (issue #20), and returns its text field
 * (focused). A card this page has just added is open already.
 */
export async function openCard(page: Page, cardId: string) {
  const field = page.locator(`[data-card-id="${cardId}"] textarea[data-testid="card-text"]`);
  if ((await field.count()) === 0) await page.locator(`[data-card-id="${cardId}"] [data-testid="card-view"]`).click();
  await field.waitFor(UI);
  await field.focus();
  return field;
}

export const sectionOfCard = (page: Page, cardId: string) =>
  page
    .locator(`[data-testid="card"][data-card-id="${cardId}"]`)
    .evaluateAll((els) => els.map((e) => e.closest('[data-testid="section"]')?.getAttribute('data-section-id')));

/** Registers beforeAll/afterAll for the file and returns the fixture. */
export function useBoardFixture(limits: Partial<Limits> = {}): BoardFixture {
  const e2e = useE2E(limits);
  const running = e2e.server;

  const fixture: BoardFixture = {
    server: running,
    get pageErrors() {
      return [...e2e.pageErrors, ...e2e.cspViolations];
    },
    restartServer: (whileDown) => e2e.restartServer(whileDown),
    newPage: (width = 1280, height = 800) => e2e.newPage({ width, height }),
    async command(room, body) {
      const answer = await api<WorkshopState>(running().url, 'POST', `/api/workshops/${room.workshopId}/commands`, {
        token: room.facilitatorToken,
        body,
      });
      expect(answer.status, answer.text).toBe(200);
      return answer.body;
    },
    async openRoom(annaWidth = 1280, annaHeight = 800, options = {}) {
      const url = running().url;
      const created = await createWorkshop(url, { title: 'Tablica grupy', template: 'di-5' });
      const room = { workshopId: created.id, facilitatorToken: created.facilitatorToken };
      const anna = await joinWorkshop(url, created.joinCode, 'Anna K.');
      const piotr = await joinWorkshop(url, created.joinCode, 'Piotr W.');
      const state = await fixture.command(room, { type: 'assign', mode: 'auto' });
      const groupId = state.participants.find((p) => p.id === anna.participantId)?.groupId ?? '';
      await fixture.command(room, { type: 'move', participantId: piotr.participantId, groupId });
      await fixture.command(room, { type: 'phase', to: 'breakout', minutes: 30 });
      const pages: Page[] = [];
      for (const [who, width, height] of [
        [anna, annaWidth, annaHeight],
        [piotr, 1280, 800],
      ] as const) {
        const { page } = await fixture.newPage(width, height);
        if (who === anna && options.annaClock) await page.clock.install();
        await page.goto(new URL(who.links.board, url).href);
        await expect.poll(() => page.getByTestId('sync-status').getAttribute('data-status'), UI).toBe('connected');
        pages.push(page);
      }
      const [annaPage, piotrPage] = pages as [Page, Page];
      return {
        ...room,
        projectorToken: created.projectorToken,
        annaId: anna.participantId,
        piotrId: piotr.participantId,
        groupId,
        anna: annaPage,
        piotr: piotrPage,
      };
    },
    async addCard(room, sectionId, text) {
      await section(room.anna, sectionId).getByTestId('add-card').click();
      await room.anna.keyboard.type(text);
      const card = section(room.anna, sectionId).getByTestId('card').last();
      const id = (await card.getAttribute('data-card-id')) ?? '';
      await expect.poll(() => texts(room.piotr), UI).toContain(text);
      return id;
    },
  };
  return fixture;
}
