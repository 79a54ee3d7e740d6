import * as Y from 'yjs';
import type { Limits } from '../config.js';
import { docFields, planeLog } from '../log.js';
import { loggable, type MergeDoc, type Store } from '../persistence/Store.js';
import { mergeInProcess } from './mergeDoc.js';

const log = planeLog('sync');

/** A board's edit rate is measured over spans of this many commit windows (100 ms at 4 ms). */
const RATE_SPAN_WINDOWS = 25;

/** One update the doc accepted, with the peer it came from (never echoed back to it). */
export interface PendingUpdate {
  update: Uint8Array;
  origin: unknown;
}

/** The limits a board's durable log runs by. */
export type DurabilityLimits = Pick<Limits, 'compactAfterUpdates' | 'syncCommitWindowMs'>;

/** What the log asks of the doc it keeps durable. */
export interface DurableLogHooks {
  /**
   * Called just before a batch is appended, while the doc holds exactly what this batch and the
   * earlier ones wrote: the state vector to announce as "saved up to here", or null when no peer
   * asked for it.
   */
  savedVector(): Uint8Array | null;
  /**
   * The batch is in the store: it may now be sent to peers and other nodes, in order. `merged` is
   * what was stored for it (`mergedBatch`): the same updates, merged, which are what is sent.
   */
  durable(batch: readonly PendingUpdate[], merged: readonly Uint8Array[], savedVector: Uint8Array | null): void;
  /** An append failed: the in-memory doc holds what the store does not and must be dropped. */
  appendFailed(): void;
  /** The store merged the log into its snapshot (the byte count is updated). */
  compacted?(): void;
}

/**
 * The durable side of one board: its group commit and compaction, and the byte count the board
 * quota is checked against.
 *
 * Group commit (DESIGN §4): updates accepted in one event-loop turn are merged and appended to
 * the store together, and only then handed to `durable` to be sent, so nothing is ever sent that
 * is not stored. Every batch has a flush queued on one promise chain, so its tail (`whenDurable`)
 * covers every update accepted so far.
 *
 * Adaptive window (issue #18): on a busy board, a flush that follows the previous one by less than
 * `windowMs` waits for the end of that window. Under a high edit rate a board then commits and
 * broadcasts at most once per window, so each socket gets one write (one `writev`) and the store
 * one transaction for many edits, where per-turn flushes spent most of the server's CPU in
 * `writev`. A board is busy while it takes at least two updates per window on average (counted
 * over spans of `RATE_SPAN_WINDOWS` windows: 500 updates/s at 4 ms). Below that, a window would
 * merge too little to pay for the delay it adds to every edit that happens to follow another
 * closely (at 50 edits/s, one in six): human typing never waits for the window.
 */
export class DurableLog {
  private pending: PendingUpdate[] = [];
  private flushing: Promise<void> = Promise.resolve();
  private flushScheduled = false;
  /** When the last flush started (performance.now()); -Infinity before the first. */
  private lastFlushAt = Number.NEGATIVE_INFINITY;
  /** Updates appended in the current rate span and in the one before (see `isBusy`). */
  private spanStart = Number.NEGATIVE_INFINITY;
  private spanCount = 0;
  private previousSpanCount = 0;
  /** Rows in the store's log since its snapshot (a row holds a batch's merged updates). */
  private logEntries = 0;
  private compacting: Promise<void> | null = null;
  private stopped = false;
  /**
   * What the store holds for this board, in bytes (snapshot plus log): measured at load and after
   * each compaction, counted up by every append and relayed update in between. The board quota
   * (issue #14) is checked against it.
   */
  private bytes = 0;
  /** Every byte ever counted into `bytes`, so a compaction can tell what was added while it ran. */
  private countedBytes = 0;
  /** Until when (performance.now()) compactions wait after the decode pool was full. */
  private busyUntil = 0;

  constructor(
    private readonly name: string,
    private readonly store: Store,
    private readonly limits: DurabilityLimits,
    private readonly hooks: DurableLogHooks,
    /** The merge of a compaction: on the decode pool in the server, so no board is merged on the event loop. */
    private readonly merge: MergeDoc = mergeInProcess,
  ) {}

  /** Counts what the store held when the doc was loaded from it. */
  loaded(stored: { snapshot: readonly Uint8Array[]; updates: readonly Uint8Array[] }): void {
    this.logEntries = stored.updates.length;
    this.bytes = [...stored.snapshot, ...stored.updates].reduce((sum, u) => sum + u.byteLength, 0);
  }

  /** Bytes the store holds for this board (for the quota); a close estimate between compactions. */
  get storedBytes(): number {
    return this.bytes;
  }

  /** An update another node already stored (relayed, or read on a resync): counted, never appended. */
  countDurable(bytes: number): void {
    this.count(bytes);
  }

  private count(bytes: number): void {
    this.bytes += bytes;
    this.countedBytes += bytes;
  }

  /** Queues an accepted update for the next group commit. */
  append(update: Uint8Array, origin: unknown): void {
    this.pending.push({ update, origin });
    this.countForRate(performance.now());
    this.scheduleFlush();
  }

  private countForRate(now: number): void {
    const span = RATE_SPAN_WINDOWS * this.limits.syncCommitWindowMs;
    if (now - this.spanStart >= span) {
      // A span with no update in between leaves nothing to carry over.
      this.previousSpanCount = now - this.spanStart < 2 * span ? this.spanCount : 0;
      this.spanStart = now;
      this.spanCount = 0;
    }
    this.spanCount++;
  }

