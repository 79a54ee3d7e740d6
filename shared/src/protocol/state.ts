import type { BoardSettings } from '../board/settings.js';
import type { AgendaKind } from '../domain/agenda.js';
import type { Attendance, Locale, Mode, OrgType } from '../domain/orgTypes.js';
import type { Phase } from '../domain/phases.js';
import type { PrivacySettings } from '../domain/privacy.js';
import type { ProjectorSettings } from '../domain/projector.js';
import type { GalleryView, RoundPlan, RoundView } from '../domain/rounds.js';
import type { SectionTemplate, TemplateId } from '../domain/templates.js';
import type { ApiError } from './codes.js';

export interface TimerState {
  /** Epoch ms on the server clock when the running timer ends; null when stopped or paused. */
  endsAt: number | null;
  /** Remaining ms while paused. */
  pausedRemainingMs: number | null;
}

export interface ParticipantView {
  id: string;
  /** Empty for the projector while the room screen may not name anyone (`projectorNames` false). */
  name: string;
  /** Omitted for the projector: it sees display names only. */
  organisation?: string;
  orgType?: OrgType;
  attendance?: Attendance;
  groupId: string | null;
  online: boolean;
  /** The participant agreed to be named in the report (facilitators see everyone's, a participant its own). */
  nameInReport?: boolean;
}

export interface GroupView {
  id: string;
  name: string;
  docName: string;
  attendance: Attendance;
  memberIds: string[];
  rapporteurId: string | null;
  /** Maximum members for self-select; null means no cap. */
  capacity: number | null;
  /** The question the group works on, shown on its board. */
  prompt: string;
  /** Board settings in force for this group (issue #6: votes, lock). */
  board: BoardSettings;
  /** The sections in force on the current round's board: the group's override, else the default. */
  sections: SectionTemplate[];
  /** Every round's board of this group, oldest first; `docName` above is the current round's. */
  boards: GroupBoard[];
  /**
   * The group's call link (issue #17). Facilitators get every group's (null: none set); a member its
   * own group's; other participants and the projector never get the field at all.
   */
  callUrl?: string | null;
}

/** One round's board of a group. */
export interface GroupBoard {
  roundId: string;
  docName: string;
  /** The sections that were (or are) in force on that board, so any round can be shown. */
  sections: SectionTemplate[];
}

export interface AgendaItem {
  id: string;
  /** 0-based day of a multi-day workshop. */
  day: number;
  title: string;
  kind: AgendaKind;
  /** "HH:MM" local time, recalculated from the day's first item and the durations before. */
  startsAt: string;
  minutes: number;
  speakers: string[];
  /** A `breakout` item's round: starting the item starts it (issue #17). */
  round?: RoundPlan;
}

export interface AgendaDayInfo {
  date: string | null;
}

/**
 * A facilitator's message to every group (groupId null) or one. Active until removed or the phase
 * changes; a message about the timer also goes when the timer changes (issue #20 point 2).
 */
export interface BroadcastMessage {
  id: string;
  text: string;
  groupId: string | null;
  at: number;
  /** Absent in messages stored before issue #20: read as false. */
  aboutTimer?: boolean;
}

/** A group asking for a facilitator; open until a facilitator acknowledges it. */
export interface HelpRequest {
  id: string;
  groupId: string | null;
  participantId: string;
  text: string;
  at: number;
  acknowledgedAt: number | null;
}

/** The room's vote on the consolidated recommendations, as one role may see it. */
export interface PlenaryView {
  /** The plenary doc (board/plenary.ts): facilitators write, everyone else reads. */
  docName: string;
  votingOpen: boolean;
  budget: number;
  revealed: boolean;
  /** itemId → total votes; null for participants and the projector until revealed. */
  totals: Record<string, number> | null;
  /** The viewer's own votes (participants only; empty for everyone else). */
  mine: Record<string, number>;
}

/** The information clause's settings and when the retention sweep will delete the workshop (issue #19). */
export interface PrivacyView extends PrivacySettings {
  /** Epoch ms: closing time plus retention, or last activity plus retention while not closed. */
  deletionDueAt: number;
  /** Participants erased on request, counted (never named) in the report's attendance. */
  erasedCount: number;
}

