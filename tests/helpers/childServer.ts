import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import * as Y from 'yjs';
import { openStore } from '../../server/src/persistence/openStore.js';
import type { Cleanup } from './cleanup.js';
import { defaultDatabaseUrl } from './defaultDatabase.js';

const serverDir = fileURLToPath(new URL('../../server', import.meta.url));

/** A free loopback port, so a restarted child can come back where its clients reconnect. */
export async function freePort(): Promise<number> {
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

/**
 * The real server as its own process (`server/src/main.ts`, as `pnpm start` runs it), so tests can
 * SIGTERM it or `kill -9` it mid-write and start it again on the same port and database (a temp
 * SQLite file unless `databaseUrl` is given, e.g. a test PostgreSQL database).
 */
export class ChildServer {
  private child: ChildProcess | null = null;
  output = '';

  private constructor(
    readonly port: number,
    readonly databaseUrl: string,
    private readonly env: Record<string, string>,
  ) {}

  /**
   * A node on its own SQLite file, or — with `databaseUrl` — on a shared store, as several nodes of
   * one deployment are; `env` adds settings such as REDIS_URL.
   */
  static async start(
    cleanup: Cleanup,
    options: { databaseUrl?: string; env?: Record<string, string> } = {},
  ): Promise<ChildServer> {
    const databaseUrl = options.databaseUrl ?? (await defaultDatabaseUrl(cleanup));
    const server = new ChildServer(await freePort(), databaseUrl, options.env ?? {});
    cleanup.add(server, (s) => s.kill('SIGKILL'));
    await server.boot();
    return server;
  }

  get url(): string {
    return `http://localhost:${this.port}`;
  }

  async boot(): Promise<void> {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: serverDir,
      // `info` at least: the suite runs silent, but boot() waits for the "running" line.
      env: {
        ...process.env,
        LOG_LEVEL: 'info',
        ...this.env,
        PORT: String(this.port),
        DATABASE_URL: this.databaseUrl,
        CLIENT_DIST: '',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    await new Promise<void>((resolve, reject) => {
      const onData = (chunk: Buffer) => {
        this.output += chunk.toString();
        if (this.output.includes('Warsztat is running on')) resolve();
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', (chunk: Buffer) => {
        this.output += chunk.toString();
      });
      child.once('exit', (code) => reject(new Error(`server exited with ${code} before listening:\n${this.output}`)));
    });
  }

  /**
   * Sends `signal` and resolves with the exit code once the process is gone. A server that has
   * not exited 10 s after SIGTERM has failed to drain: it is killed and the call throws.
   */
  async kill(signal: NodeJS.Signals): Promise<number | null> {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null || child.signalCode !== null) return child?.exitCode ?? null;
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill(signal);
    let timer: NodeJS.Timeout | undefined;
    const stuck = new Promise<'stuck'>((resolve) => {
      timer = setTimeout(() => resolve('stuck'), 10_000);
    });
    const result = await Promise.race([exited, stuck]);
    clearTimeout(timer);
    if (result === 'stuck') {
      child.kill('SIGKILL');
      await exited;
      throw new Error(`server did not exit within 10 s of ${signal}:\n${this.output.slice(-2_000)}`);
    }
    return result;
  }

  /** The doc as the store holds it, read straight from the store (call while it is down). */
  async readStoredDoc(docName: string): Promise<Y.Doc> {
    const store = await openStore(this.databaseUrl);
    const stored = await store.loadDoc(docName);
    await store.close();
    const doc = new Y.Doc();
    for (const part of stored.snapshot) Y.applyUpdate(doc, part);
    for (const update of stored.updates) Y.applyUpdate(doc, update);
    return doc;
  }

  async restart(signal: NodeJS.Signals): Promise<void> {
    await this.kill(signal);
    await this.boot();
  }
}
