import { MAX_PLENARY_BUDGET } from '../board/plenaryVotes.js';
import { MAX_VOTE_BUDGET } from '../board/settings.js';
import { AGENDA_KINDS, CLOCK_TIME } from '../domain/agenda.js';
import { ATTENDANCES } from '../domain/orgTypes.js';
import {
  PROJECTOR_VIEWS,
  SAFE_AREA_CORNERS,
  SAFE_AREA_MAX_HEIGHT_PCT,
  SAFE_AREA_MAX_WIDTH_PCT,
  SAFE_AREA_MIN_PCT,
} from '../domain/projector.js';
import { CallUrl, GalleryCommand, RoundCommand, RoundPlanInput, SectionsCommand } from './designCommands.js';
import { DataController, PrivacyContact, RetentionDays } from './http.js';
import { Id, Text } from './primitives.js';
import { z } from './z.js';

export { Id };

const Minutes = z.number().int().min(1).max(600);
/** Group capacity: null means no cap. */
const Capacity = z.number().int().min(1).max(500).nullable();

/** Control commands (DESIGN §2): one schema for socket.io and the REST mirror. */
export const PhaseCommand = z.discriminatedUnion('to', [
  z.strictObject({ type: z.literal('phase'), to: z.literal('plenary') }),
  z.strictObject({ type: z.literal('phase'), to: z.literal('breakout'), minutes: Minutes.optional() }),
  z.strictObject({ type: z.literal('phase'), to: z.literal('presenting'), groupId: Id }),
  z.strictObject({ type: z.literal('phase'), to: z.literal('discussion') }),
  z.strictObject({ type: z.literal('phase'), to: z.literal('closed') }),
]);

const AgendaItemInput = z.strictObject({
  title: Text(200),
  kind: z.enum(AGENDA_KINDS),
  minutes: Minutes,
  speakers: z.array(Text(120)).max(20).default([]),
  /** A `breakout` item's round (issue #17): starting the item starts this round. */
  round: RoundPlanInput.optional(),
});

export const AgendaDay = z.strictObject({
  date: z.iso.date().optional(),
  startsAt: z.string().regex(CLOCK_TIME),
  items: z.array(AgendaItemInput).max(60),
});

export const AgendaCommand = z.discriminatedUnion('action', [
  /** Replaces the whole agenda; ids and start times are made by the server. */
  z.strictObject({ type: z.literal('agenda'), action: z.literal('set'), days: z.array(AgendaDay).min(1).max(7) }),
  /** Loads the demo agenda (the RKRES fixture). */
  z.strictObject({ type: z.literal('agenda'), action: z.literal('demo') }),
  z.strictObject({
    type: z.literal('agenda'),
    action: z.literal('add'),
    day: z.number().int().min(0).max(6),
    item: AgendaItemInput,
  }),
  z.strictObject({
    type: z.literal('agenda'),
    action: z.literal('edit'),
    itemId: Id,
    title: Text(200).optional(),
    kind: z.enum(AGENDA_KINDS).optional(),
    minutes: Minutes.optional(),
    speakers: z.array(Text(120)).max(20).optional(),
    /** The item's round; null removes it. */
    round: RoundPlanInput.nullable().optional(),
    /** Only for the first item of a day: moves the whole day. */
    startsAt: z.string().regex(CLOCK_TIME).optional(),
  }),
  z.strictObject({ type: z.literal('agenda'), action: z.literal('remove'), itemId: Id }),
  /** A day's calendar date; null: the workshop's date for the first day, none for the others. */
  z.strictObject({
    type: z.literal('agenda'),
    action: z.literal('day'),
    day: z.number().int().min(0).max(6),
    date: z.iso.date().nullable(),
  }),
  /** Makes the item current; a breakout item also opens the groups for its minutes. */
  z.strictObject({ type: z.literal('agenda'), action: z.literal('start'), itemId: Id.nullable() }),
]);

export const GroupCommand = z.discriminatedUnion('action', [
  z.strictObject({
    type: z.literal('group'),
    action: z.literal('add'),
    name: Text(120),
    attendance: z.enum(ATTENDANCES).default('onsite'),
    capacity: Capacity.default(null),
    prompt: z.string().trim().max(1000).default(''),
    callUrl: CallUrl.nullable().optional(),
  }),
  z.strictObject({
    type: z.literal('group'),
    action: z.literal('update'),
    groupId: Id,
    name: Text(120).optional(),
    attendance: z.enum(ATTENDANCES).optional(),
    capacity: Capacity.optional(),
    prompt: z.string().trim().max(1000).optional(),
    /** The group's call (online or hybrid); null removes it. Only members and staff receive it. */
    callUrl: CallUrl.nullable().optional(),
  }),
  /** Members of a removed group become unassigned. */
  z.strictObject({ type: z.literal('group'), action: z.literal('remove'), groupId: Id }),
]);

