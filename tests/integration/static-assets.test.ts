import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../server/src/index.js';

/**
 * The built client as a phone on venue Wi-Fi gets it from the real server: every hashed asset
 * precompressed (brotli, else gzip) with `Vary: Accept-Encoding` and cached for a year; the app
 * shell and the service worker revalidated on every load; the server's own paths never answered
 * with the shell. Needs `client/dist` (the suite's runner builds it before vitest).
 */
const dist = fileURLToPath(new URL('../../client/dist', import.meta.url));
const IMMUTABLE = 'public, max-age=31536000, immutable';

describe('static client: compression and caching headers', () => {
  let server: RunningServer;
  let dir = '';
  beforeAll(async () => {
    if (!existsSync(join(dist, 'index.html'))) throw new Error('client/dist is missing: run `pnpm build` first');
    dir = mkdtempSync(join(tmpdir(), 'warsztat-static-'));
    server = await startServer({ port: 0, databaseUrl: `sqlite:${join(dir, 'db.sqlite')}`, clientDist: dist });
  });
  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const get = (path: string, acceptEncoding: string) =>
    fetch(new URL(path, server.url), { headers: { 'accept-encoding': acceptEncoding } });

  const hashed = () =>
    readdirSync(join(dist, 'assets')).filter((f) => /\.(js|css|svg|json)$/.test(f) && /-[\w-]{8,}\./.test(f));

  it('sends every hashed asset precompressed and immutable', async () => {
    const assets = hashed();
    expect(assets.length).toBeGreaterThan(5);
    for (const asset of assets) {
      for (const [accept, encoding] of [
        ['br, gzip, deflate', 'br'],
        ['gzip, deflate', 'gzip'],
      ] as const) {
        const response = await get(`/assets/${asset}`, accept);
        expect(response.status, asset).toBe(200);
        expect(response.headers.get('content-encoding'), `${asset} (${accept})`).toBe(encoding);
        expect(response.headers.get('vary') ?? '', asset).toMatch(/accept-encoding/i);
        expect(response.headers.get('cache-control'), asset).toBe(IMMUTABLE);
        const type = asset.endsWith('.js') ? /javascript/ : asset.endsWith('.css') ? /css/ : /./;
        expect(response.headers.get('content-type') ?? '', asset).toMatch(type);
        await response.arrayBuffer();
      }
    }
    // A client that accepts no compression still gets the plain file.
    const [first] = assets;
    const plain = await get(`/assets/${first}`, 'identity');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(plain.headers.get('cache-control')).toBe(IMMUTABLE);
  });

  it('revalidates the app shell on every route and never serves it for server paths', async () => {
    for (const path of ['/', '/j/ABCD2345', '/b/some-token', '/f/x', '/p/y']) {
      const response = await get(path, 'br, gzip');
      expect(response.status, path).toBe(200);
      expect(response.headers.get('cache-control'), path).toBe('no-cache');
      expect(response.headers.get('content-type') ?? '', path).toMatch(/text\/html/);
      expect(response.headers.get('content-encoding'), path).toBe('br');
      expect(await response.text(), path).toContain('<div id="root">');
    }
    // The service worker and the manifest decide which version a phone runs: never cached long.
    for (const path of ['/sw.js', '/manifest.webmanifest']) {
      const response = await get(path, 'br, gzip');
      expect(response.status, path).toBe(200);
      expect(response.headers.get('cache-control'), path).toBe('no-cache');
      await response.arrayBuffer();
    }
    const api = await get('/api/nothing-here', 'br, gzip');
    expect(api.status).toBe(404);
    expect(api.headers.get('content-type') ?? '').toMatch(/json/);
    expect(await api.text()).not.toContain('<div id="root">');
  });

  it('gives every app shell its own style nonce, the one its CSP header allows', async () => {
    const nonces: string[] = [];
    // `/index.html` too: the service worker precaches the shell under that name.
    for (const [path, accept] of [
      ['/', 'br, gzip'],
      ['/f/x', 'gzip'],
      ['/index.html', 'br'],
      ['/index.html?__WB_REVISION__=1', 'identity'],
    ] as const) {
      const response = await get(path, accept);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('cache-control'), path).toBe('no-cache');
      const html = await response.text();
      expect(html, path).not.toContain('__WARSZTAT_CSP_NONCE__');
      const meta = /<meta property="csp-nonce" nonce="([^"]+)"/.exec(html)?.[1] ?? '';
      expect(meta, path).toMatch(/^[A-Za-z0-9+/]{22}==$/);
      const styleSrc = /(?:^|;)\s*style-src ([^;]*)/.exec(response.headers.get('content-security-policy') ?? '')?.[1];
      expect(styleSrc, path).toBe(`'self' 'nonce-${meta}'`);
      nonces.push(meta);
    }
    expect(new Set(nonces).size).toBe(nonces.length);
  });

  it('compresses large JSON answers on the fly', async () => {
    const response = await get('/metrics', 'gzip');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-encoding')).toBe('gzip');
    expect(await response.text()).toContain('# HELP');
  });
});
