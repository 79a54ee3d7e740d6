import { type ApiError, ErrorCode, HTTP_STATUS } from '@warsztat/shared';
import type { ErrorRequestHandler, Response } from 'express';
import { UNAVAILABLE } from '../control/result.js';
import { planeLog } from '../log.js';
import { PoolBusyError } from '../offthread/DecodePool.js';
import { StoreUnavailableError } from '../persistence/Store.js';

const log = planeLog('http');

/** Seconds a client is told to wait when the database is down (`Retry-After`). */
export const UNAVAILABLE_RETRY_AFTER_S = 5;

export function sendError(res: Response, error: ApiError): void {
  if (error.code === ErrorCode.Unavailable) res.set('Retry-After', String(UNAVAILABLE_RETRY_AFTER_S));
  res.status(HTTP_STATUS[error.code]).json({ error });
}

/** Last handler: body-parser and unknown failures become `{error}` JSON, never a stack trace. */
export const errorHandler: ErrorRequestHandler = (err: unknown, req, res, _next) => {
  // A read that needed the store (a token, a workshop not in memory) while it is down.
  if (err instanceof StoreUnavailableError) return sendError(res, UNAVAILABLE);
  // The decode pool's queue is full (imports and reports, issue #14): a moment later it has room.
  if (err instanceof PoolBusyError) {
    return sendError(res, {
      code: ErrorCode.Unavailable,
      message: 'The server is busy with imports and reports; try again shortly',
    });
  }
  const status = typeof err === 'object' && err !== null && 'status' in err ? Number(err.status) : 500;
  const type = typeof err === 'object' && err !== null && 'type' in err ? String(err.type) : '';
  if (status === 413 || type === 'entity.too.large') {
    return sendError(res, { code: ErrorCode.TooLarge, message: 'Request body is too large' });
  }
  if (type === 'entity.parse.failed') {
    return sendError(res, { code: ErrorCode.BadRequest, message: 'Request body is not valid JSON' });
  }
  // Other refusals by body-parser (415: unsupported charset or content encoding) and the router
  // (400: broken percent-encoding in a path) are the client's fault too. The contract has no 415,
  // and none of them may be logged and answered as a 500.
  if (status >= 400 && status < 500) {
    return sendError(res, { code: ErrorCode.BadRequest, message: 'The request cannot be read' });
  }
  log.error({ err, method: req.method, route: req.route?.path }, 'unhandled error');
  sendError(res, { code: ErrorCode.Internal, message: 'Internal error' });
};
