import {
  type AgendaDayInfo,
  type AgendaItem,
  type Attendance,
  type BoardSettingsRecord,
  type BroadcastMessage,
  DEFAULT_TIME_ZONE,
  type HelpRequest,
  type Locale,
  type Mode,
  type OrgType,
  type Phase,
  type PlenaryRecord,
  type ProjectorSettings,
  type Role,
  type TemplateId,
  type TimerState,
} from '@warsztat/shared';

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
  /** Facilitation state of the control plane (issue #5), stored as one JSON column. */
  control: ControlRecord;
  groups: GroupRecord[];
  participants: ParticipantRecord[];
  /**
   * Optimistic concurrency (several nodes may command one workshop): the version this record was
   * loaded at. Every save stores version + 1, and only if the stored row is still at `version`.
   */
  version: number;
}

export interface ControlRecord {
  agendaDays: AgendaDayInfo[];
  currentAgendaItemId: string | null;
  selfSelect: boolean;
  /** The newest broadcasts only (bounded by the handler). */
  broadcasts: BroadcastMessage[];
  helpRequests: HelpRequest[];
  recallEndsAt: number | null;
  /** Board settings (shared board/settings.ts); absent in rows written before they existed. */
  boards?: BoardSettingsRecord;
  /** Projector view, presentation order, freeze, safe area (issue #7); read with `readProjector`. */
  projector?: ProjectorSettings;
  /** The room's votes on the consolidated recommendations (issue #7); read with `readPlenary`. */
  plenary?: PlenaryRecord;
  /**
   * IANA zone every date and time is printed in (report, screens); absent in rows written before
   * it existed, which read as DEFAULT_TIME_ZONE (see timeZoneOf).
   */
  timeZone?: string;
  /** Report text the organisers edited, by narrative part (shared protocol/report.ts); absent: all generated. */
  narrative?: Record<string, string>;
  /** Participants who agreed at join to be named in the report (absent or missing id: not named). */
  namesInReport?: string[];
}

export function timeZoneOf(w: WorkshopRecord): string {
  return w.control.timeZone ?? DEFAULT_TIME_ZONE;
}

export const EMPTY_CONTROL: ControlRecord = {
  agendaDays: [],
  currentAgendaItemId: null,
  selfSelect: false,
  broadcasts: [],
  helpRequests: [],
  recallEndsAt: null,
};

export interface TokenRecord {
  hash: string;
  workshopId: string;
  role: Role;
  participantId: string | null;
}

export interface EventRecord {
  workshopId: string;
  at: number;
  type: string;
  data: unknown;
}

export interface StoredDoc {
  snapshot: Uint8Array | null;
  updates: Uint8Array[];
  /** Highest update seq in the log (0 when empty). */
  lastSeq: number;
}

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

  loadDoc(name: string): Promise<StoredDoc>;
  /** Appends updates to the doc's log in one transaction; resolves with the last seq once they are durable. */
  appendUpdates(name: string, updates: Uint8Array[]): Promise<number>;
  /**
   * Merges the stored snapshot and log into a new snapshot and removes exactly the merged log
   * entries, in one transaction, from what the store holds (not from any node's memory, which may
   * lack another node's updates). An update appended meanwhile stays in the log. One node at a
   * time: resolves false, doing nothing, while another is compacting this doc.
   */
  compactDoc(name: string): Promise<boolean>;

  /** Whether the store answers now (for /healthz); never throws. */
  ping(): Promise<boolean>;

  close(): Promise<void>;
}
