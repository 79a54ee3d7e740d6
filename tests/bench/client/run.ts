// `pnpm bench:client` (builds first): cold loads of join, board, console and projector against
// their static floors, in Fast 3G + 4× CPU and unthrottled; writes its section of BENCHMARKS.md.
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PROFILES, type Row, runClientBench } from './bench.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const RUNS = Number(process.env.RUNS ?? 3);
const CARDS = 200;

interface Target {
  profile: string;
  ms: number;
  kib?: number;
}
const TARGETS: Partial<Record<Row['screen'], Target>> = {
  join: { profile: PROFILES.FAST_3G_4X.name, ms: 2_000, kib: 120 },
  board: { profile: PROFILES.FAST_3G_4X.name, ms: 3_500, kib: 300 },
  projector: { profile: PROFILES.UNTHROTTLED.name, ms: 3_000 },
};

/** What the service worker precaches in the background after a first visit (brotli sizes). */
function precacheKiB(): number {
  const dist = join(root, 'client', 'dist');
  const sw = readFileSync(join(dist, 'sw.js'), 'utf8');
  let bytes = 0;
  for (const match of sw.matchAll(/url:"([^"]+)"/g)) {
    const file = join(dist, match[1] ?? '');
    bytes += existsSync(`${file}.br`) ? statSync(`${file}.br`).size : existsSync(file) ? statSync(file).size : 0;
  }
  return bytes / 1024;
}

const kib = (b: number) => (b / 1024).toFixed(1);
const load = (loadavg()[0] ?? 0).toFixed(2);
const started = new Date();
const rows = await runClientBench({
  cards: CARDS,
  runs: RUNS,
  profiles: [PROFILES.FAST_3G_4X, PROFILES.UNTHROTTLED],
  screens: ['join', 'board', 'console', 'projector'],
});
const loadAfter = (loadavg()[0] ?? 0).toFixed(2);

const lines = rows.map((r) => {
  const target = TARGETS[r.screen];
  let verdict = '—';
  if (target && target.profile === r.profile) {
    const okMs = r.app.usableMs <= target.ms;
    const okKib = target.kib === undefined || r.app.bytesTotal / 1024 <= target.kib;
    verdict = `≤ ${target.ms / 1000} s${target.kib ? `, ≤ ${target.kib} KiB` : ''}: ${okMs && okKib ? 'met' : 'NOT met'}`;
  }
  return `| ${r.screen} | ${r.profile} | ${r.app.usableMs.toFixed(0)} / ${r.floor.usableMs.toFixed(0)} | ${kib(r.app.bytesUsable)} / ${kib(r.floor.bytesUsable)} | ${kib(r.app.bytesTotal)} / ${kib(r.floor.bytesTotal)} | ${r.app.longTasks} (${r.app.longTaskMs.toFixed(0)} ms) / ${r.floor.longTasks} (${r.floor.longTaskMs.toFixed(0)} ms) | ${verdict} |`;
});

const section = [
  '<!-- client-bench:begin (written by `pnpm bench:client`) -->',
  '## Client: cold loads on a phone network (`pnpm bench:client`)',
  '',
  `tests/bench/client/ — ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC, Debian Chromium (playwright-core, headless),`,
  `Node ${process.version}, 2 shared cores, 1-min load average ${load} before and ${loadAfter} after; median of ${RUNS} cold loads`,
  'per cell, app and floor alternating. Each load: a fresh browser context (empty cache, service worker blocked),',
  'network and CPU emulated through CDP — **Fast 3G + 4× CPU** = `Network.emulateNetworkConditions` 150 ms latency,',
  '1.6 Mbit/s down, 750 kbit/s up, and `Emulation.setCPUThrottlingRate` 4; **unthrottled** = neither.',
  '',
  '- **app**: the built client (`pnpm build`) from the real server (`startServer` with `clientDist`), on a workshop in',
  `  breakout with 10 people in 5 groups; the board is Anna's, ${CARDS} cards seeded through the API and a stock`,
  '  y-websocket provider. join = `/j/<code>` (360×740), board = `/b/<token>` (360×740), console = `/f/<token>`',
  '  (1400×1000), projector = `/p/<token>` (1920×1080, group overview).',
  '- **floor**: the same content as static HTML with no script (the form with the same fields, the same card texts,',
  '  the same group columns, the same group counts), precompressed and served by the same static stack',
  '  (`serveClient`) on a second port of the same process.',
  '- **usable**: navigation start → first frame with the readiness marker: join — the name field present and',
  `  enabled; board — the section counts add up to ${CARDS} and the first card's text is shown (the list is`,
  '  virtualised: further cards render as they scroll in); console — all 5 group tiles of the Run view; projector — all 5 groups',
  '  with their counts.',
  '- **until usable**: resource timing `transferSize` of everything finished by then + WebSocket frames received;',
  '  **in all**: every `Network.loadingFinished.encodedDataLength` + WebSocket frames once the network has been quiet',
  "  for 1.5 s (the join page fetches its API calls, the workshop's name and the clause right after the form is usable).",
  '- **long tasks**: PerformanceObserver `longtask` entries (> 50 ms) before usable: count (total ms).',
  `- After a first visit the service worker precaches every screen in the background: ${precacheKiB().toFixed(0)} KiB (brotli)`,
  '  once, not counted above (the summary editor is left out and cached on first use).',
  '',
  '| screen | profile | usable, ms (app / floor) | until usable, KiB (app / floor) | in all, KiB (app / floor) | long tasks (app / floor) | target |',
  '| --- | --- | --- | --- | --- | --- | --- |',
  ...lines,
  '<!-- client-bench:end -->',
].join('\n');
console.log(section);

const file = join(root, 'BENCHMARKS.md');
const text = readFileSync(file, 'utf8');
const re = /<!-- client-bench:begin[\s\S]*?<!-- client-bench:end -->/;
writeFileSync(file, re.test(text) ? text.replace(re, section) : `${text.trimEnd()}\n\n${section}\n`);
