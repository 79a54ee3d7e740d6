import { ATTENDANCES, LOCALES, MODES, ORG_TYPES } from '../domain/orgTypes.js';
import { TEMPLATE_IDS } from '../domain/templates.js';
import { canonicalTimeZone, DEFAULT_TIME_ZONE } from '../domain/timeZone.js';
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

export const CreateWorkshopBody = z.strictObject({
  title: text(200),
  template: z.enum(TEMPLATE_IDS).default('di-5'),
  mode: z.enum(MODES).default('onsite'),
  locale: z.enum(LOCALES).default('pl'),
  date: z.iso.date().optional(),
  venue: z.string().trim().max(200).optional(),
  organiser: z.string().trim().max(200).optional(),
  timeZone: TimeZone.default(DEFAULT_TIME_ZONE),
});
export type CreateWorkshopBody = z.input<typeof CreateWorkshopBody>;

export const CreateWorkshopAnswer = z.object({
  id: z.string(),
  joinCode: z.string(),
  facilitatorToken: z.string(),
  projectorToken: z.string(),
  links: z.object({ facilitator: z.string(), join: z.string(), projector: z.string() }),
});
export type CreateWorkshopAnswer = z.infer<typeof CreateWorkshopAnswer>;

/** Join codes are 6 characters from an alphabet without look-alikes (0/O, 1/I/L). */
export const JOIN_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const JOIN_CODE_LENGTH = 6;
export const JoinCode = z
  .string()
  .trim()
  .transform((s) => s.toUpperCase().replace(/[\s-]/g, ''))
  .pipe(z.string().regex(new RegExp(`^[${JOIN_CODE_ALPHABET}]{${JOIN_CODE_LENGTH}}$`)));

export const JoinBody = z.strictObject({
  joinCode: JoinCode,
  name: text(80),
  organisation: z.string().trim().max(200).optional(),
  orgType: z.enum(ORG_TYPES).optional(),
  attendance: z.enum(ATTENDANCES).default('onsite'),
  /** The participant's choice: may the report name them? No unless they say so. */
  nameInReport: z.boolean().default(false),
});
export type JoinBody = z.input<typeof JoinBody>;

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
