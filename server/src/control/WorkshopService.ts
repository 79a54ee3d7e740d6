import { ErrorCode } from '@warsztat/shared';
import type { EventRecord, TokenRecord, WorkshopRecord } from '../domain/workshop.js';
import { hashToken } from '../ids.js';
import { planeLog } from '../log.js';
import { loggable, StaleWriteError, type Store, StoreUnavailableError } from '../persistence/Store.js';
import { followChange } from './commands/follow.js';
import { fail, type Result, unavailable } from './result.js';

const log = planeLog('control');

type WorkshopListener = (workshop: WorkshopRecord) => void;

/**
 * Attempts of one command when another node keeps saving the same workshop first; each retry
 * runs on the state reloaded from the store. Past this the caller gets a 409 to try again.
 */
export const MAX_STALE_ATTEMPTS = 8;
/** Upper bound of the random pause before retry n is n × this, so two nodes stop colliding in step. */
const STALE_RETRY_JITTER_MS = 5;

/**
 * The control plane's core and its one authority over workshop state: every change goes through
 * `run` + `commit`, is stored with its event (the audit log) and only then becomes the current
 * state and is announced. Tasks on one workshop run one at a time, so two facilitators clicking at
 * once never interleave. Across nodes the store's version check does that job: a save based on an
 * old version is refused (StaleWriteError), and the task runs again on the reloaded state, so
 * neither is lost. What a change is lives elsewhere (commands/, Onboarding, RecallService); who
 * is online lives in PresenceService. This class only keeps, orders, stores and announces.
 */
export class WorkshopService {
  private readonly cache = new Map<string, WorkshopRecord>();
  /** When each cached workshop was last read or changed, for evicting idle ones. */
  private readonly lastUsed = new Map<string, number>();
  private readonly queues = new Map<string, Promise<unknown>>();
  private readonly changeListeners = new Set<WorkshopListener>();
  private readonly storedListeners = new Set<WorkshopListener>();
  private readonly forgetListeners = new Set<(workshopId: string) => void>();
  private readonly goneListeners = new Set<(workshopId: string) => Promise<void>>();
  private readonly holds = new Set<(workshopId: string) => boolean>();
  /** Workshops being deleted: nothing loads them meanwhile. */
  private readonly hidden = new Set<string>();

  constructor(
    private readonly store: Store,
    readonly now: () => number = Date.now,
  ) {}

  /** A workshop's current state changed (a commit, another node's change, presence): views are stale. */
  onChange(listener: WorkshopListener): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  /** A stored version entered the cache (loaded, committed or reloaded): for state kept beside it (recall timers). */
  onStored(listener: WorkshopListener): () => void {
    this.storedListeners.add(listener);
    return () => this.storedListeners.delete(listener);
  }

  /** The workshop left the cache (idle, or deleted): forget what is kept per workshop beside it. */
  onForget(listener: (workshopId: string) => void): () => void {
    this.forgetListeners.add(listener);
    return () => this.forgetListeners.delete(listener);
  }

  /** A cached workshop is no longer in the store (deleted elsewhere, and the bus notice was lost). */
  onGone(listener: (workshopId: string) => Promise<void>): () => void {
    this.goneListeners.add(listener);
    return () => this.goneListeners.delete(listener);
  }

  /** Drops the workshop from memory now (a deletion); `get` finds nothing until `hide` is undone. */
  forget(workshopId: string): void {
    this.cache.delete(workshopId);
    this.lastUsed.delete(workshopId);
    for (const listener of this.forgetListeners) listener(workshopId);
  }

  /** Keeps `get` from loading the workshop until the returned function is called (a deletion in progress). */
  hide(workshopId: string): () => void {
    this.hidden.add(workshopId);
    return () => this.hidden.delete(workshopId);
  }

  /** Keeps a workshop cached while `held` says so (a pending recall timer needs its state). */
  holdWhile(held: (workshopId: string) => boolean): void {
    this.holds.add(held);
  }

  /** Tells the listeners the cached state again, unchanged (presence changed, not the workshop). */
  announce(workshopId: string): void {
    const workshop = this.cache.get(workshopId);
    if (workshop) this.emit(workshop);
  }

