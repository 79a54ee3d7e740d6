import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'warsztat-bench-smoke-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Output {
  results: Record<string, Record<string, unknown>>;
  errors: string[];
}

/**
 * Keeps the sync benchmark (tests/bench/run.ts, issue #8) from rotting: the harness runs with tiny
 * sizes against every peer, each its own process, and every workload must come back with a result
 * for every server it applies to. No timing is asserted (speed is measured, never asserted).
 */
describe('sync benchmark harness', () => {
  it('produces results for every workload and every peer', async () => {
    const json = join(dir, 'smoke.json');
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/bench/run.ts', '--smoke', `--json=${json}`], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c: Buffer) => {
      output += c.toString();
    });
    child.stderr.on('data', (c: Buffer) => {
      output += c.toString();
    });
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code, output).toBe(0);
    const { results, errors } = JSON.parse(readFileSync(json, 'utf8')) as Output;
    expect(errors).toEqual([]);
    const peers = Object.keys(results.typing ?? {});
    expect(peers).toEqual([
      'ws relay (floor)',
      '@y/websocket-server',
      'Hocuspocus',
      'Hocuspocus + SQLite',
      'Warsztat (in-memory store)',
      'Warsztat (SQLite, default)',
    ]);
    expect(Object.keys(results.saturation ?? {})).toEqual(peers);
    expect(Object.keys(results.idle ?? {})).toEqual(peers);
    expect(Object.keys(results.plenary ?? {})).toEqual(peers);
    expect(Object.keys(results.capacity ?? {})).toEqual(peers);
    expect(Object.keys(results.cost ?? {})).toEqual(peers);
    // The relay keeps no state, so it serves no join and has nothing to load.
    expect(Object.keys(results.joinStorm ?? {})).toEqual(peers.slice(1));
    expect(Object.keys(results.coldLoad ?? {})).toEqual(['Hocuspocus + SQLite', 'Warsztat (SQLite, default)']);
    for (const byPeer of [results.typing, results.saturation]) {
      for (const result of Object.values(byPeer ?? {})) {
        expect((result as { latency?: { samples: number } }).latency?.samples ?? 1).toBeGreaterThan(0);
      }
    }
    // Every server delivered every edit of the typing run to every other client of its group.
    for (const [peer, result] of Object.entries(results.typing ?? {})) {
      expect((result as { delivered: number }).delivered, peer).toBe(1);
    }
    // … and every plenary edit to every reader, with 300 (here 5) echoing readers on one doc.
    for (const [peer, result] of Object.entries(results.plenary ?? {})) {
      expect((result as { delivered: number }).delivered, peer).toBe(1);
    }
  }, 120_000);
});
