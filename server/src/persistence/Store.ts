import type { RetentionRow } from '../domain/retention.js';
import type { EventRecord, TokenRecord, WorkshopRecord } from '../domain/workshop.js';

export interface StoredDoc {
  /**
   * The compacted snapshot in parts, in order ([] when there is none): applied one after another
   * they never leave pending structs (sync/segmentUpdate.ts), so a board can be loaded a part per
   * event-loop turn (issue #14). A snapshot written before parts existed is one part.
   */
  snapshot: Uint8Array[];
  updates: Uint8Array[];
  /** Highest update seq in the log (0 when empty). */
  lastSeq: number;
}

/** A snapshot merged from a stored one and its log: the parts to store, and their bytes in all. */
export interface MergedSnapshot {
  parts: Uint8Array[];
  bytes: number;
}

/**
 * Merges a stored snapshot (parts) and log into a new snapshot. The server runs it on its decode
 * pool (offthread/, issue #14); sync/mergeDoc.ts has the same work in-process for tools and tests.
 */
export type MergeDoc = (snapshot: Uint8Array[], updates: Uint8Array[]) => Promise<MergedSnapshot>;

/**
 * The workshop changed in the store since the caller loaded it (another node saved first), or it
 * is gone. Nothing was written; reload and re-run the command.
 */
export class StaleWriteError extends Error {
  constructor(
    readonly workshopId: string,
    readonly expectedVersion: number,
  ) {
    super(`workshop ${workshopId} is no longer at version ${expectedVersion}`);
    this.name = 'StaleWriteError';
  }
}

/**
 * The store cannot be reached (database down, connection lost, pool exhausted): nothing was
 * acknowledged. Doors answer `unavailable` (503); the caller may retry once the store is back.
 */
export class StoreUnavailableError extends Error {
  constructor(options?: { cause?: unknown }) {
    super('The database is not available', options);
    this.name = 'StoreUnavailableError';
  }
}

/** What to log about a store failure: one line for an outage (it repeats), the whole error otherwise. */
export function loggable(error: unknown): unknown {
  if (!(error instanceof StoreUnavailableError)) return error;
  const cause = error.cause instanceof Error ? error.cause.message : String(error.cause ?? '');
  return cause ? `${error.message} (${cause})` : error.message;
}

/**
 * Everything durable goes through this interface (DESIGN §4): SQLite is the embedded default,
 * PostgreSQL the multi-node one. Methods are async so both fit.
 */
export interface Store {
  /** Writes the workshop with its groups, participants and tokens, and the event, in one transaction. */
  createWorkshop(workshop: WorkshopRecord, tokens: TokenRecord[], event: EventRecord): Promise<void>;
  /**
   * Replaces the workshop's mutable state (row, groups, participants), adds the tokens and appends
   * the event, atomically — only if the stored version is still `workshop.version`; otherwise it
   * writes nothing and rejects with StaleWriteError. Resolves with the new version.
   */
  saveWorkshop(workshop: WorkshopRecord, event: EventRecord, tokens?: TokenRecord[]): Promise<number>;
  loadWorkshop(id: string): Promise<WorkshopRecord | null>;
  findWorkshopByJoinCode(joinCode: string): Promise<string | null>;
  findToken(hash: string): Promise<TokenRecord | null>;
  listEvents(workshopId: string): Promise<EventRecord[]>;
  /**
   * Deletes the workshop and everything of it — row, groups, participants, tokens, events, and the
   * update log and snapshot of every doc named `<id>.…` (boards, plenary) — in one transaction.
   * Resolves false when there was nothing to delete. Nothing of it can be read afterwards.
   */
  deleteWorkshop(id: string): Promise<boolean>;
  /** Every stored workshop's retention inputs, for the sweep. */
  listRetention(): Promise<RetentionRow[]>;

  loadDoc(name: string): Promise<StoredDoc>;
  /** Appends updates to the doc's log in one transaction; resolves with the last seq once they are durable. */
  appendUpdates(name: string, updates: Uint8Array[]): Promise<number>;
  /**
   * Merges the stored snapshot and log into a new snapshot (with `merge`, which may run on another
   * thread) and removes exactly the merged log entries, from what the store holds (not from any
   * node's memory, which may lack another node's updates). The read comes first, then the merge,
   * then one write transaction, which writes nothing and resolves false if the snapshot changed or
   * the log was deleted meanwhile (another process compacted, the workshop was deleted). An update
   * appended meanwhile stays in the log. Resolves false, doing nothing, while another node holds
   * this doc's compaction lock (PostgreSQL: taken by the read and by the write, not held through
   * the merge), and when its write finds another compaction got there first.
   */
  compactDoc(name: string, merge: MergeDoc): Promise<boolean>;

  /** Whether the store answers now (for /healthz); never throws. */
  ping(): Promise<boolean>;

  close(): Promise<void>;
}
