import { type ApiError, ErrorCode } from '@warsztat/shared';
import { StoreUnavailableError } from '../persistence/Store.js';

/** Expected failures are values, not exceptions (STYLE §2). */
export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(code: ErrorCode, message: string): Result<T> {
  return { ok: false, error: { code, message } };
}

/**
 * A payload the shared schema refused, as the `bad_request` every door answers: each issue with
 * the path of the field it is about, so a client can tell which one to fix.
 */
export function schemaError(error: { issues: ReadonlyArray<{ path: PropertyKey[]; message: string }> }): ApiError {
  const message = error.issues
    .map((i) => (i.path.length > 0 ? `${i.path.map(String).join('.')}: ${i.message}` : i.message))
    .join('; ');
  return { code: ErrorCode.BadRequest, message: message || 'Invalid payload' };
}

export function assertNever(value: never): never {
  throw new Error(`Unhandled variant: ${JSON.stringify(value)}`);
}

/** The one answer to "the database is down": nothing was stored, so nothing was applied (retry later). */
export const UNAVAILABLE: ApiError = {
  code: ErrorCode.Unavailable,
  message: 'The database is not available, so nothing was changed; try again in a moment',
};

export function unavailable<T>(): Result<T> {
  return { ok: false, error: UNAVAILABLE };
}

/** Runs a task that touches the store, answering `unavailable` when the store is down (never a throw). */
export async function storeAnswer<T>(task: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await task();
  } catch (error) {
    if (error instanceof StoreUnavailableError) return unavailable<T>();
    throw error;
  }
}
