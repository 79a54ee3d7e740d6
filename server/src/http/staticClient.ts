import { existsSync, readFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { join, sep } from 'node:path';
import compression from 'compression';
import type { Express } from 'express';
import expressStaticGzip from 'express-static-gzip';

/**
 * The built client (client/dist), served for phones on a crowded venue Wi-Fi:
 * - files are precompressed at build (brotli and gzip next to each file) and sent with
 *   `Content-Encoding` and `Vary: Accept-Encoding`, without compressing anything per request;
 * - hashed assets (`/assets/…`, their names change with their content) are cached for a year;
 * - `index.html`, the service worker and the manifest are revalidated on every load (`no-cache`),
 *   so a new version reaches every phone on its next visit.
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
  app.use(
    expressStaticGzip(dist, {
      enableBrotli: true,
      orderPreference: ['br', 'gzip'],
      index: false,
      serveStatic: { index: false, setHeaders: cacheControl },
    }),
  );
  // Client-side routes (/f/…, /j/…, /b/…, /p/…) all get the app shell, precompressed when the
  // browser accepts it. Read once: the shell changes only with a new build, i.e. a restart.
  const shell = {
    plain: readFileSync(join(dist, 'index.html')),
    br: readOptional(join(dist, 'index.html.br')),
    gzip: readOptional(join(dist, 'index.html.gz')),
  };
  app.get(/.*/, (req, res, next) => {
    if (SERVER_PATHS.test(req.path)) return next();
    res.setHeader('Cache-Control', REVALIDATE);
    res.setHeader('Vary', 'Accept-Encoding');
    res.type('html');
    const encoding = req.acceptsEncodings('br', 'gzip', 'identity');
    const body = encoding === 'br' ? shell.br : encoding === 'gzip' ? shell.gzip : null;
    if (body && typeof encoding === 'string') {
      res.setHeader('Content-Encoding', encoding);
      res.send(body);
      return;
    }
    res.send(shell.plain);
  });
}

function readOptional(file: string): Buffer | null {
  return existsSync(file) ? readFileSync(file) : null;
}
