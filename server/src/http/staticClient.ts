import { readFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { join, sep } from 'node:path';
import compression from 'compression';
import type { Express } from 'express';
import expressStaticGzip from 'express-static-gzip';
import { appShell } from './appShell.js';

/**
 * The built client (client/dist), served for phones on a crowded venue Wi-Fi:
 * - files are precompressed at build (brotli and gzip next to each file) and sent with
 *   `Content-Encoding` and `Vary: Accept-Encoding`, without compressing anything per request;
 * - hashed assets (`/assets/…`, their names change with their content) are cached for a year;
 * - `index.html`, the service worker and the manifest are revalidated on every load (`no-cache`),
 *   so a new version reaches every phone on its next visit; `index.html` carries a fresh style
 *   nonce in every answer (appShell.ts), so it alone is compressed per answer.
 * Everything else (the API's JSON answers) is compressed on the fly when worth it.
 */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';

/** Paths never answered with the app shell: the server's own endpoints. */
export const SERVER_PATHS = /^\/(?:api|sync|socket\.io|healthz|metrics)(?:\/|$)/;

function cacheControl(res: ServerResponse, file: string): void {
  const hashed = file.includes(`${sep}assets${sep}`);
  res.setHeader('Cache-Control', hashed ? IMMUTABLE : REVALIDATE);
}

/**
 * Dynamic JSON and text answers (workshop state, metrics) compressed when over 1 KiB. Downloads
 * (the report) are left alone so their Content-Length drives the progress bar, and so is any
 * answer that already has a Content-Encoding (the precompressed files).
 */
export function compressDynamic(app: Express): void {
  app.use(
    compression({
      filter: (_req, res) => /^(application\/json|text\/plain)\b/.test(String(res.getHeader('Content-Type') ?? '')),
    }),
  );
}

export function serveClient(app: Express, dist: string): void {
  // Read once: the shell changes only with a new build, i.e. a restart. It carries a per-answer
  // nonce, so it is sent by `appShell`, also when asked for by name (the service worker precaches
  // `/index.html`), and never as a static file.
  const shell = appShell(readFileSync(join(dist, 'index.html'), 'utf8'), REVALIDATE);
  app.get('/index.html', shell);
  app.use(
    expressStaticGzip(dist, {
      enableBrotli: true,
      orderPreference: ['br', 'gzip'],
      index: false,
      serveStatic: { index: false, setHeaders: cacheControl },
    }),
  );
  // Client-side routes (/f/…, /j/…, /b/…, /p/…) all get the app shell.
  app.get(/.*/, (req, res, next) => {
    if (SERVER_PATHS.test(req.path)) return next();
    shell(req, res);
  });
}
