import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort } from './childServer.js';

/**
 * A real, throwaway PostgreSQL server for tests (issue #9): `initdb` into a temp dir, `postgres`
 * on a random loopback port, trust auth, no fsync (a test server never outlives an OS crash), one
 * database per test. It runs as the `postgres` OS user when we are root, because PostgreSQL
 * refuses to run as root. `stop()`, `kill()` and `restart()` let tests take it away mid-session.
 *
 * The Debian package `postgresql` provides the binaries; `tests/run.mjs` installs it when missing.
 */

/** Newest installed server binaries (Debian puts each major version in its own directory). */
export function postgresBinDir(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'postgres')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin') : null;
}

/** Milliseconds to wait for the server to say it accepts connections. */
const READY_TIMEOUT_MS = 30_000;
/** Log kept for error messages (the tail is what explains a failed start). */
const MAX_LOG_CHARS = 20_000;

interface OsUser {
  uid: number;
  gid: number;
}

/** The `postgres` OS user when we are root (it owns the data dir and runs the server). */
function runAs(): OsUser | null {
  if (process.getuid?.() !== 0) return null;
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  return { uid, gid };
}

/**
 * Outlives a test process killed without a chance to clean up (vitest ends its workers with a
 * signal, which runs no 'exit' handler): once process $1 is gone it kills the server whose data
 * is in $2 and removes $2. Polls once a second; costs nothing meanwhile.
 */
const WATCHDOG = `while [ -d /proc/$1 ]; do sleep 1; done
pid=$(head -n 1 "$2/data/postmaster.pid" 2>/dev/null)
[ -n "$pid" ] && kill -9 "$pid" 2>/dev/null
sleep 1
rm -rf "$2"`;

/** Every server this process started, killed on exit even if a test file crashes before afterAll. */
const running = new Set<TestPostgres>();
process.once('exit', () => {
  for (const server of running) server.killNow();
});

export class TestPostgres {
  private child: ChildProcess | null = null;
  private watchdog: ChildProcess | null = null;
  private exited: Promise<void> = Promise.resolve();
  private log = '';
  private databases = 0;

  private constructor(
    private readonly bin: string,
    private readonly dir: string,
    readonly port: number,
    private readonly user: OsUser | null,
  ) {}

  static async start(): Promise<TestPostgres> {
    const bin = postgresBinDir();
    if (!bin) {
      throw new Error(
        'PostgreSQL is not installed: run `node tests/run.mjs` (it installs it) or `apt-get install -y postgresql`',
      );
    }
    const user = runAs();
    const dir = mkdtempSync(join(tmpdir(), 'warsztat-pg-'));
    if (user) chownSync(dir, user.uid, user.gid);
    const server = new TestPostgres(bin, dir, await freePort(), user);
    running.add(server);
    server.watchdog = spawn('sh', ['-c', WATCHDOG, 'warsztat-pg-watchdog', String(process.pid), dir], {
      detached: true,
      stdio: 'ignore',
    });
    server.watchdog.unref();
    try {
      execFileSync(
        join(bin, 'initdb'),
        ['-D', server.dataDir, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C', '--no-sync'],
        { stdio: 'pipe', ...(user ?? {}) },
      );
      await server.boot();
    } catch (error) {
      await server.destroy();
      throw error;
    }
    return server;
  }

  private get dataDir(): string {
    return join(this.dir, 'data');
  }

  /** The URL of `database` (the maintenance database `postgres` by default). */
  url(database = 'postgres'): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  /** A fresh empty database, so tests sharing this server never see each other's rows. */
  async createDatabase(): Promise<string> {
    const name = `t${process.pid}_${++this.databases}_${randomBytes(3).toString('hex')}`;
    const client = new pg.Client({ connectionString: this.url() });
    await client.connect();
    try {
      await client.query(`CREATE DATABASE ${name}`);
    } finally {
      await client.end();
    }
    return this.url(name);
  }

  get isRunning(): boolean {
    return this.child !== null;
  }

  private async boot(): Promise<void> {
    if (this.child) return;
    // A just-killed server's backends may still hold its shared memory for a moment: retry.
    for (let attempt = 1; ; attempt++) {
      try {
        await this.spawnOnce();
        return;
      } catch (error) {
        if (attempt >= 20 || !/already exists|still in use|could not bind/i.test(this.log)) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  }

  private spawnOnce(): Promise<void> {
    this.log = '';
    const child = spawn(
      join(this.bin, 'postgres'),
      [
        '-D',
        this.dataDir,
        '-p',
        String(this.port),
        '-c',
        'listen_addresses=127.0.0.1',
        '-c',
        'unix_socket_directories=',
        '-c',
        'fsync=off',
        '-c',
        'full_page_writes=off',
        '-c',
        'max_connections=200',
        '-c',
        'shared_buffers=32MB',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'], ...(this.user ?? {}) },
    );
    this.child = child;
    const onOutput = (chunk: Buffer) => {
      this.log = (this.log + chunk.toString()).slice(-MAX_LOG_CHARS);
    };
    child.stdout?.on('data', onOutput);
    child.stderr?.on('data', onOutput);
    this.exited = new Promise((resolve) => {
      child.once('exit', () => {
        if (this.child === child) this.child = null;
        resolve();
      });
    });
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => fail(new Error('did not become ready in time')), READY_TIMEOUT_MS);
      const fail = (error: Error) => {
        clearTimeout(timer);
        child.kill('SIGKILL');
        reject(new Error(`PostgreSQL on port ${this.port}: ${error.message}\n${this.log.slice(-2_000)}`));
      };
      const check = () => {
        if (this.log.includes('database system is ready to accept connections')) {
          clearTimeout(timer);
          child.stderr?.off('data', check);
          resolve();
        }
      };
      child.stderr?.on('data', check);
      child.once('exit', (code, signal) => fail(new Error(`exited (${signal ?? code}) before it was ready`)));
    });
  }

  /** Fast shutdown: open connections are cut, committed data stays. Resolves once it is gone. */
  async stop(): Promise<void> {
    await this.signal('SIGINT');
  }

  /** Crash: the postmaster dies at once; `restart()` recovers from the WAL. */
  async kill(): Promise<void> {
    await this.signal('SIGKILL');
  }

  /** Starts the server again on the same port and data (after `stop()` or `kill()`). */
  async restart(): Promise<void> {
    await this.boot();
  }

  private async signal(signal: NodeJS.Signals): Promise<void> {
    const child = this.child;
    if (!child) return;
    child.kill(signal);
    await this.exited;
  }

  /** Synchronous last resort for process exit. */
  killNow(): void {
    this.child?.kill('SIGKILL');
    rmSync(this.dir, { recursive: true, force: true });
  }

  /** Stops the server and removes its files. */
  async destroy(): Promise<void> {
    running.delete(this);
    await this.stop();
    rmSync(this.dir, { recursive: true, force: true });
    this.watchdog?.kill();
  }

  /** The server's log tail, for assertion messages. */
  get output(): string {
    return this.log;
  }
}
