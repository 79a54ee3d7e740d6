import { MAX_GALLERY_BUDGET, REGROUP_MODES } from '../domain/rounds.js';
import {
  MAX_SECTION_LABEL_CHARS,
  MAX_SECTION_PROMPT_CHARS,
  MAX_SECTIONS,
  MIN_SECTIONS,
  SECTION_ID,
} from '../domain/sections.js';
import { Id, Text } from './primitives.js';
import { z } from './z.js';

/**
 * The workshop-design commands of issue #17 (sections, breakout rounds, the gallery walk, call
 * links), part of `Command` in commands.ts; a module of their own so neither file outgrows one job.
 */

/**
 * A board section (issue #17). `label` is one text (custom sections: the same in both languages) or
 * both languages (the console's presets); the state always carries `{pl, en}`.
 */
const SectionLabel = z.union([
  Text(MAX_SECTION_LABEL_CHARS),
  z.strictObject({ pl: Text(MAX_SECTION_LABEL_CHARS), en: Text(MAX_SECTION_LABEL_CHARS) }),
]);
export const SectionInput = z.strictObject({
  id: z.string().regex(SECTION_ID),
  label: SectionLabel,
  /** An empty prompt is no prompt. */
  prompt: z.string().trim().max(MAX_SECTION_PROMPT_CHARS).optional(),
});
export type SectionInput = z.infer<typeof SectionInput>;

/** 1–8 sections with distinct ids: a card names its section by id, so two with one id are ambiguous. */
export const SectionList = z
  .array(SectionInput)
  .min(MIN_SECTIONS)
  .max(MAX_SECTIONS)
  .refine((list) => new Set(list.map((s) => s.id)).size === list.length, { message: 'Section ids must differ' });

/**
 * `groupId: null` sets the default of the current round; a group id overrides it for that group, and
 * `sections: null` with a group id drops the override (the group follows the default again).
 */
export const SectionsCommand = z.union([
  z.strictObject({ type: z.literal('sections'), groupId: z.null(), sections: SectionList }),
  z.strictObject({ type: z.literal('sections'), groupId: Id, sections: SectionList.nullable() }),
]);

/** What starting a `breakout` agenda item starts, or a `round` command: a round's title and sections. */
export const RoundPlanInput = z.strictObject({
  title: Text(200),
  sections: SectionList.optional(),
  regroup: z.enum(REGROUP_MODES).optional(),
});

/** A new breakout round: every group gets a fresh board (README: the first round's rule). */
export const RoundCommand = z.discriminatedUnion('action', [
  z.strictObject({
    type: z.literal('round'),
    action: z.literal('new'),
    title: Text(200),
    sections: SectionList.optional(),
    regroup: z.enum(REGROUP_MODES).default('keep'),
  }),
]);

/** Opens or closes the gallery walk; `votes` turns dot votes on other groups' cards on or off. */
export const GalleryCommand = z.strictObject({
  type: z.literal('gallery'),
  open: z.boolean(),
  votes: z.boolean().optional(),
  budget: z.number().int().min(1).max(MAX_GALLERY_BUDGET).optional(),
});

/** A group's call link: `https://` and a domain name only, at most 500 characters (never a script). */
export const CallUrl = z
  .string()
  .trim()
  .max(500)
  .pipe(z.url({ protocol: /^https$/, hostname: z.regexes.domain }));
