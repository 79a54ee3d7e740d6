import { canTransition, ErrorCode } from '@warsztat/shared';
import { planeLog } from '../log.js';
import { applyPhase } from './commands/phase.js';
import { RecallTimers } from './RecallTimers.js';
import { ok } from './result.js';
import type { WorkshopService } from './WorkshopService.js';

const log = planeLog('control');

/** Ms before a recall that could not be stored (database down) is tried again. */
const RECALL_RETRY_MS = 2_000;

/**
 * The end of a breakout's recall countdown (`control.recallEndsAt`, set by the `recall` command):
 * one timer per workshop kept in step with every stored version (loaded, committed, reloaded), so
 * a restart or another node's change re-arms or cancels it. When it runs out the room goes to
 * plenary through the common commit, like any command.
 */
export class RecallService {
  private readonly timers: RecallTimers;
  /** Recalls waiting for the store to come back. */
  private readonly retries = new Set<NodeJS.Timeout>();

  constructor(private readonly workshops: WorkshopService) {
    this.timers = new RecallTimers((id, endsAt) => void this.fire(id, endsAt), workshops.now);
    workshops.onStored((w) => this.timers.sync(w.id, w.control.recallEndsAt));
    // The timer needs the workshop's state when it fires; a deleted workshop's timer goes with it.
    workshops.holdWhile((id) => this.timers.isPending(id));
    workshops.onForget((id) => this.timers.sync(id, null));
  }

  /** The recall countdown ran out: plenary now, unless the facilitator changed course meanwhile. */
  private async fire(workshopId: string, endsAt: number): Promise<void> {
    try {
      const outcome = await this.workshops.run(workshopId, async () => {
        const current = this.workshops.peek(workshopId);
        // Cancelled or replaced (a phase change clears it, or another node fired it) while pending.
        if (!current || current.control.recallEndsAt !== endsAt) return ok(null);
        const result = canTransition(current.phase, 'plenary')
          ? applyPhase(current, { type: 'phase', to: 'plenary' }, this.workshops.now())
          : ok({ ...current, control: { ...current.control, recallEndsAt: null } });
        if (result.ok) await this.workshops.commit(current, result.value, 'recall.fired', { endsAt });
        return ok(null);
      });
      // The store was down when the countdown ran out: the room still goes back, a little late.
      if (!outcome.ok && outcome.error.code === ErrorCode.Unavailable) {
        const retry = setTimeout(() => {
          this.retries.delete(retry);
          this.timers.sync(workshopId, endsAt);
        }, RECALL_RETRY_MS);
        this.retries.add(retry);
      }
    } catch (error) {
      log.error({ workshopId, err: error }, 'recall failed');
    }
  }

  /** Stops pending timers; called when the server closes. */
  dispose(): void {
    this.timers.dispose();
    for (const retry of this.retries) clearTimeout(retry);
    this.retries.clear();
  }
}