export const TimerCommand = z.union([
  z.strictObject({ type: z.literal('timer'), action: z.enum(['pause', 'resume', 'end']) }),
  z.strictObject({ type: z.literal('timer'), action: z.literal('extend'), minutes: Minutes }),
]);

/** Board settings for one group, or for every group when groupId is null (see board/settings.ts). */
export const BoardSettingsCommand = z.strictObject({
  type: z.literal('boardSettings'),
  groupId: Id.nullable(),
  voteBudget: z.number().int().min(0).max(MAX_VOTE_BUDGET).optional(),
  votesRevealed: z.boolean().optional(),
  locked: z.boolean().optional(),
  /** Board voting open for participants (closed by default: drafting first). */
  votingOpen: z.boolean().optional(),
});

/** What the projector shows (domain/projector.ts); every action is stored in control state. */
export const ProjectorCommand = z.discriminatedUnion('action', [
  /** `auto` follows the phase; the others pin a view until set back to `auto`. */
  z.strictObject({ type: z.literal('projector'), action: z.literal('view'), view: z.enum(PROJECTOR_VIEWS) }),
  /** Presentation order; groups left out keep their place after the named ones. */
  z.strictObject({ type: z.literal('projector'), action: z.literal('order'), groupIds: z.array(Id).min(1).max(100) }),
  /** Spotlights the next (or previous) group in the order, starting the presentations from plenary. */
  z.strictObject({ type: z.literal('projector'), action: z.enum(['next', 'previous']) }),
  /** Turns the projector's page (content longer than a screen); the projector wraps past the last. */
  z.strictObject({
    type: z.literal('projector'),
    action: z.literal('page'),
    step: z.union([z.literal(1), z.literal(-1)]),
  }),
  /** The round the overview and spotlight show (issue #17); null follows the current round. */
  z.strictObject({ type: z.literal('projector'), action: z.literal('round'), roundId: Id.nullable() }),
  /** WCAG 2.2.2: the projector stops updating while frozen. */
  z.strictObject({ type: z.literal('projector'), action: z.literal('freeze'), frozen: z.boolean() }),
  /**
   * Whether the room's screen may name participants (issue #16): the lobby's list of who joined and
   * the groups' rapporteurs. Off by default, since hybrid sessions are often streamed; while off the
   * projector's state carries no names at all, only counts.
   */
  z.strictObject({ type: z.literal('projector'), action: z.literal('names'), shown: z.boolean() }),
  /** The corner kept free for the sign-language interpreter's picture-in-picture. */
  z.strictObject({
    type: z.literal('projector'),
    action: z.literal('safeArea'),
    corner: z.enum(SAFE_AREA_CORNERS),
    widthPct: z.number().int().min(SAFE_AREA_MIN_PCT).max(SAFE_AREA_MAX_WIDTH_PCT),
    heightPct: z.number().int().min(SAFE_AREA_MIN_PCT).max(SAFE_AREA_MAX_HEIGHT_PCT),
  }),
]);

/** The room's vote on the consolidated recommendations (board/plenaryVotes.ts). */
export const PlenaryCommand = z.discriminatedUnion('action', [
  z.strictObject({
    type: z.literal('plenary'),
    action: z.literal('settings'),
    votingOpen: z.boolean().optional(),
    budget: z.number().int().min(1).max(MAX_PLENARY_BUDGET).optional(),
    revealed: z.boolean().optional(),
  }),
  z.strictObject({ type: z.literal('plenary'), action: z.literal('clearVotes') }),
  /** Drops the votes on an item deleted from the plenary doc, so its voters get them back. */
  z.strictObject({ type: z.literal('plenary'), action: z.literal('forget'), itemId: Id }),
]);

/**
 * The workshop's information clause and retention (issue #19). A field left out is kept; null
 * clears the controller or the contact (the clause then names the organiser, and the console warns).
 */
export const PrivacyCommand = z.strictObject({
  type: z.literal('privacy'),
  dataController: DataController.nullable().optional(),
  privacyContact: PrivacyContact.nullable().optional(),
  retentionDays: RetentionDays.optional(),
});

/**
 * What `{type: 'rotate'}` replaces (issue #14): the join code, the projector link or the
 * co-facilitator link. The old one stops working at once; the facilitator's own link is never
 * rotated here (it is the root the other two links are derived from).
 */
export const ROTATION_TARGETS = ['joinCode', 'projector', 'coFacilitator'] as const;
export type RotationTarget = (typeof ROTATION_TARGETS)[number];

