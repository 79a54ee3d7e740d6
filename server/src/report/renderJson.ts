import * as Y from 'yjs';
import type { WorkshopRecord } from '../persistence/Store.js';
import type { Report } from './buildReport.js';

/**
 * The JSON export is a full backup, not just the report: the workshop record, each board as one
 * Yjs update (base64 of `Y.encodeStateAsUpdate`, so applying it to a fresh Y.Doc gives back the
 * board exactly, summary included), and the readable report beside it for people and scripts.
 *
 * Re-import: there is no import endpoint yet. One would create a workshop from `workshop`, mint
 * new tokens and a new join code (none are exported: they are capabilities, and the store keeps
 * only their hashes anyway), and apply each board's `update` to the doc of the group with the same
 * `groupId`. The file holds personal data (names, organisations) and is for the organiser only.
 */
export const BACKUP_FORMAT = 'warsztat-backup';
export const BACKUP_VERSION = 1;

export interface BackupBoard {
  groupId: string;
  update: string;
}

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  exportedAt: string;
  workshop: Omit<WorkshopRecord, 'joinCode' | 'version'>;
  boards: BackupBoard[];
  report: Omit<Report, 'labels'>;
}

export function renderJson(workshop: WorkshopRecord, boards: ReadonlyMap<string, Y.Doc>, report: Report): string {
  // The version is the store's concurrency counter, not part of the workshop.
  const { joinCode: _joinCode, version: _version, ...record } = workshop;
  const { labels: _labels, ...readable } = report;
  const backup: Backup = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: new Date().toISOString(),
    workshop: record,
    boards: workshop.groups.map((g) => {
      const doc = boards.get(g.id);
      const update = doc ? Y.encodeStateAsUpdate(doc) : Y.encodeStateAsUpdate(new Y.Doc());
      return { groupId: g.id, update: Buffer.from(update).toString('base64') };
    }),
    report: readable,
  };
  return `${JSON.stringify(backup, null, 2)}\n`;
}
