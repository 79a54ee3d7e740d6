import type { Attendance, Locale, Mode, OrgType } from '../domain/orgTypes.js';
import type { Phase } from '../domain/phases.js';
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
  name: string;
  /** Omitted for the projector: it sees display names only. */
  organisation?: string;
  orgType?: OrgType;
  attendance?: Attendance;
  groupId: string | null;
  online: boolean;
}

export interface GroupView {
  id: string;
  name: string;
  docName: string;
  attendance: Attendance;
  memberIds: string[];
  rapporteurId: string | null;
}

export interface AgendaItem {
  id: string;
  title: string;
  kind: string;
  startsAt: string;
  minutes: number;
  speakers: string[];
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
  template: TemplateId;
  sections: SectionTemplate[];
  phase: Phase;
  spotlightGroupId: string | null;
  timer: TimerState;
  groups: GroupView[];
  participants: ParticipantView[];
  agenda: AgendaItem[];
  /** Only facilitators see the join code and links; the projector sees the join code to show it. */
  joinCode: string | null;
  links: { join: string; facilitator?: string; projector?: string } | null;
}

export type Role = 'facilitator' | 'participant' | 'projector';

export interface Me {
  role: Role;
  participantId: string | null;
  name: string | null;
}

export type Ack<T = object> = ({ ok: true } & T) | { ok: false; error: ApiError };

/** socket.io event maps (control plane). Payloads are validated by the server with the zod schemas. */
export interface ServerToClientEvents {
  /** Full state after every change; small enough that diffs are not worth their bugs. */
  state: (state: WorkshopState, me: Me) => void;
  /** A refusal that is not an answer to a command (e.g. bad token at connect). */
  problem: (error: ApiError) => void;
}

export interface ClientToServerEvents {
  command: (command: unknown, ack: (answer: Ack<{ state: WorkshopState }>) => void) => void;
  /** Round-trip for the client's clock offset: answers the server's epoch ms. */
  clock: (ack: (serverNow: number) => void) => void;
}
