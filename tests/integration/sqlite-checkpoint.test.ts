import { copyFileSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteStore, WAL_SIZE_LIMIT_BYTES } from '../../server/src/persistence/SqliteStore.js';
import { waitFor } from '../helpers/poll.js';

/** Rows of `doc_updates` in the database file alone, as if its WAL were lost: what a checkpoint copied. */
function rowsInMainFile(dir: string, path: string): number {
  const copy = join(dir, `copy-${Date.now()}-${Math.random()}.db`);
  try {
    copyFileSync(path, copy);
    const db = new Database(copy);
    try {
      return (db.prepare('SELECT COUNT(*) AS n FROM doc_updates').get() as { n: number }).n;
    } finally {
      db.close();
    }
  } catch {
    // Copied half-way through a checkpoint's write: look again.
    return -1;
  } finally {
    for (const suffix of ['', '-wal', '-shm']) rmSync(copy + suffix, { force: true });
  }
}

/**
 * Issue #18: SQLite's automatic checkpoint ran inside a commit on the event loop (3–6 ms, once a
 * second while 500 editors typed). The store now checkpoints from a worker thread; the main
 * connection only appends, with a high automatic threshold kept as a backstop.
 */
describe('the SQLite WAL checkpoint', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('copies committed updates into the database file from its worker, and closes cleanly', async () => {
    dir = mkdtempSync(join(tmpdir(), 'warsztat-checkpoint-'));
    const path = join(dir, 'w.db');
    const store = new SqliteStore(path);
    const raw = (store as unknown as { db: Database.Database }).db;
    // Far above what this test writes: only the worker can have copied these rows.
    expect(raw.pragma('wal_autocheckpoint', { simple: true })).toBe(10_000);
    const update = new Uint8Array(2_000).fill(7);
    for (let i = 0; i < 50; i++) await store.appendUpdates('w1/board/g1', [update]);
    expect(statSync(`${path}-wal`).size).toBeGreaterThan(50 * 2_000);

    await waitFor(() => rowsInMainFile(dir, path) === 50, 10_000);
    // The doc reads back whole through the main connection meanwhile.
    expect((await store.loadDoc('w1/board/g1')).updates).toHaveLength(50);

    // Writes after a completed checkpoint reuse the WAL from its start: over five more rounds it
    // stays near one round's size. (A round may start while a checkpoint is finishing and append
    // after it, so the bound allows two rounds more; without checkpoints it would hold all six.)
    const roundSize = statSync(`${path}-wal`).size;
    for (let round = 2; round <= 6; round++) {
      for (let i = 0; i < 50; i++) await store.appendUpdates('w1/board/g1', [update]);
      await waitFor(() => rowsInMainFile(dir, path) === round * 50, 10_000);
    }
    expect(statSync(`${path}-wal`).size).toBeLessThanOrEqual(3 * roundSize);

    await store.close();
    // The last connection to close checkpoints and removes the WAL: the worker's closed first.
    expect(existsSync(`${path}-wal`)).toBe(false);
    expect(rowsInMainFile(dir, path)).toBe(300);
  });

  it('cuts the WAL file back after a burst larger than its limit', async () => {
    dir = mkdtempSync(join(tmpdir(), 'warsztat-checkpoint-'));
    const path = join(dir, 'w.db');
    const store = new SqliteStore(path);
    // An import-sized burst, committed faster than a checkpoint round: 24 MiB in 24 transactions.
    const update = new Uint8Array(256 * 1024).fill(9);
    for (let i = 0; i < 24; i++) await store.appendUpdates('w1/board/g1', [update, update, update, update]);
    expect(statSync(`${path}-wal`).size).toBeGreaterThan(WAL_SIZE_LIMIT_BYTES);
    await waitFor(() => rowsInMainFile(dir, path) === 96, 20_000);
    // The first write after a complete checkpoint restarts the WAL and truncates the file. The rows
    // can reach the file a moment before the checkpoint counts itself complete, so small writes
    // continue until one finds it complete (without the limit the file never shrinks: a timeout).
    let small = 0;
    await waitFor(
      async () => {
        await store.appendUpdates('w1/board/g1', [new Uint8Array([0, 0])]);
        small++;
        return statSync(`${path}-wal`).size <= WAL_SIZE_LIMIT_BYTES;
      },
      10_000,
      'the WAL file cut back',
    );
    expect((await store.loadDoc('w1/board/g1')).updates).toHaveLength(96 + small);
    await store.close();
  });

  it('keeps no worker for an in-memory database', async () => {
    const store = new SqliteStore(':memory:');
    expect((store as unknown as { checkpointer: unknown }).checkpointer).toBeNull();
    await store.appendUpdates('w1/board/g1', [new Uint8Array([0, 0])]);
    await store.close();
  });
});
