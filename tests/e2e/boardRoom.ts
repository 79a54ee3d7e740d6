import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command, WorkshopState } from '@warsztat/shared';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { type RunningServer, startServer } from '../../server/src/index.js';
import { api, createWorkshop, joinWorkshop } from '../helpers/server.js';
import { launchChromium } from './browser.js';

/**
 * Fixture for the board's browser tests: one real server (port 0, SQLite in a temp dir, the built
 * client) and one Chromium per test file, and a "room" per test — a fresh workshop with Anna and
 * Piotr in one group, in breakout, each on the board in their own browser context.
 */
export const UI = { timeout: 10_000 };
const clientDist = join(fileURLToPath(new URL('../..', import.meta.url)), 'client', 'dist');

export interface Room {
  workshopId: string;
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
  openRoom(annaWidth?: number): Promise<Room>;
  /** Anna adds a card in `sectionId` with `text`; resolves with its id once Piotr sees it. */
  addCard(room: Room, sectionId: string, text: string): Promise<string>;
}

export const section = (page: Page, id: string) => page.locator(`[data-testid="section"][data-section-id="${id}"]`);

export const texts = (page: Page) =>
  page.getByTestId('card-text').evaluateAll((els) => els.map((e) => (e as HTMLTextAreaElement).value));

export const sectionOfCard = (page: Page, cardId: string) =>
  page
    .locator(`[data-testid="card"][data-card-id="${cardId}"]`)
    .evaluateAll((els) => els.map((e) => e.closest('[data-testid="section"]')?.getAttribute('data-section-id')));

/** Registers beforeAll/afterAll for the file and returns the fixture. */
export function useBoardFixture(): BoardFixture {
  let dir = '';
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];
  const databaseUrl = () => `sqlite:${join(dir, 'board.db')}`;
  const running = () => {
    if (!server) throw new Error('server not started');
    return server;
  };

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

  const fixture: BoardFixture = {
    server: running,
    pageErrors,
    async restartServer(whileDown) {
      const port = running().port;
      await running().close();
      await whileDown();
      server = await startServer({ port, databaseUrl: databaseUrl(), clientDist });
    },
    async newPage(width = 1280, height = 800) {
      if (!browser) throw new Error('browser not started');
      const context = await browser.newContext({ viewport: { width, height }, locale: 'pl-PL' });
      contexts.push(context);
      const page = await context.newPage();
      page.on('pageerror', (error) => pageErrors.push(error.message));
      page.on('console', (message) => {
        if (message.type() === 'error' && /Content Security Policy/i.test(message.text()))
          pageErrors.push(message.text());
      });
      return { page, context };
    },
    async command(room, body) {
      const answer = await api<WorkshopState>(running().url, 'POST', `/api/workshops/${room.workshopId}/commands`, {
        token: room.facilitatorToken,
        body,
      });
      expect(answer.status, answer.text).toBe(200);
      return answer.body;
    },
    async openRoom(annaWidth = 1280) {
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
      for (const [who, width] of [
        [anna, annaWidth],
        [piotr, 1280],
      ] as const) {
        const { page } = await fixture.newPage(width);
        await page.goto(new URL(who.links.board, url).href);
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
