import { deletionDueAt, type PrivacySettings, type PrivacyView, privacyOf } from '@warsztat/shared';
import type { WorkshopRecord } from './workshop.js';

/** What the retention sweep needs of every stored workshop (issue #19). */
export interface RetentionRow {
  id: string;
  createdAt: number;
  privacy: Partial<PrivacySettings> | null;
  closedAt: number | null;
  lastActivityAt: number | null;
}

/** When the retention sweep deletes this workshop (epoch ms); see `deletionDueAt` in shared. */
export function deletionDueAtOf(w: WorkshopRecord): number {
  const { privacy, closedAt, lastActivityAt } = w.control;
  return deletionDueAt(privacy.retentionDays, closedAt, lastActivityAt ?? w.createdAt);
}

/** The same rule on the store's lean row, for the sweep (which never loads whole workshops). */
export function rowDueAt(row: RetentionRow): number {
  const { retentionDays } = privacyOf(row.privacy);
  return deletionDueAt(retentionDays, row.closedAt, row.lastActivityAt ?? row.createdAt);
}

export function privacyViewOf(w: WorkshopRecord): PrivacyView {
  return {
    ...w.control.privacy,
    deletionDueAt: deletionDueAtOf(w),
    erasedCount: w.control.erased.length,
  };
}
