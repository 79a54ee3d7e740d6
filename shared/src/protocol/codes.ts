/** Error codes carried in `{error: {code, message}}` on HTTP and in socket.io acks. */
export const ErrorCode = {
  /** Payload failed schema validation. */
  BadRequest: 'bad_request',
  /** No token, or a token that matches nothing. */
  Unauthorized: 'unauthorized',
  /** A valid token without the right to do this. */
  Forbidden: 'forbidden',
  /** Workshop, group or participant does not exist. */
  NotFound: 'not_found',
  /** The join code matches no open workshop. */
  BadJoinCode: 'bad_join_code',
  /** Illegal phase transition or a command that does not fit the current state. */
  Conflict: 'conflict',
  /** Body larger than the configured limit. */
  TooLarge: 'too_large',
  /** Rate limit hit. */
  TooManyRequests: 'too_many_requests',
  /** A bug on our side; details are in the server log, never in the answer. */
  Internal: 'internal',
  /** The database is unreachable: nothing was changed; try again in a moment. */
  Unavailable: 'unavailable',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export const HTTP_STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  bad_join_code: 404,
  conflict: 409,
  too_large: 413,
  too_many_requests: 429,
  internal: 500,
  unavailable: 503,
};

export interface ApiError {
  code: ErrorCode;
  message: string;
}

/** WebSocket close codes of the sync endpoint (DESIGN §9), sent after the upgrade is accepted. */
export const CloseCode = {
  /** Normal close. */
  Normal: 1000,
  /** Server is restarting (SIGTERM drain); clients reconnect. */
  ServiceRestart: 1012,
  /** Doc could not be loaded from the store. */
  InternalError: 1011,
  /** Slow consumer (send buffer over the limit) or workshop connection cap: reconnect later and resync. */
  TryAgainLater: 1013,
  /** Malformed message (not y-websocket, or an undecodable update). */
  Malformed: 4400,
  /** No token or a token that matches nothing. */
  Unauthorized: 4401,
  /** The token has no right to this doc. */
  Forbidden: 4403,
  /** Message larger than the limit. */
  TooLarge: 4413,
  /** Too many messages per second, or more update bytes per second than one token's budget. */
  TooManyMessages: 4429,
  /**
   * Update refused before it was applied: types nested too deep, too many structs or deletions in
   * one update, or references to content the server does not have (reconnecting resyncs those).
   */
  UpdateRefused: 4422,
  /**
   * The board reached its storage quota; further edits are refused (the board stays readable). In
   * the 44xx range on purpose: the stock provider treats those as final instead of resending forever.
   */
  BoardFull: 4409,
  /**
   * Issue #20: an update that writes into the group's summary from someone who may not (a rapporteur
   * was chosen and it is someone else). Final like the other 44xx codes; the board is untouched.
   */
  SummaryLocked: 4423,
} as const;
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];

/**
 * Sync message type for "saved up to here" (server → client): a varUint8Array with the doc's
 * state vector as stored durably. Sent only to sockets that opt in with `?saved=1`, because the
 * stock y-websocket provider logs an error for message types it does not know.
 */
export const SYNC_MESSAGE_SAVED = 100;

/**
 * Sync message type for "your edits are not applied here" (server → client, no payload; issue #17).
 * The server keeps a socket that lost its right to write (a new round left it on an old board, the
 * gallery, a lock, a closed phase) open for reading and drops its updates; this answers each
 * dropped edit, so the board says it instead of failing silently. Opt-in like
 * `SYNC_MESSAGE_SAVED` (`?saved=1`): stock providers never receive it.
 */
export const SYNC_MESSAGE_READ_ONLY = 101;
