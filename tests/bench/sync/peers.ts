/**
 * The servers under test, each started by the benchmark as its own process on a loopback port.
 * A peer hands out boards (doc names and the tokens that may write and read them) and the URL its
 * clients connect to, so every workload drives every server the same way.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Protocol } from './wire.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const servers = fileURLToPath(new URL('./servers', import.meta.url));

export interface Board {
  docName: string;
  /** Writes the board (Warsztat: the facilitator's token). */
  editorToken: string | null;
  /** Reads it (Warsztat: the projector's token, read-only). */
  readerToken: string | null;
}

export interface PeerDef {
  /** Column header. */
  name: string;
  protocol: Protocol;
  /** Keeps boards in a store that survives a restart (the cold-load workload needs one). */
  durable: boolean;
  /** Serves a newcomer the board's state (the relay has none: join storm and cold load skip it). */
  hasState: boolean;
  isFloor?: boolean;
  start(): Promise<RunningPeer>;
}

export interface RunningPeer {
  readonly pid: number;
  readonly serverUrl: string;
  boards(count: number): Promise<Board[]>;
  /** Graceful stop (SIGTERM) and start again on the same port and store. */
  restart(): Promise<void>;
  stop(): Promise<void>;
  output(): string;
  /** Runs a full garbage collection in the server process. */
  gc(): Promise<void>;
  /** Profiles the server process over a window (only where run.ts --profile asked for it). */
  profile?: { start(): void; stop(): Promise<void> };
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${log()}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`server did not listen on ${port} within 30 s:\n${log()}`);
}

/** Every server process still running; none outlives the benchmark, even when it fails. */
const children = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});

/** One server process that can be stopped and started again with the same port and environment. */
class Proc {
  private child: ChildProcess | null = null;
  log = '';
  private gcsDone = 0;

  constructor(
    readonly port: number,
    private readonly args: string[],
    private readonly env: Record<string, string>,
  ) {}

  get pid(): number {
    return this.child?.pid ?? 0;
  }

