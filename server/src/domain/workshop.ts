import type {
  AgendaItem,
  Attendance,
  Locale,
  Mode,
  OrgType,
  Phase,
  Role,
  TemplateId,
  TimerState,
} from '@warsztat/shared';
import type { ControlRecord } from './control.js';

/**
 * The server's domain records (docs/ARCHITECTURE.md): what a workshop is, independent of how a
 * store keeps it or how a door shows it. Stores assemble these from rows (persistence/workshopRow.ts);
 * the control plane changes them; views and reports read them. A new piece of facilitation state
 * goes into ControlRecord (control.ts), with its default there.
 */
export interface GroupRecord {
  id: string;
  name: string;
  attendance: Attendance;
  position: number;
  rapporteurId: string | null;
  capacity: number | null;
  prompt: string;
}

export interface ParticipantRecord {
  id: string;
  name: string;
  organisation: string | null;
  orgType: OrgType | null;
  attendance: Attendance;
  groupId: string | null;
  joinedAt: number;
}

export interface WorkshopRecord {
  id: string;
  title: string;
  date: string | null;
  venue: string | null;
  organiser: string | null;
  mode: Mode;
  locale: Locale;
  template: TemplateId;
  joinCode: string;
  phase: Phase;
  spotlightGroupId: string | null;
  timer: TimerState;
  agenda: AgendaItem[];
  createdAt: number;
  /** Facilitation state of the control plane (issue #5), stored as one JSON column; complete once loaded. */
  control: ControlRecord;
  groups: GroupRecord[];
  participants: ParticipantRecord[];
  /**
   * Optimistic concurrency (several nodes may command one workshop): the version this record was
   * loaded at. Every save stores version + 1, and only if the stored row is still at `version`.
   */
  version: number;
}

/** A capability: only the hash of the token is ever stored. */
export interface TokenRecord {
  hash: string;
  workshopId: string;
  role: Role;
  participantId: string | null;
}

/**
 * Whether a staff token is still its workshop's current link (issue #14): only the derived links
 * (projector, co-facilitator) rotate, and a workshop from before rotation has no recorded hash and
 * keeps every link it had. Both planes hang up a socket whose token this says is replaced.
 */
export function isCurrentLink(workshop: WorkshopRecord, token: Pick<TokenRecord, 'role' | 'hash'>): boolean {
  if (token.role !== 'projector' && token.role !== 'coFacilitator') return true;
  const { hash } = workshop.control.staffLinks[token.role];
  return hash === null || hash === token.hash;
}

/** One line of a workshop's audit log: every stored change has one. */
export interface EventRecord {
  workshopId: string;
  at: number;
  type: string;
  data: unknown;
}
