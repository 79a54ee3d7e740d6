import {
  type AgendaDayInfo,
  type BroadcastMessage,
  DEFAULT_TIME_ZONE,
  defaultPrivacy,
  defaultProjector,
  type ErasedParticipant,
  emptyBoardSettings,
  emptyPlenary,
  FIRST_ROUND_ID,
  type HelpRequest,
  privacyOf,
  readBoardSettings,
  readPlenary,
  readProjectorSettings,
} from '@warsztat/shared';
import { z } from 'zod';
import { emptyGallery, firstRound, type RoundRecord, readGallery } from './rounds.js';

/**
 * A workshop's facilitation state, kept as one JSON value (`workshops.control`). Fields were added
 * issue by issue, so rows written earlier lack some of them. This module is the one place that
 * knows: the stored JSON is parsed here once, on load, and every field comes out filled, so no
 * caller ever writes `?? []` or a `readX(...)` again.
 *
 * Versions of the stored JSON (`v`):
 *   1  (no `v`) anything written before issue #13: each later field may be absent.
 *   2  the same fields, all present, written with `v: 2`.
 *   3  breakout rounds, sections per group, the gallery walk and call links (issue #17). A v2
 *      workshop gets one round holding its boards, counted as started if anything was ever stored,
 *      so a later `round` never reuses boards a room may have written on.
 * Fields added with a default need no new version: `projectorNames` (issue #16) reads as false,
 * names off, from any row without it.
 * A new field: add it to ControlSchema with its default (`.catch(...)` reads absent or damaged
 * values as the default, as the old defensive readers did). A field that changes meaning: bump
 * CONTROL_VERSION and add an upgrade step to UPGRADES for the version before it.
 */
export const CONTROL_VERSION = 3;

/** Stored values come from our own writes, so list entries are trusted; the lists themselves are not. */
const list = <T>() => z.array(z.custom<T>()).catch(() => []);

/**
 * One derived link (projector or co-facilitator) as it stands: `epoch` is how often it was rotated
 * (the derivation label, ids.ts), `hash` the stored hash of the current token — null for workshops
 * from before rotation (issue #14), whose sockets are then never checked against it.
 */
const StaffLink = z
  .object({ epoch: z.number().int().min(0), hash: z.string().nullable() })
  .catch(() => ({ epoch: 0, hash: null }));
export type StaffLinkRecord = z.infer<typeof StaffLink>;

const ControlSchema = z.object({
  agendaDays: list<AgendaDayInfo>(),
  currentAgendaItemId: z.string().nullable().catch(null),
  selfSelect: z.boolean().catch(false),
  /** The newest broadcasts only (bounded by the handler). */
  broadcasts: list<BroadcastMessage>(),
  helpRequests: list<HelpRequest>(),
  recallEndsAt: z.number().nullable().catch(null),
  /** Board settings (shared board/settings.ts). */
  boards: z.unknown().optional().transform(readBoardSettings),
  /** Projector view, presentation order, freeze, safe area (issue #7); `projectorOf` orders it by the groups. */
  projector: z.unknown().optional().transform(readProjectorSettings),
  /** The room's votes on the consolidated recommendations (issue #7). */
  plenary: z.unknown().optional().transform(readPlenary),
  /** IANA zone every date and time is printed in (report, screens). */
  timeZone: z.string().min(1).catch(DEFAULT_TIME_ZONE),
  /** Report text the organisers edited, by narrative part (shared protocol/report.ts); absent part: generated. */
  narrative: z.record(z.string(), z.string()).catch(() => ({})),
  /** Participants who agreed at join to be named in the report (missing id: not named). */
  namesInReport: z.array(z.string()).catch(() => []),
  /** Information clause and retention (issue #19): controller, contact, days kept. */
  privacy: z
    .unknown()
    .optional()
    .transform((v) => privacyOf(v as Parameters<typeof privacyOf>[0])),
  /** Epoch ms the workshop was closed; the retention period counts from here. */
  closedAt: z.number().nullable().catch(null),
  /** Epoch ms of the last stored change (command, join); retention counts from here while not closed. */
  lastActivityAt: z.number().nullable().catch(null),
  /** Participants erased on request (issue #19): only what keeps attendance totals right, never a name or id. */
  erased: list<ErasedParticipant>(),
  /** The projector may name participants (issue #16); off unless the facilitator turns it on. */
  projectorNames: z.boolean().catch(false),
  /** The derived links' rotations (issue #14): a socket holding another hash than these is hung up. */
  staffLinks: z
    .object({ projector: StaffLink, coFacilitator: StaffLink })
    .catch(() => ({ projector: { epoch: 0, hash: null }, coFacilitator: { epoch: 0, hash: null } })),
  /** Groups whose board refused a write for its quota (4409), for the console; runtime, never exported. */
  fullBoards: z.array(z.string()).catch(() => []),
  /** Breakout rounds, oldest first, never empty (issue #17; domain/rounds.ts). */
  rounds: z
    .array(
      z.custom<RoundRecord>((v) => typeof v === 'object' && v !== null && typeof (v as RoundRecord).id === 'string'),
    )
    .min(1)
    .catch(() => [firstRound(null)]),
  currentRoundId: z.string().nullable().catch(null),
  /** The gallery walk: open, dot votes on other groups' cards. */
  gallery: z.unknown().optional().transform(readGallery),
  /** groupId → the group's call link (`https://`); members and staff receive it, nobody else. */
  callUrls: z.record(z.string(), z.string()).catch(() => ({})),
});

