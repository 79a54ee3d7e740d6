// Sync-plane benchmarks side by side with the peers (issue #8): `pnpm bench` (full, < 15 min),
// `pnpm bench --quick` (< 3 min, numbers not asserted anywhere). Options: `--only=typing,idle`,
// `--peers=relay,warsztat` (substring of the column name, case-insensitive), `--json=<file>`,
// `--no-echo` (bench clients do not echo awareness, see sync/presence.ts), `--window-off` (adds a
// Warsztat column with SYNC_COMMIT_WINDOW_MS=0), `--baseline=<ref>` (adds Warsztat SQLite as at that commit),
// `--old-relay` (adds the per-message relay), `--pin[=N]` (servers on the last N cores, the generator on the others), `--cpu-prof` (profiles every server process, one summary each), `--cost-rate=N --cost-rounds=N --cost-groups=N` (the cost workload), `--smoke` (tiny sizes, for tests/integration/bench-smoke.test.ts), `--profile[=saturation]` (adds a CPU profile
// of the Warsztat server during the typing workload, summarised as top functions).
// Prints one markdown table per workload, a column per server, with the ratio to the floor.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, freemem, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { PEERS, type PeerDef, perMessageRelay, warsztatPeer } from './sync/peers.js';
import { profileTables, summariseProfiles } from './sync/profile.js';
import { SIZES } from './sync/sizes.js';
import { table } from './sync/tables.js';
import { targetsTable } from './sync/targets.js';
import { coldLoad, joinStorm, saturation, startSharedPeers, stopSharedPeers, typing } from './sync/workloads.js';
import { cost } from './sync/workloads-cost.js';
import { capacity, idle, plenary } from './sync/workloads-presence.js';

const args = process.argv.slice(2);
const flag = (name: string) => args.find((a) => a === `--${name}` || a.startsWith(`--${name}=`));
const value = (name: string) => flag(name)?.split('=').slice(1).join('=');
const mode = flag('smoke') ? 'smoke' : flag('quick') ? 'quick' : 'full';
const sizes = {
  ...SIZES[mode],
  // `--no-echo`: clients do not re-send the awareness they receive (y-websocket's provider does).
  echo: !flag('no-echo'),
  // `--no-presence`: typing's editors set no presence (a diagnosis: presence's share of the tail).
  presence: !flag('no-presence'),
  saturation: {
    ...SIZES[mode].saturation,
    // `--saturation-from=2850 --saturation-steps=6`: continue a ramp that ended below every server's limit.
    startEditsPerSecond: Number(value('saturation-from') ?? SIZES[mode].saturation.startEditsPerSecond),
    maxSteps: Number(value('saturation-steps') ?? SIZES[mode].saturation.maxSteps),
  },
  cost: {
    ...SIZES[mode].cost,
    // `--cost-rate=6000 --cost-rounds=5 --cost-groups=1`: another rate, repetitions, boards.
    editsPerSecond: Number(value('cost-rate') ?? SIZES[mode].cost.editsPerSecond),
    rounds: Number(value('cost-rounds') ?? SIZES[mode].cost.rounds),
    groups: Number(value('cost-groups') ?? SIZES[mode].cost.groups),
  },
};
const only = value('only')?.split(',');
const peerFilter = value('peers')?.toLowerCase().split(',');
// `--window-off`: one more column, Warsztat (SQLite) with the group-commit window at 0 (a flush
// every turn, as before issue #18), so a change is compared with its "before" in the same run.
// `--baseline=<git ref>[,<ref>…]`: one more column per ref, Warsztat (SQLite) as it was at that commit
// (compiled from `git archive`), so a change and its "before" share one run and one machine load.
// `--old-relay`: one more column, the floor as it was until 2026-12-03 (one frame per message).
// `--node-args=<flags>` (space-separated): one more column, Warsztat (SQLite) run with those node flags.
const nodeArgs = value('node-args')?.split(' ').filter(Boolean) ?? [];
const baselines = value('baseline')?.split(',').filter(Boolean) ?? [];
const allPeers = [
  ...(flag('old-relay') ? [perMessageRelay] : []),
  ...PEERS,
  ...(flag('window-off')
    ? [warsztatPeer('Warsztat (SQLite, window 0)', true, null, { SYNC_COMMIT_WINDOW_MS: '0' })]
    : []),
  ...baselines.map((ref) => warsztatPeer(`Warsztat (SQLite, at ${ref})`, true, null, {}, ref)),
  ...(nodeArgs.length > 0
    ? [warsztatPeer(`Warsztat (SQLite, node ${nodeArgs.join(' ')})`, true, null, {}, null, nodeArgs)]
    : []),
];
const peers = allPeers.filter((p) => !peerFilter || peerFilter.some((f) => p.name.toLowerCase().includes(f)));

const WORKLOADS = {
  typing: { run: typing, applies: (_p: PeerDef) => true },
  saturation: { run: saturation, applies: (_p: PeerDef) => true },
  joinStorm: { run: joinStorm, applies: (p: PeerDef) => p.hasState },
  coldLoad: { run: coldLoad, applies: (p: PeerDef) => p.durable },
  idle: { run: idle, applies: (_p: PeerDef) => true },
  plenary: { run: plenary, applies: (_p: PeerDef) => true },
  capacity: { run: capacity, applies: (_p: PeerDef) => true },
  cost: { run: cost, applies: (_p: PeerDef) => true },
} as const;
type Name = keyof typeof WORKLOADS;

