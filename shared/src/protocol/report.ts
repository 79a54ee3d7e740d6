import { MAX_VOTE_BUDGET } from '../board/settings.js';
import { AGENDA_KINDS, CLOCK_TIME } from '../domain/agenda.js';
import { ATTENDANCES, LOCALES, MODES, ORG_TYPES } from '../domain/orgTypes.js';
import { PHASES } from '../domain/phases.js';
import { REGROUP_MODES } from '../domain/rounds.js';
import { MAX_SECTION_LABEL_CHARS, MAX_SECTION_PROMPT_CHARS, MAX_SECTIONS, SECTION_ID } from '../domain/sections.js';
import { TEMPLATE_IDS } from '../domain/templates.js';
import { Id } from './commands.js';
import { CallUrl } from './designCommands.js';
import { DataController, PrivacyContact, RetentionDays, TimeZone } from './http.js';
import { z } from './z.js';

/**
 * The report's editable narrative (issue #7): organisers own the generated text. A part is the
 * opening paragraph (`intro`), one paragraph per agenda item (`item:<agendaItemId>`), the sentence
 * on how the room was split (`groups`; with several breakout rounds, the first round's opening), one
 * opening per later round (`round:<roundId>`, issue #17) and the closing paragraph (`closing`). Edited text is kept
 * per part in the workshop's control record; `text: null` restores the generated draft.
 */
export const NARRATIVE_FIXED_PARTS = ['intro', 'groups', 'closing'] as const;
export const MAX_NARRATIVE_CHARS = 5_000;

export const NarrativePart = z.union([
  z.enum(NARRATIVE_FIXED_PARTS),
  z.string().regex(/^(item|round):[A-Za-z0-9_-]{1,64}$/),
]);
export type NarrativePart = z.infer<typeof NarrativePart>;

export const NarrativeEditBody = z.strictObject({
  part: NarrativePart,
  /** The organiser's text; null (or only whitespace) goes back to the generated draft. */
  text: z.string().max(MAX_NARRATIVE_CHARS).nullable(),
});
export type NarrativeEditBody = z.input<typeof NarrativeEditBody>;
export type NarrativeEdit = z.output<typeof NarrativeEditBody>;

/** One editable part as the console's report editor shows it. */
export const NarrativePartView = z.object({
  part: NarrativePart,
  /** What the part is about: the agenda item's title, or null for the fixed parts. */
  title: z.string().nullable(),
  /** The text the report is generated with when nobody edited it. */
  generated: z.string(),
  /** The text the report uses now (edited or generated). */
  text: z.string(),
  edited: z.boolean(),
});
export type NarrativePartView = z.infer<typeof NarrativePartView>;

/** `GET /api/workshops/:id/report/draft` and the answer to a narrative edit. */
export const ReportDraft = z.object({ locale: z.enum(LOCALES), parts: z.array(NarrativePartView) });
export type ReportDraft = z.infer<typeof ReportDraft>;

/* ---------------------------------------------------------------------------------------------
 * The JSON export (`warsztat-backup`, version 1) as the import endpoint accepts it. Only what a
 * workshop is made of is read back; anything else in the file (the readable `report`, unknown
 * keys) is ignored, and what is read is bounded like the commands that made it.
 * ------------------------------------------------------------------------------------------- */
export const BACKUP_FORMAT = 'warsztat-backup';
export const BACKUP_VERSION = 1;
/** Rounds a backup may hold (a two-day platform runs a handful). */
export const MAX_BACKUP_ROUNDS = 20;

const Str = (max: number) => z.string().max(max);
const Epoch = z.number().int().min(0).max(8.64e15);
/** Base64 of one Yjs update (`Y.encodeStateAsUpdate`). */
const Base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);

const BoardSettingsShape = z.object({
  voteBudget: z.number().int().min(0).max(MAX_VOTE_BUDGET),
  votesRevealed: z.boolean(),
  locked: z.boolean(),
});

/** A section as the state keeps it (both languages), in a backup's rounds and agenda. */
const BackupSection = z.object({
  id: z.string().regex(SECTION_ID),
  label: z.object({
    pl: z.string().min(1).max(MAX_SECTION_LABEL_CHARS),
    en: z.string().min(1).max(MAX_SECTION_LABEL_CHARS),
  }),
  prompt: Str(MAX_SECTION_PROMPT_CHARS).optional(),
});