/** The workshop as one role sees it; the server sends a fresh one after every change. */
export interface WorkshopState {
  id: string;
  title: string;
  date: string | null;
  venue: string | null;
  organiser: string | null;
  mode: Mode;
  locale: Locale;
  /** IANA zone the workshop's dates and times are shown in (Europe/Warsaw by default). */
  timeZone: string;
  template: TemplateId;
  /** The current round's default sections (the template's until a facilitator sets them). */
  sections: SectionTemplate[];
  /** Breakout rounds, oldest first; always at least one (issue #17). */
  rounds: RoundView[];
  currentRoundId: string;
  /** The gallery walk: while open, participants read every group's current board. */
  gallery: GalleryView;
  phase: Phase;
  spotlightGroupId: string | null;
  timer: TimerState;
  groups: GroupView[];
  participants: ParticipantView[];
  agenda: AgendaItem[];
  agendaDays: AgendaDayInfo[];
  /** The agenda item running now, highlighted on every screen. */
  currentAgendaItemId: string | null;
  /** Participants may choose their own group (within capacity). */
  selfSelect: boolean;
  /** The active messages, newest last; a participant sees only messages for everyone or its own group. */
  broadcasts: BroadcastMessage[];
  /** Facilitators see all; a participant its own group's; the projector none. */
  helpRequests: HelpRequest[];
  /** What the projector shows, the presentation order (every group once), freeze and safe area. */
  projector: ProjectorSettings;
  /**
   * The room's screen may name participants (lobby list, rapporteurs). False by default: the
   * projector's state then has every participant's name empty, so only counts can be shown.
   */
  projectorNames: boolean;
  plenary: PlenaryView;
  /** Epoch ms (server clock) when a running recall turns the phase to plenary; null when none. */
  recallEndsAt: number | null;
  /** Only facilitators see the join code and links; the projector sees the join code to show it. */
  joinCode: string | null;
  links: { join: string; facilitator?: string; projector?: string } | null;
  /** The co-facilitator console link; only the facilitator sees it (a co-facilitator cannot pass it on). */
  coFacilitatorLink: string | null;
  /**
   * Groups whose board reached its storage quota (a write was refused with 4409), so the console can
   * say which board is full; facilitators and co-facilitators only, empty for everyone else.
   */
  fullBoards: string[];
  /** Who answers for the data, the contact and the retention; every role sees it (it is the clause). */
  privacy: PrivacyView;
}

/**
 * `coFacilitator`: a second console link with every facilitator right except closing the workshop;
 * its console shows no facilitator or co-facilitator links, so it cannot hand out more rights.
 */
export type Role = 'facilitator' | 'coFacilitator' | 'participant' | 'projector';

/** Roles that may run the room (facilitator commands, every board). */
export const FACILITATOR_ROLES: readonly Role[] = ['facilitator', 'coFacilitator'];

export interface Me {
  role: Role;
  participantId: string | null;
  name: string | null;
}

export type Ack<T = object> = ({ ok: true } & T) | { ok: false; error: ApiError };

/** participantId → groupId, as `{type: 'assign', mode: 'preview'}` would store it. */
export type AssignmentPreview = Record<string, string>;

export type CommandAck = Ack<{ state: WorkshopState; preview?: AssignmentPreview }>;

/** socket.io event maps (control plane). Payloads are validated by the server with the zod schemas. */
export interface ServerToClientEvents {
  /** Full state after every change; small enough that diffs are not worth their bugs. */
  state: (state: WorkshopState, me: Me) => void;
  /** A refusal that is not an answer to a command (e.g. bad token at connect). */
  problem: (error: ApiError) => void;
}

export interface ClientToServerEvents {
  /** Facilitator and co-facilitator commands (`Command`). */
  command: (command: unknown, ack: (answer: CommandAck) => void) => void;
  /** Participant commands (`ParticipantCommand`): help, choose a group, rapporteur self-pick. */
  participant: (command: unknown, ack: (answer: Ack<{ state: WorkshopState }>) => void) => void;
  /** Round-trip for the client's clock offset: answers the server's epoch ms. */
  clock: (ack: (serverNow: number) => void) => void;
}
