// `pnpm bench:start`: how long the production server takes from spawn to its first /healthz 200,
// and how much memory it holds once idle, run as compiled JavaScript (`node server/dist/main.js`,
// what `pnpm start` runs) and from the TypeScript sources through tsx (what it ran before #15).
// Alternating runs on one machine; RSS is the whole process tree's (tsx runs node as a child),
// read 5 s after the first 200 with nothing connected. Writes its table into BENCHMARKS.md.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const RUNS = Number(process.env.RUNS ?? 5);
const IDLE_MS = 5_000;
const VARIANTS = {
  '`node server/dist/main.js` (compiled, now)': [process.execPath, ['server/dist/main.js']],
  '`tsx server/src/main.ts` (before)': [join(root, 'node_modules/.bin/tsx'), ['server/src/main.ts']],
};

const freePort = () =>
  new Promise((resolve) => {
    const s = createServer().listen(0, () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** RSS in KiB of `pid` and all its descendants, from /proc. */
function treeRssKiB(pid) {
  const children = (p) => {
    try {
      return readFileSync(`/proc/${p}/task/${p}/children`, 'utf8').split(' ').filter(Boolean).map(Number);
    } catch {
      return [];
    }
  };
  const rss = (p) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, 'utf8'))?.[1] ?? 0);
  let total = 0;
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop();
    try {
      total += rss(p);
    } catch {
      continue;
    }
    stack.push(...children(p));
  }
  return total;
}

async function once([cmd, args]) {
  const dir = mkdtempSync(join(tmpdir(), 'warsztat-start-'));
  const port = await freePort();
  const started = performance.now();
  const child = spawn(cmd, args, {
    cwd: root,
    env: { ...process.env, PORT: String(port), DATABASE_URL: `sqlite:${join(dir, 'db.sqlite')}`, LOG_LEVEL: 'silent' },
    stdio: 'ignore',
  });
  let readyMs = null;
  while (readyMs === null && performance.now() - started < 30_000) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (res.status === 200) readyMs = performance.now() - started;
    } catch {
      await sleep(10);
    }
  }
  await sleep(IDLE_MS);
  const rssKiB = treeRssKiB(child.pid);
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  rmSync(dir, { recursive: true, force: true });
  if (readyMs === null) throw new Error(`${cmd} ${args.join(' ')}: no /healthz 200 within 30 s`);
  return { readyMs, rssKiB };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const results = Object.fromEntries(Object.keys(VARIANTS).map((k) => [k, []]));
const load = loadavg()[0].toFixed(2);
for (let i = 0; i < RUNS; i++) {
  for (const [name, command] of Object.entries(VARIANTS)) results[name].push(await once(command));
}
const loadAfter = loadavg()[0].toFixed(2);

const rows = Object.entries(results).map(([name, runs]) => {
  const ready = runs.map((r) => r.readyMs);
  const rss = runs.map((r) => r.rssKiB / 1024);
  return `| ${name} | ${median(ready).toFixed(0)} (${Math.min(...ready).toFixed(0)}–${Math.max(...ready).toFixed(0)}) | ${median(rss).toFixed(1)} (${Math.min(...rss).toFixed(1)}–${Math.max(...rss).toFixed(1)}) |`;
});
const section = [
  '<!-- server-start:begin (written by `pnpm bench:start`) -->',
  '## Server start: compiled JavaScript vs tsx',
  '',
  `\`pnpm bench:start\` (tests/bench/server-start.bench.mjs), ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, Node ${process.version},`,
  `${RUNS} alternating runs each, SQLite store in a temp dir, logging off; 1-min load average ${load} before, ${loadAfter} after`,
  '(2 cores shared with other work). Startup: spawn → first `/healthz` 200. RSS: the whole process tree (tsx runs',
  `node as a child) ${IDLE_MS / 1000} s after that, nothing connected. Median (min–max).`,
  '',
  '| command | startup, ms | idle RSS, MiB |',
  '| --- | --- | --- |',
  ...rows,
  '<!-- server-start:end -->',
].join('\n');
console.log(section);

const file = join(root, 'BENCHMARKS.md');
const text = readFileSync(file, 'utf8');
const re = /<!-- server-start:begin[\s\S]*?<!-- server-start:end -->/;
writeFileSync(file, re.test(text) ? text.replace(re, section) : `${text.trimEnd()}\n\n${section}\n`);