/**
 * Replaces a link or the join code. The facilitator may rotate all three; a co-facilitator only the
 * join code (it never sees the other links, and could otherwise lock a colleague out).
 */
export const RotateCommand = z.strictObject({ type: z.literal('rotate'), target: z.enum(ROTATION_TARGETS) });
export type RotateCommand = z.infer<typeof RotateCommand>;

/** Seconds of a recall countdown before the phase turns to plenary by itself. */
export const RecallSeconds = z.number().int().min(5).max(600);

export const Command = z.union([
  PhaseCommand,
  /** `roundId` (issue #17) also sets the projector's round, as `{type: 'projector', action: 'round'}`. */
  z.strictObject({ type: z.literal('spotlight'), groupId: Id.nullable(), roundId: Id.nullable().optional() }),
  /** `auto` stores a balanced assignment; `preview` answers it without storing anything. */
  z.strictObject({ type: z.literal('assign'), mode: z.enum(['auto', 'preview']) }),
  z.strictObject({ type: z.literal('move'), participantId: Id, groupId: Id.nullable() }),
  /**
   * Revokes a participant: their link stops working and their open sockets are closed at once.
   * `erase` also erases them (Art. 17, asked in person): counted as "Uczestnik usunięty", never named.
   */
  z.strictObject({ type: z.literal('removeParticipant'), participantId: Id, erase: z.boolean().optional() }),
  z.strictObject({ type: z.literal('rapporteur'), groupId: Id, participantId: Id.nullable() }),
  TimerCommand,
  AgendaCommand,
  GroupCommand,
  /** Lets participants pick their own group (within capacity) while enabled. */
  z.strictObject({ type: z.literal('selfSelect'), enabled: z.boolean() }),
  /**
   * A message to every group (groupId null) or one group. It shows until removed or the phase
   * changes; `aboutTimer` messages ("Zostało 10 minut") also go when the timer changes.
   */
  z.strictObject({
    type: z.literal('broadcast'),
    text: Text(500),
    groupId: Id.nullable(),
    aboutTimer: z.boolean().optional(),
  }),
  /** Takes a broadcast off every screen. */
  z.strictObject({ type: z.literal('broadcastRemove'), messageId: Id }),
  z.strictObject({ type: z.literal('helpAck'), requestId: Id }),
  /** Starts (seconds) or cancels (null) the countdown back to plenary. */
  z.strictObject({ type: z.literal('recall'), seconds: RecallSeconds.nullable() }),
  BoardSettingsCommand,
  ProjectorCommand,
  PlenaryCommand,
  PrivacyCommand,
  RotateCommand,
  SectionsCommand,
  RoundCommand,
  GalleryCommand,
]);
export type Command = z.infer<typeof Command>;
export type CommandInput = z.input<typeof Command>;
export type CommandType = Command['type'];

/**
 * Commands a participant may send about itself and its own group (separate event, separate
 * schema, so a participant can never reach a facilitator handler by crafting a payload).
 */
export const ParticipantCommand = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('help'), text: z.string().trim().max(300).default('') }),
  z.strictObject({ type: z.literal('choose'), groupId: Id }),
  /** Claim (true) or give up (false) the rapporteur role of one's own group. */
  z.strictObject({ type: z.literal('rapporteur'), claim: z.boolean() }),
  /** One vote more (+1) or less (−1) on a consolidated recommendation, within the plenary budget. */
  z.strictObject({ type: z.literal('vote'), itemId: Id, delta: z.union([z.literal(1), z.literal(-1)]) }),
  /**
   * One dot more (+1) or less (−1) on another group's card during the gallery walk, when the
   * facilitator turned gallery votes on (issue #17); counted by the server within the budget.
   */
  z.strictObject({
    type: z.literal('galleryVote'),
    groupId: Id,
    cardId: Id,
    delta: z.union([z.literal(1), z.literal(-1)]),
  }),
  /** The presenting group's rapporteur turns the projector's page while speaking (issue #20 point 3). */
  z.strictObject({ type: z.literal('projectorPage'), step: z.union([z.literal(1), z.literal(-1)]) }),
  /** Gives or withdraws one's consent to be named in the report (also after the workshop closed). */
  z.strictObject({ type: z.literal('nameInReport'), consent: z.boolean() }),
  /**
   * Erases oneself (Art. 17): name, organisation and consent go, the link stops working, the cards
   * stay without an author. Same as `DELETE /api/participants/me`.
   */
  z.strictObject({ type: z.literal('forgetMe') }),
]);
export type ParticipantCommand = z.infer<typeof ParticipantCommand>;
export type ParticipantCommandInput = z.input<typeof ParticipantCommand>;

/** Upper bound of one command payload in bytes (HTTP body and socket.io message alike). */
export const MAX_COMMAND_BYTES = 16_384;