  /** At least two updates per window, over the current span or the last full one. */
  private get isBusy(): boolean {
    return Math.max(this.spanCount, this.previousSpanCount) >= 2 * RATE_SPAN_WINDOWS;
  }

  /** Resolves once everything accepted so far is durable (answers to newcomers wait for this). */
  whenDurable(): Promise<void> {
    return this.flushing;
  }

  /** Refuses further appends and compactions (the doc failed or is closing). */
  stop(): void {
    this.stopped = true;
  }

  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    this.flushing = this.flushing.then(
      () =>
        new Promise<void>((resolve) => {
          const run = () => {
            this.flushScheduled = false;
            this.flush().then(resolve, resolve);
          };
          // Measured once the previous flush is done, so a slow append never adds a window on top.
          const wait = this.isBusy ? this.lastFlushAt + this.limits.syncCommitWindowMs - performance.now() : 0;
          if (wait >= 1) setTimeout(run, wait);
          else setImmediate(run);
        }),
    );
  }

  private async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0 || this.stopped) return;
    this.lastFlushAt = performance.now();
    // Taken now, while the doc holds exactly what this batch and the earlier ones wrote.
    const savedVector = this.hooks.savedVector();
    let merged: Uint8Array[];
    try {
      // Stored as it is sent, merged (issue #18): under a high edit rate a window holds dozens of
      // updates, and one log row for them is one insert, and a log that needs compacting far less often.
      merged = mergedBatch(batch);
      await this.store.appendUpdates(this.name, merged);
    } catch (error) {
      log.error({ ...docFields(this.name), err: loggable(error) }, 'could not persist; board dropped from memory');
      this.hooks.appendFailed();
      return;
    }
    this.logEntries += merged.length;
    for (const update of merged) this.count(update.byteLength);
    this.hooks.durable(batch, merged, savedVector);
    // In the background: broadcasting the next batch never waits for a compaction.
    if (this.logEntries >= this.limits.compactAfterUpdates) void this.compact();
  }

  /**
   * Has the store merge its log into one snapshot. The store reads what it holds, not the
   * in-memory doc: with several nodes, that doc may still lack another node's updates that are
   * already in the log, and a snapshot taken from it would drop them (issue #9).
   */
  compact(): Promise<void> {
    this.compacting ??= this.runCompaction().finally(() => {
      this.compacting = null;
    });
    return this.compacting;
  }

  /** Waits for a compaction already running (it may have started before the last batch). */
  async whenCompacted(): Promise<void> {
    await this.compacting;
  }

  private async runCompaction(): Promise<void> {
    if (this.stopped || this.logEntries === 0 || performance.now() < this.busyUntil) return;
    const counted = this.logEntries;
    const countedBefore = this.countedBytes;
    const merged: { bytes: number | null } = { bytes: null };
    try {
      // false: another node or process compacted (or is compacting) this doc, which serves as well.
      await this.store.compactDoc(this.name, async (snapshot, updates) => {
        const result = await this.merge(snapshot, updates);
        merged.bytes = result.bytes;
        return result;
      });
      this.logEntries = Math.max(0, this.logEntries - counted);
      // Log rows, not updates: since issue #18 a row holds a commit's merged batch.
      log.info({ ...docFields(this.name), logRows: counted }, 'board compacted');
      if (!this.stopped) {
        // The merged snapshot plus what was added while it ran (a little more than the store holds
        // when an append landed between the start and the read: a close estimate, never under).
        if (merged.bytes !== null) this.bytes = merged.bytes + (this.countedBytes - countedBefore);
        this.hooks.compacted?.();
      }
    } catch (error) {
      if (error instanceof Error && error.name === 'PoolBusyError') {
        // Imports and reports fill the pool: the log simply grows until the next try.
        this.busyUntil = performance.now() + POOL_BUSY_BACKOFF_MS;
        log.warn({ ...docFields(this.name) }, 'compaction postponed: the decode pool is full');
        return;
      }
      log.error({ ...docFields(this.name), err: loggable(error) }, 'compaction failed; the log is kept');
    }
  }
}

/** Ms compactions of a board wait after the decode pool was full (its queue holds seconds of work). */
const POOL_BUSY_BACKOFF_MS = 5_000;

/**
 * At most this many updates are merged into one. `Y.mergeUpdates` costs about 3 µs per small
 * update in batches of up to a few hundred, but 13 µs each in a batch of 1,000 (measured on the
 * bench's edits, 2026-12-03): a board that fell behind would merge ever larger batches ever more
 * slowly per update. In merges of 32 it stays at about 3 µs.
 */
export const MERGE_AT_MOST = 32;

/** A batch as few updates, in order: each merges up to MERGE_AT_MOST (a batch of one is as it is). */
export function mergedBatch(batch: readonly PendingUpdate[]): Uint8Array[] {
  if (batch.length === 1) return [(batch[0] as PendingUpdate).update];
  const merged: Uint8Array[] = [];
  for (let from = 0; from < batch.length; from += MERGE_AT_MOST) {
    const chunk = batch.slice(from, from + MERGE_AT_MOST).map((p) => p.update);
    merged.push(chunk.length === 1 ? (chunk[0] as Uint8Array) : Y.mergeUpdates(chunk));
  }
  return merged;
}
