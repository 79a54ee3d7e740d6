import type { JoinAnswer, JoinBody, JoinInfo, JoinPrivacyAnswer } from '@warsztat/shared';
import { LOCALES } from '@warsztat/shared';
import { postJson, requestJson, type Schema } from './http';

/**
 * The join page's calls, with no zod (issue #15): a phone joining on venue Wi-Fi loads no schema
 * library. The request is checked by the server, which parses every join with the shared zod
 * schema; the limits the form needs come from `joinLimits.ts`. The answers come from our own
 * server, built from the same shared types, so they are checked here only for what the page
 * reads — that a proxy's or captive portal's 200 page is not taken for a join.
 */
type Fields = Record<string, unknown>;

function answer<T>(has: (value: Fields) => boolean): Schema<T> {
  return {
    safeParse: (value) =>
      typeof value === 'object' && value !== null && has(value as Fields)
        ? { success: true, data: value as T }
        : { success: false },
  };
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isStringOrNull = (v: unknown) => v === null || isString(v);
const isFields = (v: unknown): v is Fields => typeof v === 'object' && v !== null;

const JoinInfoAnswer = answer<JoinInfo>((v) => isString(v.title) && isStringOrNull(v.date));
const JoinedAnswer = answer<JoinAnswer>(
  (v) =>
    isString(v.workshopId) &&
    isString(v.participantId) &&
    isString(v.token) &&
    isFields(v.links) &&
    isString(v.links.board),
);
const PrivacyAnswer = answer<JoinPrivacyAnswer>(
  (v) =>
    (LOCALES as readonly unknown[]).includes(v.locale) &&
    isStringOrNull(v.dataController) &&
    isStringOrNull(v.organiser) &&
    isStringOrNull(v.privacyContact) &&
    Number.isInteger(v.retentionDays),
);

export function joinWorkshop(body: JoinBody) {
  return postJson('/api/join', body, JoinedAnswer);
}

/** Title and date of the workshop behind a join code (public: anyone with the code may ask). */
export function joinInfo(code: string) {
  return requestJson('GET', `/api/join/${encodeURIComponent(code)}`, JoinInfoAnswer);
}

/** The information clause behind a join code (issue #19): the organiser's words, no participant data. */
export function joinPrivacy(code: string) {
  return requestJson('GET', `/api/join/${encodeURIComponent(code)}/privacy`, PrivacyAnswer);
}
