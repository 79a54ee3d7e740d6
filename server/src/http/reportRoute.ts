import { ErrorCode } from '@warsztat/shared';
import type { Request, Response } from 'express';
import type { WorkshopRecord } from '../domain/workshop.js';
import type { DecodePool } from '../offthread/DecodePool.js';
import type { StoredDocs } from '../offthread/jobs.js';
import { isReportFormat, REPORT_FORMATS, reportDocNames, reportFilename } from '../report/assemble.js';
import { sendError } from './errors.js';

export type { ReadDoc } from '../report/assemble.js';

/**
 * What a report needs: the stored updates of the workshop's docs (read on the main thread, where
 * the store is) and the decode pool that turns them into a report (issue #14: the report of a board
 * at its quota took seconds of the event loop; now it takes a worker's).
 */
export interface ReportWork {
  decode: DecodePool;
  readStored: (docName: string) => Promise<Uint8Array[]>;
}

/** The stored updates of each of `names`, for a job of the decode pool. */
export async function storedDocs(names: string[], work: ReportWork): Promise<StoredDocs> {
  const updates = await Promise.all(names.map((name) => work.readStored(name)));
  return Object.fromEntries(names.map((name, i) => [name, updates[i] ?? []]));
}

/**
 * `GET /api/workshops/:id/report?format=md|docx|pdf|json` (DESIGN §9). The caller (api.ts) has
 * already checked the token: facilitator or co-facilitator of this workshop. This module only does
 * HTTP; the report is assembled in report/assemble.ts, on a worker.
 */
export async function sendReport(req: Request, res: Response, w: WorkshopRecord, work: ReportWork): Promise<void> {
  const format = req.query.format ?? 'md';
  if (!isReportFormat(format)) {
    return sendError(res, { code: ErrorCode.BadRequest, message: 'format must be one of md, docx, pdf, json' });
  }
  const body = await work.decode.run({
    type: 'report',
    workshop: w,
    docs: await storedDocs(reportDocNames(w), work),
    format,
  });
  res.setHeader('Content-Type', REPORT_FORMATS[format].type);
  res.setHeader('Content-Disposition', `attachment; filename="${reportFilename(w, format)}"`);
  // Personal data (names in the backup, consenting participants' in the report): never cached on the way.
  res.setHeader('Cache-Control', 'no-store');
  // `end`, not `send`: send would hash the whole file for an ETag on the main thread (~0.1 s for a
  // 17 MB backup), for a response that may not be cached anyway.
  res.setHeader('Content-Length', String(body.byteLength));
  res.end(Buffer.from(body.buffer, body.byteOffset, body.byteLength));
}

/** `GET /api/workshops/:id/report/draft`: the narrative parts as generated and as edited, for the console's editor. */
export async function sendDraft(res: Response, w: WorkshopRecord, work: ReportWork): Promise<void> {
  const draft = await work.decode.run({ type: 'draft', workshop: w, docs: await storedDocs(reportDocNames(w), work) });
  res.setHeader('Cache-Control', 'no-store');
  res.json(draft);
}
