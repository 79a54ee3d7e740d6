import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { Limits } from '../../server/src/config.js';
import { type RunningServer, startServer } from '../../server/src/index.js';
import { launchChromium } from './browser.js';

/**
 * One real server (port 0, SQLite in a temp dir, the built client) and one Chromium per test
 * file, with pages in their own browser contexts. Every page's errors and CSP violations (logged or
 * only reported to the page) are collected, so a test can assert the strict Content-Security-Policy
 * never got in the way.
 */
export const UI = { timeout: 10_000 };
const root = fileURLToPath(new URL('../..', import.meta.url));
const clientDist = join(root, 'client', 'dist');
const artifacts = join(root, 'tests', 'e2e', 'artifacts');

export interface PageOptions {
  width?: number;
  height?: number;
  /** Every Date.now() in the page is off by this much (a wrong laptop clock). */
  skewMs?: number;
  acceptDownloads?: boolean;
}

export interface E2E {
  server(): RunningServer;
  /** Closes the server, runs `whileDown`, and starts it again on the same port and database. */
  restartServer(whileDown?: () => Promise<void>): Promise<void>;
  newPage(options?: PageOptions): Promise<{ page: Page; context: BrowserContext }>;
  /** Saves a full-page screenshot under tests/e2e/artifacts/ (git-ignored). */
  shot(page: Page, name: string): Promise<void>;
  pageErrors: string[];
  cspViolations: string[];
}

/** Registers beforeAll/afterAll for the file and returns the harness. */
/** `limits`: the server's limits for this file (the rest are the defaults). */
export function useE2E(limits: Partial<Limits> = {}): E2E {
  let dir = '';
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  const databaseUrl = () => `sqlite:${join(dir, 'e2e.db')}`;
  const running = () => {
    if (!server) throw new Error('server not started');
    return server;
  };

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    dir = mkdtempSync(join(tmpdir(), 'warsztat-e2e-'));
    server = await startServer({ port: 0, databaseUrl: databaseUrl(), clientDist, limits });
    browser = await launchChromium();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const harness: E2E = {
    server: running,
    pageErrors: [],
    cspViolations: [],
    async restartServer(whileDown) {
      const port = running().port;
      await running().close();
      await whileDown?.();
      server = await startServer({ port, databaseUrl: databaseUrl(), clientDist, limits });
    },
    async newPage(options = {}) {
      if (!browser) throw new Error('browser not started');
      const context = await browser.newContext({
        viewport: { width: options.width ?? 1280, height: options.height ?? 800 },
        locale: 'pl-PL',
        acceptDownloads: options.acceptDownloads ?? false,
      });
      contexts.push(context);
      // Every violation the page's policy reports, not only those Chrome logs: a refused eval that
      // the page's code catches (zod's JIT probe did) logs nothing to the console.
      await context.exposeBinding('__cspViolation', (_source, text: string) => harness.cspViolations.push(text));
      await context.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) => {
          const report = (window as unknown as { __cspViolation: (text: string) => void }).__cspViolation;
          report(`${e.effectiveDirective} refused ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`);
        });
      });
      if (options.skewMs) {
        // Only the measured server-clock offset can make such a page show the right time.
        await context.addInitScript((skew: number) => {
          const realNow = Date.now.bind(Date);
          Date.now = () => realNow() + skew;
        }, options.skewMs);
      }
      const page = await context.newPage();
      page.on('pageerror', (error) => harness.pageErrors.push(error.message));
      page.on('console', (message) => {
        if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) {
          harness.cspViolations.push(message.text());
        }
      });
      return { page, context };
    },
    async shot(page, name) {
      await page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: true });
    },
  };
  return harness;
}