  private emit(workshop: WorkshopRecord): void {
    for (const listener of this.changeListeners) listener(workshop);
  }

  private stored(workshop: WorkshopRecord): void {
    for (const listener of this.storedListeners) listener(workshop);
  }

  /** Runs `task` after every earlier task of the same workshop. */
  queue<T>(workshopId: string, task: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(workshopId) ?? Promise.resolve();
    const next = previous.then(task, task);
    const settled = next.catch(() => undefined);
    this.queues.set(workshopId, settled);
    void settled.then(() => {
      if (this.queues.get(workshopId) === settled) this.queues.delete(workshopId);
    });
    return next;
  }

  private remember(workshop: WorkshopRecord): void {
    this.cache.set(workshop.id, workshop);
    this.lastUsed.set(workshop.id, this.now());
  }

  async get(id: string): Promise<WorkshopRecord | null> {
    if (this.hidden.has(id)) return null;
    const cached = this.cache.get(id);
    if (cached) {
      this.lastUsed.set(id, this.now());
      return cached;
    }
    const loaded = await this.store.loadWorkshop(id);
    if (loaded && !this.cache.has(id)) {
      this.remember(loaded);
      // A recall stored before a restart still ends the breakout (at once if its time has passed).
      this.stored(loaded);
    }
    return this.cache.get(id) ?? null;
  }

  /** Cached state for hot paths (per sync message); null when the workshop is not loaded. */
  peek(id: string): WorkshopRecord | null {
    return this.cache.get(id) ?? null;
  }

  /** The token's record; null for a malformed or unknown token (raw tokens come straight from the door). */
  async resolveToken(token: unknown): Promise<TokenRecord | null> {
    if (typeof token !== 'string' || token.length < 16 || token.length > 64) return null;
    return this.store.findToken(hashToken(token));
  }

  /** A line of the audit log, stamped now. */
  event(workshopId: string, type: string, data: unknown): EventRecord {
    return { workshopId, at: this.now(), type, data };
  }

  /** Stores a new workshop with its tokens and first event, then caches it. */
  async add(workshop: WorkshopRecord, tokens: TokenRecord[], event: EventRecord): Promise<void> {
    await this.store.createWorkshop(workshop, tokens, event);
    this.remember(workshop);
  }

  /** A join code no workshop has yet. */
  async freeJoinCode(make: () => string): Promise<string> {
    let joinCode = make();
    while (await this.store.findWorkshopByJoinCode(joinCode)) joinCode = make();
    return joinCode;
  }

  findByJoinCode(joinCode: string): Promise<string | null> {
    return this.store.findWorkshopByJoinCode(joinCode);
  }

  /**
   * Writes a doc's content before the workshop that names it exists (imports): its parts as
   * consecutive log entries in one transaction, so its first open is applied a part per turn.
   */
  async writeDoc(name: string, updates: Uint8Array[]): Promise<void> {
    await this.store.appendUpdates(name, updates);
  }

  /**
   * Ids of workshops that never came to be (an import failed half-way) whose boards the store may
   * still hold: nothing refers to them, so no export, erasure or retention would ever reach them.
   */
  private readonly unclaimed = new Set<string>();

  /**
   * Removes every doc of a workshop that was never created (the rows an import wrote before it
   * failed). When the store refuses now (it is full or down, which is often why the import failed)
   * the id is kept and tried again by `retryUnclaimed`, which the retention sweep calls.
   */
  async discardDocs(workshopId: string): Promise<void> {
    try {
      await this.store.deleteWorkshop(workshopId);
      this.unclaimed.delete(workshopId);
    } catch (error) {
      this.unclaimed.add(workshopId);
      log.warn({ workshopId, err: loggable(error) }, "could not remove a failed import's boards yet; will retry");
    }
  }

  /** Tries again to remove the boards of failed imports (see discardDocs). */
  async retryUnclaimed(): Promise<void> {
    for (const id of [...this.unclaimed]) await this.discardDocs(id);
  }

