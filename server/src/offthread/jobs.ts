import type { ParticipantDataExport, ReportDraft } from '@warsztat/shared';
import type { Result } from '../control/result.js';
import type { WorkshopRecord } from '../domain/workshop.js';
import type { MergedSnapshot } from '../persistence/Store.js';
import type { ReportFormat } from '../report/assemble.js';
import type { DecodedBackup } from './decodeBackup.js';

/**
 * The work the main thread hands to the decode pool (issue #14: no request may block the event
 * loop for more than ~100 ms). Each job carries bytes and plain records only — what structured
 * clone copies cheaply — and never a Y.Doc: the worker builds its own docs from stored updates.
 */

/** Stored updates of each doc the job reads, by doc name, snapshot first (SyncServer.readStored). */
export type StoredDocs = Record<string, Uint8Array[]>;

export type Job =
  /** The raw body of an import: JSON parse, schema check, Yjs decode of every doc, cut in parts of `maxStructs` structs. */
  | { type: 'import'; body: Uint8Array; maxStructs: number }
  /** A report in one format from the workshop and its stored docs. */
  | { type: 'report'; workshop: WorkshopRecord; docs: StoredDocs; format: ReportFormat }
  /** The narrative parts as generated and as edited, for the console's editor. */
  | { type: 'draft'; workshop: WorkshopRecord; docs: StoredDocs }
  /** A participant's copy of their data (Art. 15): any participant token may ask, so it is no cheaper to abuse. */
  | { type: 'participantData'; workshop: WorkshopRecord; participantId: string; docs: StoredDocs; now: number }
  /** A board's compaction: its stored snapshot parts and log merged into new parts of at most `maxStructs` structs. */
  | { type: 'compact'; snapshot: Uint8Array[]; updates: Uint8Array[]; maxStructs: number };

/** What each job answers (a Buffer arrives as a Uint8Array: structured clone drops the subclass). */
export interface JobResults {
  import: Result<DecodedBackup>;
  /** The file's bytes (text formats as UTF-8). */
  report: Uint8Array;
  draft: ReportDraft;
  participantData: ParticipantDataExport | null;
  compact: MergedSnapshot;
}
