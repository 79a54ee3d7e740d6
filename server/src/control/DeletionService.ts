import { ErrorCode } from '@warsztat/shared';
import { planeLog } from '../log.js';
import type { Store } from '../persistence/Store.js';
import { fail, ok, type Result, storeAnswer } from './result.js';
import type { WorkshopService } from './WorkshopService.js';

const log = planeLog('control');

/** A workshop was deleted (here or on another node): drop everything of it held in memory. */
type DeleteListener = (workshopId: string) => void | Promise<void>;

/**
 * Deleting a whole workshop (issue #19): by its facilitator, by the retention sweep, or on another
 * node (told by the cluster bus). The sync plane and the control socket listen (`onDelete`) to
 * close their sockets and drop their docs.
 */
export class DeletionService {
  private readonly deleteListeners = new Set<DeleteListener>();
  /** Told once per deletion this node made (the cluster bus tells the other nodes). */
  private readonly deletedHere = new Set<(workshopId: string) => void>();

  constructor(
    private readonly workshops: WorkshopService,
    private readonly store: Store,
  ) {
    workshops.onGone((id) => this.forgetLocally(id));
  }

  /**
   * Listeners run when a workshop is deleted, here or (told by the cluster bus) on another node:
   * the sync plane closes its sockets (4401) and drops its docs, the control plane hangs up.
   */
  onDelete(listener: DeleteListener): () => void {
    this.deleteListeners.add(listener);
    return () => this.deleteListeners.delete(listener);
  }

  /** Called after each deletion made by this node (not for ones another node announced). */
  onDeletedHere(listener: (workshopId: string) => void): () => void {
    this.deletedHere.add(listener);
    return () => this.deletedHere.delete(listener);
  }

  /**
   * Deletes the workshop and everything of it: this node forgets it first, so no socket can write
   * to it meanwhile, then the store removes it in one transaction. Resolves not_found when nothing
   * was stored. `reason` goes to the one log line, with the id only.
   */
  deleteWorkshop(workshopId: string, reason: 'facilitator' | 'retention'): Promise<Result<null>> {
    return this.workshops.queue(workshopId, () =>
      storeAnswer(async () => {
        const show = this.workshops.hide(workshopId);
        try {
          await this.forgetLocally(workshopId);
          const existed = await this.store.deleteWorkshop(workshopId);
          if (!existed) return fail<null>(ErrorCode.NotFound, 'No such workshop');
          // Docs another socket may have reopened between the drop and the store's delete go too.
          await this.forgetLocally(workshopId);
          // One line per deletion, with the workshop id only (issue #19): never a name or a token.
          log.info({ workshopId, reason }, 'workshop deleted');
          for (const listener of this.deletedHere) listener(workshopId);
          return ok(null);
        } finally {
          show();
        }
      }),
    );
  }

  /** Another node deleted the workshop: drop what this node holds of it (the store has nothing left). */
  forgetDeleted(workshopId: string): Promise<void> {
    return this.workshops.queue(workshopId, () => this.forgetLocally(workshopId));
  }

  private async forgetLocally(workshopId: string): Promise<void> {
    this.workshops.forget(workshopId);
    await Promise.all([...this.deleteListeners].map(async (listener) => listener(workshopId)));
  }
}
