import { parseDocName } from '@warsztat/shared';
import { type Logger, pino } from 'pino';

/** The server's planes (DESIGN §2); every log line names the one it comes from. */
export type Plane = 'http' | 'control' | 'sync' | 'store' | 'cluster';

/**
 * Fields that must never reach a log line. Nothing logs them on purpose: log calls pass ids only
 * (workshop, participant, doc), never a token, a participant's name or organisation. This list is
 * the safety net for a careless `log.info({ body })` or a request object with its headers.
 */
export const REDACTED_PATHS = [
  'token',
  '*.token',
  'tokens',
  '*.tokens',
  'facilitatorToken',
  '*.facilitatorToken',
  'projectorToken',
  '*.projectorToken',
  'authorization',
  '*.authorization',
  'headers.authorization',
  '*.headers.authorization',
  'headers.cookie',
  '*.headers.cookie',
  'name',
  '*.name',
  'organisation',
  '*.organisation',
  'organiser',
  '*.organiser',
];

const LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** A misspelt level stops the start with a sentence saying what is allowed (pino's own is terser). */
function logLevel(value: string | undefined): string {
  if (!value) return 'info';
  if (!LEVELS.includes(value)) throw new Error(`LOG_LEVEL must be one of ${LEVELS.join(', ')}; got "${value}"`);
  return value;
}

/**
 * One JSON object per line on stdout (what log shippers read), at `LOG_LEVEL` (default `info`;
 * `silent` turns it off, as the test suite does). Read once at start: the level is a setting of
 * the process, like the port.
 */
export const rootLog: Logger = pino({
  level: logLevel(process.env.LOG_LEVEL),
  redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
});

/** The logger of one plane; callers bind `workshopId` (or `doc`) with `.child()` or per call. */
export function planeLog(plane: Plane): Logger {
  return rootLog.child({ plane });
}

/**
 * The fields of a line about one board: its name and the workshop it belongs to, so one
 * workshop's boards show up when its id is followed through the log.
 */
export function docFields(docName: string): { doc: string; workshopId?: string } {
  const workshopId = parseDocName(docName)?.workshopId;
  return workshopId ? { doc: docName, workshopId } : { doc: docName };
}
