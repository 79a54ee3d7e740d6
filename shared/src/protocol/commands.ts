import { MAX_VOTE_BUDGET } from '../board/settings.js';
import { z } from './z.js';

/** Ids are server-made base64url strings; bound them so garbage never reaches a lookup. */
export const Id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

const Minutes = z.number().int().min(1).max(600);

/** Control commands (DESIGN §2): one schema for socket.io and the REST mirror. */
export const PhaseCommand = z.discriminatedUnion('to', [
  z.strictObject({ type: z.literal('phase'), to: z.literal('plenary') }),
  z.strictObject({ type: z.literal('phase'), to: z.literal('breakout'), minutes: Minutes.optional() }),
  z.strictObject({ type: z.literal('phase'), to: z.literal('presenting'), groupId: Id }),
  z.strictObject({ type: z.literal('phase'), to: z.literal('discussion') }),
  z.strictObject({ type: z.literal('phase'), to: z.literal('closed') }),
]);

/** Board settings for one group, or for every group when groupId is null (see board/settings.ts). */
export const BoardSettingsCommand = z.strictObject({
  type: z.literal('boardSettings'),
  groupId: Id.nullable(),
  voteBudget: z.number().int().min(0).max(MAX_VOTE_BUDGET).optional(),
  votesRevealed: z.boolean().optional(),
  locked: z.boolean().optional(),
});

export const Command = z.union([
  PhaseCommand,
  z.strictObject({ type: z.literal('spotlight'), groupId: Id.nullable() }),
  z.strictObject({ type: z.literal('assign'), mode: z.literal('auto') }),
  z.strictObject({ type: z.literal('move'), participantId: Id, groupId: Id.nullable() }),
  z.strictObject({ type: z.literal('rapporteur'), groupId: Id, participantId: Id.nullable() }),
  z.strictObject({ type: z.literal('timer'), action: z.enum(['pause', 'resume', 'end']) }),
  z.strictObject({ type: z.literal('timer'), action: z.literal('extend'), minutes: Minutes }),
]);
export type Command = z.infer<typeof Command>;
export type CommandType = Command['type'];

/** Upper bound of one command payload in bytes (HTTP body and socket.io message alike). */
export const MAX_COMMAND_BYTES = 16_384;
