import { ATTENDANCES, LOCALES, MODES, ORG_TYPES } from '../domain/orgTypes.js';
import {
  DEFAULT_RETENTION_DAYS,
  MAX_DATA_CONTROLLER_CHARS,
  MAX_PRIVACY_CONTACT_CHARS,
  MAX_RETENTION_DAYS,
  MIN_RETENTION_DAYS,
} from '../domain/privacy.js';
import { TEMPLATE_IDS } from '../domain/templates.js';
import { canonicalTimeZone, DEFAULT_TIME_ZONE } from '../domain/timeZone.js';
import {
  JOIN_CODE_PATTERN,
  MAX_ORGANISATION_CHARS,
  MAX_PARTICIPANT_NAME_CHARS,
  normaliseJoinCode,
} from './joinLimits.js';
import { z } from './z.js';

/** Visible text: trimmed, at least one character, bounded so a paste of a book is refused. */
const text = (max: number) => z.string().trim().min(1).max(max);

/** An IANA time zone ("Europe/Warsaw"), stored in its canonical spelling. */
export const TimeZone = z
  .string()
  .trim()
  .max(64)
  .transform((value, ctx) => {
    const zone = canonicalTimeZone(value);
    if (zone === null) {
      ctx.addIssue({ code: 'custom', message: `${value} is not an IANA time zone (e.g. Europe/Warsaw)` });
      return z.NEVER;
    }
    return zone;
  });

/** Who answers for the participants' data (issue #19); shown in the join page's information clause. */
export const DataController = z.string().trim().min(1).max(MAX_DATA_CONTROLLER_CHARS);
/** Where to ask about one's data or have it erased: an e-mail address or an http(s) URL. */
export const PrivacyContact = z
  .string()
  .trim()
  .max(MAX_PRIVACY_CONTACT_CHARS)
  .pipe(z.union([z.email(), z.url({ protocol: /^https?$/ })]));
export const RetentionDays = z.number().int().min(MIN_RETENTION_DAYS).max(MAX_RETENTION_DAYS);

export const CreateWorkshopBody = z.strictObject({
  title: text(200),
  template: z.enum(TEMPLATE_IDS).default('di-5'),
  mode: z.enum(MODES).default('onsite'),
  locale: z.enum(LOCALES).default('pl'),
  date: z.iso.date().optional(),
  venue: z.string().trim().max(200).optional(),
  organiser: z.string().trim().max(200).optional(),
  timeZone: TimeZone.default(DEFAULT_TIME_ZONE),
  dataController: DataController.optional(),
  privacyContact: PrivacyContact.optional(),
  retentionDays: RetentionDays.default(DEFAULT_RETENTION_DAYS),
});
export type CreateWorkshopBody = z.input<typeof CreateWorkshopBody>;
/** The body as the server receives it once parsed at the door (defaults filled). */
export type CreateWorkshopInput = z.output<typeof CreateWorkshopBody>;

/**
 * `POST /api/workshops/:id/copy` (issue #16): reuse a workshop's format as a new one. Only the
 * title may change here; everything else is copied from the source, and edited in the new console.
 */
export const CopyWorkshopBody = z.strictObject({
  title: text(200).optional(),
});
export type CopyWorkshopBody = z.input<typeof CopyWorkshopBody>;

export const CreateWorkshopAnswer = z.object({
  id: z.string(),
  joinCode: z.string(),
  facilitatorToken: z.string(),
  projectorToken: z.string(),
  links: z.object({ facilitator: z.string(), join: z.string(), projector: z.string() }),
});
export type CreateWorkshopAnswer = z.infer<typeof CreateWorkshopAnswer>;

/** A join code as typed (limits and normalising in joinLimits.ts, shared with the join form). */
export const JoinCode = z.string().transform(normaliseJoinCode).pipe(z.string().regex(JOIN_CODE_PATTERN));

export const JoinBody = z.strictObject({
  joinCode: JoinCode,
  name: text(MAX_PARTICIPANT_NAME_CHARS),
  organisation: z.string().trim().max(MAX_ORGANISATION_CHARS).optional(),
  orgType: z.enum(ORG_TYPES).optional(),
  attendance: z.enum(ATTENDANCES).default('onsite'),
  /** The participant's choice: may the report name them? No unless they say so. */
  nameInReport: z.boolean().default(false),
});
export type JoinBody = z.input<typeof JoinBody>;
/** The body as the server receives it once parsed at the door (code normalised, defaults filled). */
export type JoinInput = z.output<typeof JoinBody>;

/** `GET /api/join/:code`: what anyone holding the code may see before joining (title and date only). */
export const JoinInfo = z.object({ title: z.string(), date: z.string().nullable() });
export type JoinInfo = z.infer<typeof JoinInfo>;

export const JoinAnswer = z.object({
  workshopId: z.string(),
  participantId: z.string(),
  token: z.string(),
  links: z.object({ board: z.string() }),
});
export type JoinAnswer = z.infer<typeof JoinAnswer>;

/**
 * `GET /api/join/:code/privacy`: what the join page needs for its information clause (Art. 13)
 * before anyone types a name — the controller (or the organiser when none is set), the contact,
 * how long data is kept, in the workshop's language. Nothing personal: these are the organiser's own words.
 */
export const JoinPrivacyAnswer = z.object({
  locale: z.enum(LOCALES),
  /** The named controller, or null when the organiser is named in its place. */
  dataController: z.string().nullable(),
  organiser: z.string().nullable(),
  privacyContact: z.string().nullable(),
  retentionDays: z.number().int(),
});
export type JoinPrivacyAnswer = z.infer<typeof JoinPrivacyAnswer>;

/** `GET /api/participants/me/data` (Art. 15): what the workshop holds about the caller. */
export interface ParticipantDataExport {
  format: 'warsztat-participant-data';
  exportedAt: string;
  workshop: {
    id: string;
    title: string;
    /** The named controller, or the organiser when none was named. */
    dataController: string | null;
    privacyContact: string | null;
    retentionDays: number;
    deletionDueAt: string;
  };
  participant: {
    id: string;
    name: string;
    organisation: string | null;
    orgType: string | null;
    attendance: string;
    joinedAt: string;
    group: string | null;
    rapporteur: boolean;
    nameInReport: boolean;
  };
  /** Cards on group boards whose authorId is this participant. */
  cards: Array<{ group: string; sectionId: string; text: string }>;
  helpRequests: Array<{ text: string; at: string }>;
  plenaryVotes: Record<string, number>;
}
