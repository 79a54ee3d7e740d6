import type { DeletionService } from '../control/DeletionService.js';
import { rowDueAt } from '../domain/retention.js';
import { planeLog } from '../log.js';
import { loggable, type Store } from '../persistence/Store.js';

/**
 * Deletes every workshop whose retention period has ended (issue #19): `retentionDays` after it was
 * closed, or after its last activity when nobody closed it. Runs when the server starts and then
 * every `intervalMs`. Each node sweeps; a workshop two nodes find due is deleted by the first and
 * is simply gone for the second. The clock is injected so a test can stand a year later.
 */
export class RetentionSweep {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<string[]> | null = null;

  constructor(
    private readonly store: Store,
    private readonly deletion: DeletionService,
    private readonly intervalMs: number,
    private readonly now: () => number = Date.now,
    /** Boards of failed imports the store refused to remove at the time (WorkshopService.discardDocs). */
    private readonly unclaimed: { retryUnclaimed(): Promise<void> } | null = null,
  ) {}

  start(): void {
    void this.sweep();
    this.timer = setInterval(() => void this.sweep(), this.intervalMs);
    this.timer.unref();
  }

  /** One pass; resolves with the ids it deleted. A pass already running is joined, not doubled. */
  sweep(): Promise<string[]> {
    this.running ??= this.pass().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async pass(): Promise<string[]> {
    const deleted: string[] = [];
    try {
      await this.unclaimed?.retryUnclaimed();
      const now = this.now();
      for (const row of await this.store.listRetention()) {
        if (rowDueAt(row) > now) continue;
        const result = await this.deletion.deleteWorkshop(row.id, 'retention');
        if (result.ok) deleted.push(row.id);
      }
    } catch (error) {
      // The database is down or a deletion failed: the next pass tries again; nothing was half-deleted.
      planeLog('store').error({ err: loggable(error) }, 'retention sweep failed');
    }
    return deleted;
  }

  async dispose(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }
}
