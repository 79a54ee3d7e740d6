import { CloseCode, SUMMARY_KEY } from '@warsztat/shared';
import * as Y from 'yjs';
import type { Limits } from '../config.js';
import type { Granted } from './authorization.js';
import type { DocPeer } from './DocPeer.js';
import { HeldUpdates } from './HeldUpdates.js';
import type { SharedDoc } from './SharedDoc.js';
import { checkUpdate } from './updateGuard.js';

/** The socket an intake belongs to: its updates' origin, and what a refusal closes. */
export interface IntakePeer extends DocPeer {
  readonly isClosed: boolean;
}

/** What an intake asks of the server, shared by every socket of a token or a board. */
export interface UpdateBudget {
  /** Takes update bytes from the token's budget (shared by its sockets); false once spent. */
  spend(holder: string, bytes: number): Promise<boolean>;
  /** A write was refused because the board is full. */
  boardFull(): void;
}

type Outcome = 'applied' | 'missing' | 'refused';

/**
 * The way in for one socket's updates (issue #14): each is paid for from the token's byte budget,
 * checked against the doc (depth, size, dependencies) and against the board quota, all before it
 * is applied. Each refusal closes only this socket, with a named code; the board is untouched.
 * An update whose dependencies are missing is held (bounded, never in the doc, dropped with the
 * socket) until something fills the gap.
 */
export class UpdateIntake {
  /** Updates waiting for content they refer to. */
  private readonly held: HeldUpdates;

  constructor(
    private readonly peer: IntakePeer,
    private readonly limits: Limits,
    private readonly budget: UpdateBudget,
  ) {
    this.held = new HeldUpdates(limits.maxHeldUpdateBytesPerSocket, limits.maxHeldUpdatesPerSocket);
  }

  /** True while some update waits for a missing dependency. */
  get isHolding(): boolean {
    return this.held.size > 0;
  }

  /** One update from this socket: applied, held, or refused (the socket is closed). */
  async receive(doc: SharedDoc, auth: Granted, update: Uint8Array): Promise<void> {
    const outcome = await this.tryApply(doc, auth, update);
    if (outcome === 'refused') return;
    if (outcome === 'applied') return this.retryHeld(doc, auth);
    // A gap may be filled by a part of the same client's edits that this socket already holds
    // (parts sent out of order); only then is the merge worth its (paid) check.
    const related = this.held.size > 0 && this.held.sharesClientWith(update);
    if (!this.held.hold(update)) {
      return this.peer.close(CloseCode.UpdateRefused, 'too many updates with missing dependencies');
    }
    if (related) await this.retryHeld(doc, auth);
  }

  /**
   * Tries everything this socket holds as ONE merged update. Parts of one client's edits that
   * arrive out of order can each carry a gap the other fills (a merge of keystrokes 1, 3, 5 and
   * one of 2, 4 both hold a Skip): neither applies alone, both together do. Retrying them one by
   * one deadlocked such a socket (cluster-crash: a client's typing never reached the others).
   * The merge is never larger than its parts, so the hold's byte bound still holds.
   */
  async retryHeld(doc: SharedDoc, auth: Granted): Promise<void> {
    if (this.held.size === 0 || this.peer.isClosed) return;
    const parts = this.held.take();
    const merged = parts.length === 1 ? (parts[0] as Uint8Array) : Y.mergeUpdates(parts);
    if ((await this.tryApply(doc, auth, merged)) === 'missing') this.held.hold(merged);
  }

  /** Pays for, checks and applies one update; a refusal closes the socket ('refused'). */
  private async tryApply(doc: SharedDoc, auth: Granted, update: Uint8Array): Promise<Outcome> {
    // Re-checking a held update is paid for again, so holding cannot be used to burn CPU for free.
    if (!(await this.budget.spend(auth.holder, update.byteLength))) {
      this.peer.close(CloseCode.TooManyMessages, 'update budget exceeded');
      return 'refused';
    }
    if (this.peer.isClosed || doc.isFailed) return 'refused';
    // Issue #20: once a rapporteur is chosen, the summary is theirs and the staff's (4423).
    const summaryLocked = auth.canWriteSummary !== undefined && !auth.canWriteSummary();
    const verdict = checkUpdate(update, doc.doc, this.limits, summaryLocked ? SUMMARY_KEY : undefined);
    if (!verdict.ok) {
      if (verdict.missing) return 'missing';
      this.peer.close(verdict.code, verdict.reason);
      return 'refused';
    }
    // An empty update (a step 2 from a client that has nothing new) changes nothing, even when full.
    if (verdict.structs === 0 && verdict.deleteRanges === 0) return 'applied';
    if (doc.storedBytes + update.byteLength > this.limits.boardQuotaBytes) {
      this.budget.boardFull();
      this.peer.close(CloseCode.BoardFull, 'board full');
      return 'refused';
    }
    doc.applyFromPeer(update, this.peer);
    return 'applied';
  }
}
