import { Backup, type BackupWorkshop, ErrorCode } from '@warsztat/shared';
import * as Y from 'yjs';
import { DEFAULT_LIMITS } from '../config.js';
import { fail, ok, type Result, schemaError } from '../control/result.js';
import { segmentUpdate } from '../sync/segmentUpdate.js';
import { checkUpdate, UNBOUNDED_COUNTS } from '../sync/updateGuard.js';

/**
 * The expensive half of an import (issue #14): the raw body of `POST /api/workshops/import` turned
 * into a validated backup whose boards are re-encoded Yjs updates. A 17 MB file costs seconds of
 * JSON parsing, schema checks and Yjs decoding, so this runs in a worker (decodeWorker.ts); the
 * main thread only assembles the new workshop from the result (control/importWorkshop.ts).
 */
export interface DecodedBackup {
  workshop: BackupWorkshop;
  /**
   * Each board re-encoded from a doc it was applied to, in parts of bounded work (segmentUpdate),
   * stored as consecutive log entries so its first open is applied a part per event-loop turn.
   * `roundId` null: the first round's board.
   */
  boards: Array<{ groupId: string; roundId: string | null; updates: Uint8Array[] }>;
  plenary: Uint8Array[] | null;
}

function decodeDoc(base64: string, maxStructs: number): Uint8Array[] | null {
  const bytes = new Uint8Array(Buffer.from(base64, 'base64'));
  const doc = new Y.Doc();
  // The same depth rule as the sync plane (a too-deep board would brick its report); sizes are
  // bounded by the import body limit, and a gap (missing dependencies) could never be stored.
  const verdict = checkUpdate(bytes, doc, { maxTypeDepth: DEFAULT_LIMITS.maxTypeDepth, ...UNBOUNDED_COUNTS });
  if (!verdict.ok) {
    doc.destroy();
    return null;
  }
  try {
    Y.applyUpdate(doc, bytes);
    return segmentUpdate(Y.encodeStateAsUpdate(doc), maxStructs);
  } catch {
    return null;
  } finally {
    doc.destroy();
  }
}

/** Parses the body as JSON (UTF-8, as express.json did), checks it against `Backup`, decodes each doc. */
export function decodeBackup(body: Uint8Array, maxStructs: number): Result<DecodedBackup> {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { ignoreBOM: false }).decode(body));
  } catch {
    return fail(ErrorCode.BadRequest, 'Request body is not valid JSON');
  }
  const parsed = Backup.safeParse(json);
  if (!parsed.success) return { ok: false, error: schemaError(parsed.error) };
  const backup = parsed.data;
  const boards: DecodedBackup['boards'] = [];
  for (const [i, board] of backup.boards.entries()) {
    const updates = decodeDoc(board.update, maxStructs);
    if (!updates) return fail(ErrorCode.BadRequest, `boards.${i}.update: not a Yjs update`);
    boards.push({ groupId: board.groupId, roundId: board.roundId ?? null, updates });
  }
  let plenary: Uint8Array[] | null = null;
  if (backup.plenary !== undefined) {
    plenary = decodeDoc(backup.plenary, maxStructs);
    if (!plenary) return fail(ErrorCode.BadRequest, 'plenary: not a Yjs update');
  }
  return ok({ workshop: backup.workshop, boards, plenary });
}