  async start(): Promise<void> {
    // `--cpu-prof` (run.ts): V8 writes the whole process's profile there when it exits.
    const profDir = process.env.BENCH_CPU_PROF_DIR;
    const args = profDir ? ['--cpu-prof', `--cpu-prof-dir=${profDir}`, ...this.args] : this.args;
    // `--pin` (run.ts): the server on its own core; taskset execs node, so the pid stays the server's.
    const cpus = process.env.BENCH_SERVER_CPUS;
    const [command, commandArgs] = cpus
      ? ['taskset', ['-c', cpus, process.execPath, ...args]]
      : [process.execPath, args];
    const child = spawn(command, commandArgs, {
      cwd: root,
      env: { ...process.env, ...this.env, PORT: String(this.port), NODE_ENV: 'production' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const keep = (chunk: Buffer) => {
      const text = chunk.toString();
      this.gcsDone += text.split('gc done').length - 1;
      this.log = (this.log + text).slice(-20_000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    children.add(child);
    child.once('exit', () => children.delete(child));
    this.child = child;
    await waitForPort(this.port, child, () => this.log);
  }

  /** A full collection in the server process (servers/control.mjs), so its RSS is read settled. */
  async gc(): Promise<void> {
    const before = this.gcsDone;
    this.child?.stdin?.write('gc\n');
    const deadline = Date.now() + 10_000;
    while (this.gcsDone === before && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  signal(signal: NodeJS.Signals): void {
    this.child?.kill(signal);
  }

  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  }
}

const compiled = new Map<string, Promise<string>>();

/**
 * The bench's Warsztat server compiled the way `pnpm build` compiles the real one (server/build.mjs:
 * esbuild, dependencies external, code splitting so lazy imports stay lazy), so it runs as the
 * production server does — plain `node`, no tsx in memory. Written under server/dist (ignored by git),
 * where node resolves the server's dependencies.
 *
 * `ref` (`--baseline=<git ref>`): the server and the bench's server entry as they were at that
 * commit (extracted with `git archive`), compiled the same way, so a change is measured against
 * its "before" in the same run. It uses today's installed dependencies (and the ref's `shared`).
 */
function compiledWarsztat(ref: string | null = null): Promise<string> {
  const key = ref ?? '';
  let done = compiled.get(key);
  if (done) return done;
  done = (async () => {
    const serverPkg = join(root, 'server', 'package.json');
    // esbuild is the server's dev dependency (server/build.mjs), so it is resolved from there.
    const { build } = (await import(createRequire(serverPkg).resolve('esbuild'))) as {
      build(options: Record<string, unknown>): Promise<unknown>;
    };
    const pkg = JSON.parse(readFileSync(serverPkg, 'utf8')) as { dependencies: Record<string, string> };
    const slug = ref ? ref.replace(/[^A-Za-z0-9._-]/g, '_') : '';
    let source = root;
    if (ref) {
      source = join(root, 'server', 'dist', 'baseline-src', slug);
      rmSync(source, { recursive: true, force: true });
      mkdirSync(source, { recursive: true });
      const tar = execFileSync('git', ['archive', ref, 'server/src', 'shared/src', 'tests/bench/sync/servers'], {
        cwd: root,
        maxBuffer: 1 << 28,
      });
      execFileSync('tar', ['-x', '-C', source], { input: tar });
    }
    const outdir = join(root, 'server', 'dist', ref ? `bench-${slug}` : 'bench');
    await build({
      // The decode pool's worker is its own entry, as in server/build.mjs (it looks for
      // decodeWorker.js beside the compiled server and refuses to start without it).
      entryPoints: [
        join(source, 'tests', 'bench', 'sync', 'servers', 'warsztat.ts'),
        join(source, 'server', 'src', 'offthread', 'decodeWorker.ts'),
      ],
      outdir,
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      external: Object.keys(pkg.dependencies).filter((name) => name !== '@warsztat/shared'),
      entryNames: '[name]',
      chunkNames: 'chunks/[name]-[hash]',
      logLevel: 'warning',
      // The ref's own `shared`, not today's (its server may import what today's lacks, or lost).
      // Its own dependencies are found where today's packages have them installed.
      ...(ref
        ? {
            alias: { '@warsztat/shared': join(source, 'shared', 'src', 'index.ts') },
            nodePaths: [join(root, 'shared', 'node_modules'), join(root, 'server', 'node_modules')],
          }
        : {}),
    });
    return join(outdir, 'warsztat.js');
  })();
  compiled.set(key, done);
  return done;
}

function tsServer(file: string): string[] {
  return ['--expose-gc', '--import', 'tsx', join(servers, file)];
}

function simplePeer(
  def: Omit<PeerDef, 'start'>,
  args: string[],
  env: (dir: string) => Record<string, string>,
  urlPath = '',
): PeerDef {
  return {
    ...def,
    async start() {
      const dir = mkdtempSync(join(tmpdir(), 'warsztat-bench-'));
      const proc = new Proc(await freePort(), args, env(dir));
      await proc.start();
      return {
        get pid() {
          return proc.pid;
        },
        serverUrl: `ws://127.0.0.1:${proc.port}${urlPath}`,
        async boards(count) {
          return Array.from({ length: count }, (_, i) => ({
            docName: `board-${i}`,
            editorToken: def.protocol === 'hocuspocus' ? 'bench' : null,
            readerToken: def.protocol === 'hocuspocus' ? 'bench' : null,
          }));
        },
        restart: async () => {
          await proc.stop();
          await proc.start();
        },
        stop: async () => {
          await proc.stop();
          rmSync(dir, { recursive: true, force: true });
        },
        output: () => proc.log,
        gc: () => proc.gc(),
      };
    },
  };
}

interface Created {
  id: string;
  facilitatorToken: string;
  projectorToken: string;
}

/** Warsztat boards are real workshops (DI template, five groups) made through the public API. */
async function warsztatBoards(httpUrl: string, count: number): Promise<Board[]> {
  const boards: Board[] = [];
  while (boards.length < count) {
    const res = await fetch(`${httpUrl}/api/workshops`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Benchmark', template: 'di-5' }),
    });
    if (res.status !== 201) throw new Error(`create workshop: ${res.status} ${await res.text()}`);
    const created = (await res.json()) as Created;
    const state = await fetch(`${httpUrl}/api/workshops/${created.id}`, {
      headers: { authorization: `Bearer ${created.facilitatorToken}` },
    });
    const workshop = (await state.json()) as { groups: { docName: string }[] };
    for (const group of workshop.groups) {
      if (boards.length === count) break;
      boards.push({
        docName: group.docName,
        editorToken: created.facilitatorToken,
        readerToken: created.projectorToken,
      });
    }
  }
  return boards;
}

/**
 * `profileDir`: the server can be profiled over a measured window (warsztat.ts, run.ts --profile);
 * the profile is written there.
 */
export function warsztatPeer(
  name: string,
  durable: boolean,
  profileDir: string | null = null,
  /** Extra environment for the server process (e.g. SYNC_COMMIT_WINDOW_MS). */
  env: Record<string, string> = {},
  /** A git ref: run the server as it was there (`--baseline`, see compiledWarsztat). */
  baseline: string | null = null,
  /** Extra flags for node (`--node-args`), e.g. a V8 heap setting measured against the default. */
  nodeArgs: string[] = [],
): PeerDef {
  return {
    name,
    protocol: 'y-websocket',
    durable,
    hasState: true,
    async start() {
      const dir = mkdtempSync(join(tmpdir(), 'warsztat-bench-'));
      const databaseUrl = durable ? `sqlite:${join(dir, 'warsztat.db')}` : 'sqlite::memory:';
      const profileFile = profileDir ? join(profileDir, 'warsztat.cpuprofile') : null;
      // A profiled run keeps tsx: its profile then names source files and lines.
      const args = profileFile
        ? tsServer('warsztat.ts')
        : ['--expose-gc', ...nodeArgs, await compiledWarsztat(baseline)];
      const proc = new Proc(await freePort(), args, {
        ...env,
        DATABASE_URL: databaseUrl,
        ...(profileFile ? { BENCH_PROFILE_FILE: profileFile } : {}),
      });
      await proc.start();
      const httpUrl = `http://127.0.0.1:${proc.port}`;
      return {
        get pid() {
          return proc.pid;
        },
        serverUrl: `ws://127.0.0.1:${proc.port}/sync`,
        boards: (count) => warsztatBoards(httpUrl, count),
        ...(profileFile
          ? {
              profile: {
                start: () => proc.signal('SIGUSR2'),
                stop: async () => {
                  proc.signal('SIGUSR2');
                  const deadline = Date.now() + 10_000;
                  while (!proc.log.includes('profile written') && Date.now() < deadline) {
                    await new Promise((r) => setTimeout(r, 100));
                  }
                },
              },
            }
          : {}),
        restart: async () => {
          await proc.stop();
          await proc.start();
        },
        stop: async () => {
          await proc.stop();
          rmSync(dir, { recursive: true, force: true });
        },
        output: () => proc.log,
        gc: () => proc.gc(),
      };
    },
  };
}

/** `--old-relay`: the floor as it was until 2026-12-03, one frame per message (servers/relay.ts). */
export const perMessageRelay = simplePeer(
  { name: 'ws relay, per message (old floor)', protocol: 'y-websocket', durable: false, hasState: false },
  tsServer('relay.ts'),
  () => ({ RELAY_PER_MESSAGE: '1' }),
);

export const PEERS: PeerDef[] = [
  simplePeer(
    { name: 'ws relay (floor)', protocol: 'y-websocket', durable: false, hasState: false, isFloor: true },
    tsServer('relay.ts'),
    () => ({}),
  ),
  simplePeer(
    { name: '@y/websocket-server', protocol: 'y-websocket', durable: false, hasState: true },
    ['--expose-gc', join(servers, 'y-websocket-server.mjs')],
    () => ({ HOST: '127.0.0.1' }),
  ),
  simplePeer(
    { name: 'Hocuspocus', protocol: 'hocuspocus', durable: false, hasState: true },
    tsServer('hocuspocus.ts'),
    () => ({}),
  ),
  simplePeer(
    { name: 'Hocuspocus + SQLite', protocol: 'hocuspocus', durable: true, hasState: true },
    tsServer('hocuspocus.ts'),
    (dir) => ({ HOCUSPOCUS_SQLITE: join(dir, 'hocuspocus.db') }),
  ),
  warsztatPeer('Warsztat (in-memory store)', false),
  warsztatPeer('Warsztat (SQLite, default)', true),
];
