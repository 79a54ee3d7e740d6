import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { freePort } from './childServer.js';
import type { Cleanup } from './cleanup.js';

/** Debian's `redis-server` (tests/run.mjs installs it with apt-get when missing). */
const REDIS_SERVER = ['/usr/bin/redis-server', '/usr/local/bin/redis-server'].find((p) => existsSync(p));

/**
 * A throwaway `redis-server` on a loopback random port, with no persistence (no RDB, no AOF), so a
 * stop really loses everything Redis held — as an outage of a cache-only Redis would. `stop` and
 * `start` bring it down and back on the SAME port, where the nodes' clients keep reconnecting.
 */
export class RedisServer {
  private child: ChildProcess | null = null;
  output = '';

  private constructor(readonly port: number) {}

  static async start(cleanup: Cleanup): Promise<RedisServer> {
    if (!REDIS_SERVER)
      throw new Error('redis-server is missing: run `apt-get install -y redis-server` (tests/run.mjs does)');
    const server = new RedisServer(await freePort());
    cleanup.add(server, (s) => s.stop());
    await server.start();
    return server;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  get running(): boolean {
    return this.child !== null;
  }

  async start(): Promise<void> {
    if (this.child) return;
    const child = spawn(
      REDIS_SERVER as string,
      [
        '--port',
        String(this.port),
        '--bind',
        '127.0.0.1',
        '--save',
        '',
        '--appendonly',
        'no',
        '--protected-mode',
        'no',
        '--loglevel',
        'notice',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    this.child = child;
    await new Promise<void>((resolve, reject) => {
      const onData = (chunk: Buffer) => {
        this.output += chunk.toString();
        if (this.output.includes('Ready to accept connections')) resolve();
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', onData);
      child.once('exit', (code) => {
        if (this.child === child) this.child = null;
        reject(new Error(`redis-server exited with ${code} before it was ready:\n${this.output}`));
      });
    });
  }

  /** Kills Redis at once (SIGKILL): an outage, not a shutdown; nothing is saved. */
  async stop(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGKILL');
    await exited;
  }
}
