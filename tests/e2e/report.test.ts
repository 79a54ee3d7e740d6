import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CreateWorkshopAnswer } from '@warsztat/shared';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../server/src/index.js';
import { launchChromium } from './browser.js';

/**
 * "Pobierz raport" in the facilitator console: the browser fetches the file with the bearer token
 * and saves it under the server's filename (a plain link could not carry the header).
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
const clientDist = join(root, 'client', 'dist');
const UI = { timeout: 10_000 };

describe('downloading the report from the console', () => {
  let dir: string;
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(join(root, 'tests', 'e2e', 'artifacts'), { recursive: true });
    dir = mkdtempSync(join(tmpdir(), 'warsztat-e2e-report-'));
    server = await startServer({ port: 0, databaseUrl: `sqlite:${join(dir, 'e2e.db')}`, clientDist });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('saves the Markdown and PDF reports under the server-given names', async () => {
    const response = await fetch(`${server.url}/api/workshops`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Spotkanie RKRES', date: '2022-11-24', venue: 'Białystok' }),
    });
    const workshop = (await response.json()) as CreateWorkshopAnswer;
    const context = await browser.newContext({ acceptDownloads: true, locale: 'pl-PL' });
    try {
      const page = await context.newPage();
      // The download goes through a blob: URL; the strict CSP must not get in its way.
      const violations: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) violations.push(m.text());
      });
      await page.goto(workshop.links.facilitator);
      const button = page.getByRole('button', { name: 'Pobierz raport' });
      await button.waitFor(UI);

      await page.getByTestId('report-format').selectOption('md');
      const [md] = await Promise.all([page.waitForEvent('download', UI), button.click()]);
      expect(md.suggestedFilename()).toBe('warsztat-2022-11-24-spotkanie-rkres.md');
      const text = readFileSync((await md.path()) ?? '', 'utf8');
      expect(text).toContain('# Spotkanie RKRES');
      expect(text).toContain('- **Miejsce:** Białystok');
      await expect.poll(() => page.getByTestId('report-status').textContent(), UI).toBe('Raport pobrany.');

      await page.getByTestId('report-format').selectOption('pdf');
      const [pdf] = await Promise.all([page.waitForEvent('download', UI), button.click()]);
      expect(pdf.suggestedFilename()).toBe('warsztat-2022-11-24-spotkanie-rkres.pdf');
      expect(
        readFileSync((await pdf.path()) ?? '')
          .subarray(0, 5)
          .toString('latin1'),
      ).toBe('%PDF-');
      await page
        .getByTestId('report-panel')
        .screenshot({ path: join(root, 'tests', 'e2e', 'artifacts', 'report-panel.png') });
      expect(violations).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
