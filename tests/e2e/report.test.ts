import { readFileSync } from 'node:fs';
import type { CreateWorkshopAnswer } from '@warsztat/shared';
import { describe, expect, it } from 'vitest';
import { UI, useE2E } from './harness.js';

/**
 * "Pobierz raport" in the facilitator console: the browser fetches the file with the bearer token
 * and saves it under the server's filename (a plain link could not carry the header).
 */

describe('downloading the report from the console', () => {
  const e2e = useE2E();

  it('saves the Markdown and PDF reports under the server-given names', async () => {
    const response = await fetch(`${e2e.server().url}/api/workshops`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Spotkanie RKRES', date: '2022-11-24', venue: 'Białystok' }),
    });
    const workshop = (await response.json()) as CreateWorkshopAnswer;
    const { page } = await e2e.newPage({ acceptDownloads: true });
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
    await e2e.shot(page, 'report-panel');
    // The download goes through a blob: URL; the strict CSP must not get in its way.
    expect(e2e.cspViolations).toEqual([]);
  });
});