export const BackupWorkshop = z.object({
  id: Id,
  title: z.string().trim().min(1).max(200),
  date: z.iso.date().nullable(),
  venue: Str(200).nullable(),
  organiser: Str(200).nullable(),
  mode: z.enum(MODES),
  locale: z.enum(LOCALES),
  template: z.enum(TEMPLATE_IDS),
  phase: z.enum(PHASES),
  createdAt: Epoch,
  agenda: z
    .array(
      z.object({
        id: Id,
        day: z.number().int().min(0).max(6),
        title: Str(200),
        kind: z.enum(AGENDA_KINDS),
        startsAt: z.string().regex(CLOCK_TIME),
        minutes: z.number().int().min(1).max(600),
        speakers: z.array(Str(120)).max(20),
        round: z
          .object({
            title: z.string().min(1).max(200),
            sections: z.array(BackupSection).min(1).max(MAX_SECTIONS).optional(),
            regroup: z.enum(REGROUP_MODES).optional(),
          })
          .optional(),
      }),
    )
    .max(7 * 60),
  control: z.object({
    agendaDays: z.array(z.object({ date: z.iso.date().nullable() })).max(7),
    currentAgendaItemId: Id.nullable(),
    selfSelect: z.boolean(),
    broadcasts: z
      .array(z.object({ id: Id, text: Str(500), groupId: Id.nullable(), at: Epoch }))
      .max(100)
      .default([]),
    boards: z.object({ defaults: BoardSettingsShape, groups: z.record(Id, BoardSettingsShape.partial()) }).optional(),
    timeZone: TimeZone.optional(),
    narrative: z.record(NarrativePart, z.string().max(MAX_NARRATIVE_CHARS)).optional(),
    namesInReport: z.array(Id).max(5_000).optional(),
    /** Information clause and retention (issue #19): a copy keeps them. */
    privacy: z
      .object({
        dataController: DataController.nullable().optional(),
        privacyContact: PrivacyContact.nullable().optional(),
        retentionDays: RetentionDays.optional(),
      })
      .optional(),
    /** A restored backup keeps its closing time, so importing never extends the promised retention. */
    closedAt: Epoch.nullable().optional(),
    erased: z
      .array(z.object({ attendance: z.enum(ATTENDANCES), groupId: Id.nullable() }))
      .max(5_000)
      .optional(),
    /** Plenary votes and projector settings: read back through their own defensive readers. */
    plenary: z.unknown().optional(),
    projector: z.unknown().optional(),
    /** Breakout rounds with their sections (issue #17); checked by the importer, absent before rounds. */
    rounds: z
      .array(
        z.object({
          id: Id,
          title: Str(200),
          startedAt: Epoch.nullable(),
          sections: z.array(BackupSection).min(1).max(MAX_SECTIONS).nullable(),
          groupSections: z.record(Id, z.array(BackupSection).min(1).max(MAX_SECTIONS)),
          members: z.record(Id, z.array(Id).max(5_000)).nullable(),
          rapporteurs: z.record(Id, Id.nullable()).optional(),
          agendaItemId: Id.nullable(),
        }),
      )
      .min(1)
      .max(MAX_BACKUP_ROUNDS)
      .optional(),
    currentRoundId: Id.optional(),
    gallery: z.unknown().optional(),
    /** Each group's call link (members only). */
    callUrls: z.record(Id, CallUrl).optional(),
  }),
  groups: z
    .array(
      z.object({
        id: Id,
        name: z.string().trim().min(1).max(120),
        attendance: z.enum(ATTENDANCES),
        position: z.number().int().min(0).max(1_000),
        rapporteurId: Id.nullable(),
        capacity: z.number().int().min(1).max(500).nullable(),
        prompt: Str(1000),
      }),
    )
    .max(50),
  participants: z
    .array(
      z.object({
        id: Id,
        name: z.string().trim().min(1).max(80),
        organisation: Str(200).nullable(),
        orgType: z.enum(ORG_TYPES).nullable(),
        attendance: z.enum(ATTENDANCES),
        groupId: Id.nullable(),
        joinedAt: Epoch,
      }),
    )
    .max(5_000),
});
export type BackupWorkshop = z.infer<typeof BackupWorkshop>;

export const Backup = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  workshop: BackupWorkshop,
  /** Each round's board of each group; `roundId` absent: the first round (files from before rounds). */
  boards: z.array(z.object({ groupId: Id, roundId: Id.optional(), update: Base64 })).max(50 * MAX_BACKUP_ROUNDS),
  /** The plenary doc (consolidated recommendations), when the workshop had one. */
  plenary: Base64.optional(),
});
export type Backup = z.infer<typeof Backup>;
