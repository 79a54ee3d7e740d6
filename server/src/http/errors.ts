import { type ApiError, ErrorCode, HTTP_STATUS } from '@warsztat/shared';
import type { ErrorRequestHandler, Response } from 'express';

export function sendError(res: Response, error: ApiError): void {
  res.status(HTTP_STATUS[error.code]).json({ error });
}

/** Last handler: body-parser and unknown failures become `{error}` JSON, never a stack trace. */
export const errorHandler: ErrorRequestHandler = (err: unknown, _req, res, _next) => {
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
  console.error('http: unhandled error', err);
  sendError(res, { code: ErrorCode.Internal, message: 'Internal error' });
};
