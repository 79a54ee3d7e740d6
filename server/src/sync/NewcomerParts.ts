import * as Y from 'yjs';

/** Recent updates are folded into one part once there are this many of them... */
const FOLD_COUNT = 64;
/** ...or this many bytes. */
const FOLD_BYTES = 256 * 1024;

/**
 * A large board's durable content as a list of bounded updates, for newcomers (issue #14, CPU
 * fairness). A newcomer's first sync is the whole board; encoding it from the live doc is one
 * synchronous `Y.encodeStateAsUpdate`: 40 ms for a 3 MB board of short cards, 140–190 ms at the
 * 16 MiB quota, paid again by the first newcomer after every edit. The store already holds the
 * board in bounded parts (segmented snapshot, then the log), so a large board keeps that list and
 * sends it part by part instead — no encoding on the event loop, and a phone applies a part at a
 * time rather than freezing on one 16 MB update.
 *
 * The list starts from the store (at load, and again after each compaction, which shrinks it back
 * to the merged snapshot) and grows by each durable batch in the order it became durable, so it
 * only ever holds what is stored. Recent small updates are folded into one part now and then so
 * the list stays short. A read that is still under way collects the batches that land meanwhile
 * and adds them after what it read (Yjs ignores what a client already has, so overlap is harmless).
 */
export class NewcomerParts {
  /** The stored parts, or null while the board is small (or not read yet). */
  private parts: Uint8Array[] | null = null;
  private tail: Uint8Array[] = [];
  private tailBytes = 0;
  /** Batches that became durable during a store read. */
  private collected: Uint8Array[] | null = null;
  private reading: Promise<void> | null = null;
  private readAgain = false;
  private stopped = false;
  /** Bumped on every change of the list, so a copy made from it knows when it is stale. */
  private changes = 0;

  constructor(private readonly readStored: () => Promise<Uint8Array[]>) {}

  /** Whether newcomers are answered from the parts (the board is large and its parts are read). */
  get active(): boolean {
    return this.parts !== null;
  }

  /** Changes of the list so far: equal counts mean an equal list. */
  get version(): number {
    return this.changes;
  }

  /** Starts the list from parts just read from the store (the load's own read). */
  reset(parts: readonly Uint8Array[]): void {
    if (this.stopped) return;
    this.changes++;
    this.parts = [...parts];
    this.tail = [];
    this.tailBytes = 0;
  }

  /** A durable update, in the order it became durable. */
  add(update: Uint8Array): void {
    this.collected?.push(update);
    if (!this.parts) return;
    this.changes++;
    this.tail.push(update);
    this.tailBytes += update.byteLength;
    if (this.tail.length >= FOLD_COUNT || this.tailBytes >= FOLD_BYTES) {
      this.parts.push(Y.mergeUpdates(this.tail));
      this.tail = [];
      this.tailBytes = 0;
    }
  }

  /** Reads the list again from the store (after a compaction, or once the board grew large). */
  refresh(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.reading) {
      this.readAgain = true;
      return this.reading;
    }
    this.collected = [];
    this.reading = this.readStored()
      .then((stored) => {
        if (this.stopped) return;
        this.reset([...stored, ...(this.collected ?? [])]);
      })
      // Unreadable now: newcomers are answered from the live doc until the next refresh.
      .catch(() => this.drop())
      .finally(() => {
        this.collected = null;
        this.reading = null;
        if (this.readAgain) {
          this.readAgain = false;
          void this.refresh();
        }
      });
    return this.reading;
  }

  /** Stops keeping the list (the board is small again): newcomers get one encoded update. */
  drop(): void {
    this.changes++;
    this.parts = null;
    this.tail = [];
    this.tailBytes = 0;
  }

  /** The parts in order, or null when newcomers are answered from the live doc. */
  list(): Uint8Array[] | null {
    return this.parts ? [...this.parts, ...this.tail] : null;
  }

  stop(): void {
    this.stopped = true;
    this.drop();
  }
}
