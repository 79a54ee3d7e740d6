import type { Attendance } from './orgTypes.js';

/**
 * Personal data by design (issue #19): who answers for the data a workshop collects, whom to ask,
 * and how long it is kept. Kept in the workshop's control JSON (`control.privacy`), so both stores
 * hold it without a column; read through `privacyOf`, which fills the defaults once.
 */
export const DEFAULT_RETENTION_DAYS = 365;
export const MIN_RETENTION_DAYS = 1;
export const MAX_RETENTION_DAYS = 3650;
export const MAX_DATA_CONTROLLER_CHARS = 300;
export const MAX_PRIVACY_CONTACT_CHARS = 200;
const DAY_MS = 86_400_000;

export interface PrivacySettings {
  /** The controller (administrator danych) named in the clause; null: the organiser is named instead. */
  dataController: string | null;
  /** An e-mail address or URL for questions and erasure requests; null when none was given. */
  privacyContact: string | null;
  /** Days after closing (or the last activity, when never closed) before the workshop is deleted. */
  retentionDays: number;
}

/**
 * A participant erased on their request (Art. 17): nothing that names them is kept, only what the
 * attendance tables need so their totals still add up ("Uczestnik usunięty").
 */
export interface ErasedParticipant {
  attendance: Attendance;
  groupId: string | null;
}

export function defaultPrivacy(): PrivacySettings {
  return { dataController: null, privacyContact: null, retentionDays: DEFAULT_RETENTION_DAYS };
}

/** The stored settings with defaults filled; anything out of range reads as the default. */
export function privacyOf(
  stored: { [K in keyof PrivacySettings]?: PrivacySettings[K] | undefined } | null | undefined,
): PrivacySettings {
  const days = stored?.retentionDays;
  return {
    dataController: typeof stored?.dataController === 'string' ? stored.dataController : null,
    privacyContact: typeof stored?.privacyContact === 'string' ? stored.privacyContact : null,
    retentionDays:
      typeof days === 'number' && Number.isInteger(days) && days >= MIN_RETENTION_DAYS && days <= MAX_RETENTION_DAYS
        ? days
        : DEFAULT_RETENTION_DAYS,
  };
}

/**
 * When the retention sweep deletes a workshop: `retentionDays` after it was closed, or after its
 * last recorded activity when nobody closed it (an abandoned workshop is not kept forever).
 */
export function deletionDueAt(retentionDays: number, closedAt: number | null, lastActivityAt: number): number {
  return (closedAt ?? lastActivityAt) + retentionDays * DAY_MS;
}

/** The clause lacks a named controller or a contact: the console warns the facilitator. */
export function privacyIncomplete(p: PrivacySettings): boolean {
  return p.dataController === null || p.privacyContact === null;
}

/** How a privacy contact is shown as a link: e-mail addresses get `mailto:`. */
export function contactHref(contact: string): string {
  return contact.includes('@') && !/^[a-z]+:/i.test(contact) ? `mailto:${contact}` : contact;
}
