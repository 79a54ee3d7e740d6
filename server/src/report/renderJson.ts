import { BACKUP_FORMAT, BACKUP_VERSION } from '@warsztat/shared';
import * as Y from 'yjs';
import { boardKey } from '../domain/rounds.js';
import type { WorkshopRecord } from '../domain/workshop.js';
import type { Report } from './buildReport.js';

/**
 * The JSON export is a full backup, not just the report: the workshop record, each board as one
 * Yjs update (base64 of `Y.encodeStateAsUpdate`, so applying it to a fresh Y.Doc gives back the
 * board exactly, summary included), the plenary doc likewise, and the readable report beside it
 * for people and scripts. `POST /api/workshops/import` reads it back (shared protocol/report.ts
 * says exactly which fields). No token or join code is in it: they are capabilities, and the
 * store keeps only their hashes anyway. The file holds personal data (names, organisations) and
 * is for the organiser only.
 */
export interface BackupBoard {
  groupId: string;
  /** The round (issue #17); absent for the first round, as in files from before rounds. */
  roundId?: string;
  update: string;
}

export interface BackupFile {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  exportedAt: string;
  workshop: Omit<WorkshopRecord, 'joinCode' | 'version' | 'control'> & {
    control: Omit<WorkshopRecord['control'], 'staffLinks' | 'fullBoards'>;
  };
  boards: BackupBoard[];
  plenary?: string;
  report: Report;
}

function base64(doc: Y.Doc | undefined): string {
  return Buffer.from(Y.encodeStateAsUpdate(doc ?? new Y.Doc())).toString('base64');
}

export function renderJson(
  workshop: WorkshopRecord,
  boards: ReadonlyMap<string, Y.Doc>,
  report: Report,
  plenary: Y.Doc | null = null,
): string {
  // The version is the store's concurrency counter, not part of the workshop. The links' hashes
  // and the full-board notices belong to this copy only: an import mints its own (issue #14).
  const { joinCode: _joinCode, version: _version, ...rest } = workshop;
  const { staffLinks: _staffLinks, fullBoards: _fullBoards, ...control } = rest.control;
  const record = { ...rest, control };
  const backup: BackupFile = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: new Date().toISOString(),
    workshop: record,
    boards: workshop.control.rounds.flatMap((r, i) =>
      workshop.groups.map((g) => ({
        groupId: g.id,
        ...(i === 0 ? {} : { roundId: r.id }),
        update: base64(boards.get(boardKey(workshop, r.id, g.id))),
      })),
    ),
    ...(plenary && plenary.store.clients.size > 0 ? { plenary: base64(plenary) } : {}),
    report,
  };
  return `${JSON.stringify(backup, null, 2)}\n`;
}