// `--cpu-prof`: every server process runs under V8's --cpu-prof (its whole life: start-up, the
// workloads and their pauses); one summary per column at the end, so peers compare side by side.
const cpuProfDir = flag('cpu-prof') ? mkdtempSync(join(tmpdir(), 'bench-cpu-prof-')) : null;
// `--pin[=N]`: the servers run on the last N cores (1 by default) and the load generator (this
// process, its worker threads) on the others, so a server never waits for the generator's CPU nor
// the generator for the server's: the nearest one machine comes to a generator on another host.
// On two cores the generator then has one, so its ceiling (saturation) is lower there: use it for
// latency. On four or more, `--pin=2` leaves a server's helper threads (GC, workers) a core too.
if (flag('pin')) {
  const total = cpus().length;
  const serverCores = Number(value('pin') || 1);
  if (!Number.isInteger(serverCores) || serverCores < 1 || serverCores >= total) {
    throw new Error(`--pin=N needs 1 ≤ N < ${total} (the cores of this machine)`);
  }
  const range = (from: number, to: number) => (from === to ? String(from) : `${from}-${to}`);
  execFileSync('taskset', ['-a', '-p', '-c', range(0, total - serverCores - 1), String(process.pid)], {
    stdio: 'ignore',
  });
  process.env.BENCH_SERVER_CPUS = range(total - serverCores, total - 1);
}
const results: Record<string, Record<string, unknown>> = {};
const errors: string[] = [];
const startedAt = new Date();
const log = (line: string) => process.stderr.write(`${line}\n`);

if (sizes.shareServer) await startSharedPeers(peers);
for (const name of Object.keys(WORKLOADS) as Name[]) {
  if (only && !only.includes(name)) continue;
  const workload = WORKLOADS[name];
  const byPeer: Record<string, unknown> = {};
  results[name] = byPeer;
  for (const peer of peers) {
    if (!workload.applies(peer)) continue;
    const t0 = performance.now();
    if (cpuProfDir) process.env.BENCH_CPU_PROF_DIR = join(cpuProfDir, peer.name.replace(/[^A-Za-z0-9]+/g, '-'));
    log(`${name} · ${peer.name} …`);
    try {
      byPeer[peer.name] = await (workload.run as (p: PeerDef, s: typeof sizes) => Promise<unknown>)(peer, sizes);
      log(`${name} · ${peer.name} done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    } catch (error) {
      errors.push(`${name} · ${peer.name}: ${(error as Error).message}`);
      log(`${name} · ${peer.name} FAILED: ${(error as Error).message}`);
    }
  }
}

await stopSharedPeers();
const cpu = cpus()[0]?.model ?? 'unknown';
const lines = [
  `Run: ${startedAt.toISOString()} → ${new Date().toISOString()} · mode \`${mode}\``,
  `Machine: ${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM (${(freemem() / 2 ** 30).toFixed(1)} GiB free at the end), Node ${process.version}, load average at the end ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' / ')}`,
  ...(flag('pin')
    ? [`Pinned (--pin): servers on core(s) ${process.env.BENCH_SERVER_CPUS}, the load generator on the others`]
    : []),
  '',
];
for (const [name, byPeer] of Object.entries(results)) lines.push(...table(name, byPeer, peers, sizes), '');
if (PEERS.every((p) => peers.includes(p)) && Object.keys(results).length > 0) lines.push(...targetsTable(results), '');
if (flag('profile')) {
  // Where the Warsztat server's time goes under the typing (or, `--profile=saturation`, the
  // saturation) workload: V8's sampling profiler over the measured window.
  const which = value('profile') === 'saturation' ? 'saturation' : 'typing';
  const dir = mkdtempSync(join(tmpdir(), 'warsztat-profile-'));
  const peer = warsztatPeer('Warsztat (SQLite, default)', true, dir);
  log(`profile · ${which} · Warsztat (SQLite, default) …`);
  try {
    const run = which === 'saturation' ? saturation : typing;
    const result = await run(peer, { ...sizes, shareServer: false, pauseScale: 1 });
    const title = `Profile — Warsztat (SQLite, default) server process during the ${which} workload`;
    lines.push(...table(which, { [peer.name]: result }, [peer], sizes), '');
    lines.push(...profileTables(title, summariseProfiles(dir)), '');
  } catch (error) {
    errors.push(`profile: ${(error as Error).message}`);
  }
  rmSync(dir, { recursive: true, force: true });
}
if (cpuProfDir) {
  for (const peer of peers) {
    const dir = join(cpuProfDir, peer.name.replace(/[^A-Za-z0-9]+/g, '-'));
    if (!existsSync(dir)) continue;
    lines.push(...profileTables(`Profile (--cpu-prof, whole process) — ${peer.name}`, summariseProfiles(dir)), '');
  }
  log(`profiles kept in ${cpuProfDir}`);
}
if (errors.length) lines.push('Errors:', ...errors.map((e) => `- ${e.split('\n')[0]}`), '');
process.stdout.write(`${lines.join('\n')}\n`);
const json = value('json');
if (json) writeFileSync(json, JSON.stringify({ mode, startedAt, results, errors }, null, 2));
process.exit(errors.length ? 1 : 0);
