import type { CloseCode } from '@warsztat/shared';
import type { AwarenessUser } from './awarenessGuard.js';

/**
 * What the rights rule (authorizeDoc.ts) says about one (token, doc) pair. A module of its own so
 * SyncServer and SyncConnection both read it without importing each other.
 */
export type Authorization =
  | {
      ok: true;
      workshopId: string;
      /** Re-evaluated whenever the workshop changes; false closes the socket with 4403. */
      canRead: () => boolean;
      /**
       * Whether the token is still its workshop's current link, re-evaluated with `canRead`; false
       * (the link was rotated, issue #14) closes the socket with 4401, as a bad token would be.
       */
      current: () => boolean;
      /** Re-evaluated on every update message; false drops the update and keeps the socket. */
      canWrite: () => boolean;
      /**
       * Re-evaluated on every update message: false refuses (4423) an update that changes the
       * `summary` fragment. Absent: the summary is as writable as the rest of the doc.
       */
      canWriteSummary?: () => boolean;
      /** Stamped into this socket's awareness states; null: the socket may not set awareness. */
      user: AwarenessUser | null;
      /** The token's stored hash: keys the per-token socket cap and update budget, and rotation. */
      holder: string;
      /** Facilitator, co-facilitator or projector (a larger socket cap than a participant's). */
      staff: boolean;
    }
  | { ok: false; code: typeof CloseCode.Unauthorized | typeof CloseCode.Forbidden; reason: string };

export type Granted = Extract<Authorization, { ok: true }>;

export type Authorize = (token: string | null, docName: string) => Promise<Authorization>;