  /**
   * Stores the change with its event (and new tokens, for a join), then makes it current and
   * announces it, never the reverse. Call inside `run`: a StaleWriteError re-runs the task there.
   */
  async commit(
    current: WorkshopRecord,
    changed: WorkshopRecord,
    type: string,
    data: unknown,
    tokens?: TokenRecord[],
  ): Promise<WorkshopRecord> {
    if (changed === current) return current;
    // What follows from the change (expired messages, the agenda's current item), then retention:
    // a workshop nobody closed counts from its last change (issue #19).
    const followed = followChange(current, changed);
    const next = { ...followed, control: { ...followed.control, lastActivityAt: this.now() } };
    const version = await this.store.saveWorkshop(next, this.event(next.id, type, data), tokens);
    const saved = { ...next, version };
    this.remember(saved);
    // Ids and event types only: a command's data may carry names (renames, narrative text).
    if (saved.phase !== current.phase)
      log.info({ workshopId: saved.id, from: current.phase, to: saved.phase }, 'phase changed');
    else log.debug({ workshopId: saved.id, event: type, version }, 'workshop changed');
    this.stored(saved);
    this.emit(saved);
    return saved;
  }

  /**
   * Runs `task` in the workshop's queue, with the cross-node rule: when the store refuses a save as
   * stale, the workshop is reloaded (and announced, so local clients see the other node's change)
   * and `task` runs again. The store being down is the `unavailable` answer, never a throw.
   */
  run<T>(workshopId: string, task: () => Promise<Result<T>>): Promise<Result<T>> {
    return this.queue(workshopId, async () => {
      for (let attempt = 1; ; attempt++) {
        try {
          return await task();
        } catch (error) {
          if (error instanceof StoreUnavailableError) return unavailable<T>();
          if (!(error instanceof StaleWriteError)) throw error;
          if (attempt >= MAX_STALE_ATTEMPTS) {
            await this.reload(workshopId);
            return fail<T>(ErrorCode.Conflict, 'The workshop kept changing on another server; try again');
          }
          await new Promise((resolve) => setTimeout(resolve, Math.random() * STALE_RETRY_JITTER_MS * attempt));
          await this.reload(workshopId);
        }
      }
    });
  }

  /** Replaces the cached workshop with the stored one and announces it when it is newer. */
  private async reload(workshopId: string): Promise<WorkshopRecord | null> {
    const loaded = await this.store.loadWorkshop(workshopId);
    const cached = this.cache.get(workshopId);
    if (!loaded) {
      // Deleted elsewhere and the bus notice was lost (Redis outage): hang up as if told.
      if (cached) await Promise.all([...this.goneListeners].map((listener) => listener(workshopId)));
      this.cache.delete(workshopId);
      this.lastUsed.delete(workshopId);
      return null;
    }
    if (cached && cached.version >= loaded.version) return cached;
    this.remember(loaded);
    this.stored(loaded);
    this.emit(loaded);
    return loaded;
  }

  /**
   * Reads the workshop again from the store, after another node said it changed (or to check);
   * runs after any command in flight on this node, and announces the stored state if it is newer.
   */
  refresh(workshopId: string): Promise<WorkshopRecord | null> {
    return this.queue(workshopId, () => this.reload(workshopId));
  }

  /**
   * Forgets workshops nobody has used for `idleMs` and that no socket is on (`inUse`), so a
   * long-running node holds only live workshops; they reload from the store on next use. Sync
   * rights read this cache, which is why a workshop with open sockets is never evicted.
   */
  evictIdle(idleMs: number, inUse: (workshopId: string) => boolean): number {
    const cutoff = this.now() - idleMs;
    let evicted = 0;
    for (const [id, used] of this.lastUsed) {
      if (used > cutoff || inUse(id) || this.queues.has(id) || [...this.holds].some((held) => held(id))) continue;
      this.forget(id);
      log.info({ workshopId: id }, 'workshop unloaded (idle)');
      evicted++;
    }
    return evicted;
  }

  get cachedWorkshops(): number {
    return this.cache.size;
  }

  /** Ids of the workshops this node holds (multi-node mode refreshes them after a Redis outage). */
  cachedIds(): string[] {
    return [...this.cache.keys()];
  }
}
