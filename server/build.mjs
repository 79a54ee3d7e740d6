// Compiles the server once for production (`pnpm start`): src/main.ts and the shared package,
// whose TypeScript sources it imports, bundled into dist/main.js for plain `node`. Every
// dependency the server declares stays an import resolved from node_modules at run time (one
// copy of yjs, native better-sqlite3, font files found by require.resolve); the few that only
// shared declares are bundled with it. Tests and `pnpm dev` keep running the sources with tsx.
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const external = Object.keys(pkg.dependencies).filter((name) => name !== '@warsztat/shared');

await build({
  // The decode pool's worker (offthread/DecodePool.ts) is its own entry: dist/decodeWorker.js.
  entryPoints: ['./src/main.ts', './src/offthread/decodeWorker.ts'].map((p) => new URL(p, import.meta.url).pathname),
  outdir: new URL('./dist', import.meta.url).pathname,
  // Code splitting keeps `await import()` lazy: without it esbuild hoists every external import of
  // a dynamically imported module (pdfkit, docx, pg, ioredis) to the top of main.js, and a single
  // SQLite node would load them all at start (issue #18).
  splitting: true,
  entryNames: '[name]',
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external,
  sourcemap: true,
  logLevel: 'warning',
});