type ParsedControl = z.infer<typeof ControlSchema>;
/** The control state, complete: the current round always names one of the rounds. */
export type ControlRecord = Omit<ParsedControl, 'currentRoundId'> & { currentRoundId: string };

/** Steps from version n to n + 1, applied in order before the schema reads the result. */
const UPGRADES: Record<number, (stored: Record<string, unknown>) => Record<string, unknown>> = {
  // Version 1 differs only by absent fields, which the schema's defaults fill.
  1: (stored) => stored,
  // Version 2 had one board per group for the whole workshop: it becomes the first round.
  // Exports carry no `v` (they are read as version 1), so a step keeps what is already there.
  2: (stored) =>
    Array.isArray(stored.rounds)
      ? stored
      : {
          ...stored,
          rounds: [firstRound(typeof stored.lastActivityAt === 'number' ? stored.lastActivityAt : null)],
        },
};

/** The stored JSON (or null, for SQLite rows from before the column) as a complete ControlRecord. */
export function parseControl(stored: unknown): ControlRecord {
  let value: Record<string, unknown> = typeof stored === 'object' && stored !== null ? { ...stored } : {};
  const from = typeof value.v === 'number' && Number.isInteger(value.v) ? value.v : 1;
  for (let v = from; v < CONTROL_VERSION; v++) value = UPGRADES[v]?.(value) ?? value;
  const parsed = ControlSchema.parse(value);
  const current = parsed.rounds.find((r) => r.id === parsed.currentRoundId) ?? parsed.rounds.at(-1);
  return { ...parsed, currentRoundId: current?.id ?? parsed.rounds[0]?.id ?? '' };
}

/** What the stores write: the record with its version, so a later reader knows which upgrades it needs. */
export function storedControl(control: ControlRecord): { v: number } & ControlRecord {
  return { v: CONTROL_VERSION, ...control };
}

/** The control state of a new workshop. */
export function emptyControl(timeZone: string = DEFAULT_TIME_ZONE): ControlRecord {
  return {
    agendaDays: [],
    currentAgendaItemId: null,
    selfSelect: false,
    broadcasts: [],
    helpRequests: [],
    recallEndsAt: null,
    boards: emptyBoardSettings(),
    projector: defaultProjector(),
    plenary: emptyPlenary(),
    timeZone,
    narrative: {},
    namesInReport: [],
    privacy: defaultPrivacy(),
    closedAt: null,
    lastActivityAt: null,
    erased: [],
    projectorNames: false,
    staffLinks: { projector: { epoch: 0, hash: null }, coFacilitator: { epoch: 0, hash: null } },
    fullBoards: [],
    rounds: [firstRound(null)],
    currentRoundId: FIRST_ROUND_ID,
    gallery: emptyGallery(),
    callUrls: {},
  };
}
