import type { ErrorCode } from '@warsztat/shared';
import { ErrorCode as ERROR_CODES } from '@warsztat/shared';

/**
 * Thin HTTP wrapper for the client's REST calls (create, join, import, the report draft). Every failure is
 * folded into a result with a code the UI can translate; nothing here throws for an expected error.
 */
export type FailureCode = ErrorCode | 'network' | 'unknown';

export type ApiResult<T> = { ok: true; data: T } | { ok: false; code: FailureCode; status: number };

/** The slice of a zod schema this module needs; keeps zod itself out of the client's dependencies. */
export interface Schema<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false };
}

const KNOWN_CODES: readonly string[] = Object.values(ERROR_CODES);

function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && KNOWN_CODES.includes(value);
}

function errorCodeOf(body: unknown): FailureCode {
  if (typeof body !== 'object' || body === null || !('error' in body)) return 'unknown';
  const error = body.error;
  if (typeof error !== 'object' || error === null || !('code' in error)) return 'unknown';
  return isErrorCode(error.code) ? error.code : 'unknown';
}

/** POSTs JSON and validates a success answer with `schema`: the server is trusted, but not blindly. */
export function postJson<T>(path: string, body: unknown, schema: Schema<T>): Promise<ApiResult<T>> {
  return requestJson('POST', path, schema, { body });
}

/**
 * Any JSON call: `token` goes in the Authorization header (never in the URL, where logs and
 * history would keep it); `body`, when given, is sent as JSON.
 */
export async function requestJson<T>(
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  path: string,
  schema: Schema<T>,
  options: { body?: unknown; token?: string } = {},
): Promise<ApiResult<T>> {
  let response: Response;
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  try {
    response = await fetch(path, {
      method,
      headers,
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
    });
  } catch {
    return { ok: false, code: 'network', status: 0 };
  }
  let json: unknown = null;
  try {
    json = await response.json();
  } catch {
    // A proxy error page or an empty body: treated below as an unknown failure.
  }
  if (!response.ok) {
    const code = errorCodeOf(json);
    return {
      ok: false,
      code: code === 'unknown' && response.status >= 500 ? 'internal' : code,
      status: response.status,
    };
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) return { ok: false, code: 'unknown', status: response.status };
  return { ok: true, data: parsed.data };
}

/** For calls answered `204 No Content` (deletions): success carries no data. */
export const NoContent: Schema<null> = { safeParse: () => ({ success: true, data: null }) };
