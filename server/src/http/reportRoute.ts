import { ErrorCode } from '@warsztat/shared';
import type { Request, Response } from 'express';
import type { WorkshopRecord } from '../domain/workshop.js';
import {
  isReportFormat,
  REPORT_FORMATS,
  type ReadDoc,
  renderReport,
  reportDraft,
  reportFilename,
} from '../report/assemble.js';
import { sendError } from './errors.js';

export type { ReadDoc } from '../report/assemble.js';

/**
 * `GET /api/workshops/:id/report?format=md|docx|pdf|json` (DESIGN §9). The caller (api.ts) has
 * already checked the token: facilitator or co-facilitator of this workshop. This module only does
 * HTTP; the report is assembled in report/assemble.ts.
 */
export async function sendReport(req: Request, res: Response, w: WorkshopRecord, readDoc: ReadDoc): Promise<void> {
  const format = req.query.format ?? 'md';
  if (!isReportFormat(format)) {
    return sendError(res, { code: ErrorCode.BadRequest, message: 'format must be one of md, docx, pdf, json' });
  }
  const body = await renderReport(w, readDoc, format);
  res.setHeader('Content-Type', REPORT_FORMATS[format].type);
  res.setHeader('Content-Disposition', `attachment; filename="${reportFilename(w, format)}"`);
  // Personal data (names in the backup, consenting participants' in the report): never cached on the way.
  res.setHeader('Cache-Control', 'no-store');
  res.send(body);
}

/** `GET /api/workshops/:id/report/draft`: the narrative parts as generated and as edited, for the console's editor. */
export async function sendDraft(res: Response, w: WorkshopRecord, readDoc: ReadDoc): Promise<void> {
  const draft = await reportDraft(w, readDoc);
  res.setHeader('Cache-Control', 'no-store');
  res.json(draft);
}
