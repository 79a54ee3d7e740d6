import { z } from './z.js';

/** Ids are server-made base64url strings; bound them so garbage never reaches a lookup. */
export const Id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

/** A required text: trimmed, not empty, at most `max` characters. */
export const Text = (max: number) => z.string().trim().min(1).max(max);
