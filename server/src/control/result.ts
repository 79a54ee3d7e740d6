import { type ApiError, ErrorCode } from '@warsztat/shared';

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
