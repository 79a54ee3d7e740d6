import { docNameFor, ErrorCode, plenaryDocNameFor, type ReportDraft, readConsolidated } from '@warsztat/shared';
import type { Request, Response } from 'express';
import type * as Y from 'yjs';
import type { WorkshopRecord } from '../domain/workshop.js';
import { buildReport, narrativeParts, type Report } from '../report/buildReport.js';
import { cleanStrings, withoutControls, xmlSafe } from '../report/cleanText.js';
import { renderJson } from '../report/renderJson.js';
import { renderMarkdown } from '../report/renderMarkdown.js';
import { sendError } from './errors.js';

/**
 * `GET /api/workshops/:id/report?format=md|docx|pdf|json` (DESIGN §9). The caller (api.ts) has
 * already checked the token: facilitator or co-facilitator of this workshop. Boards are read as
 * durable copies (`SyncServer.readDoc`), so the report holds exactly what survives a restart.
 */
export const REPORT_FORMATS = {
  md: { ext: 'md', type: 'text/markdown; charset=utf-8' },
  json: { ext: 'json', type: 'application/json; charset=utf-8' },
  docx: { ext: 'docx', type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  pdf: { ext: 'pdf', type: 'application/pdf' },
} as const;
export type ReportFormat = keyof typeof REPORT_FORMATS;

export type ReadDoc = (docName: string) => Promise<Y.Doc>;

function isFormat(value: unknown): value is ReportFormat {
  return typeof value === 'string' && Object.hasOwn(REPORT_FORMATS, value);
}

/** ASCII only: the filename must survive every browser and mail client. "Łódź – spotkanie" → "lodz-spotkanie". */
export function slugify(title: string): string {
  const slug = title
    .replace(/[łŁ]/g, 'l')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || 'raport';
}

export function reportFilename(w: WorkshopRecord, format: ReportFormat): string {
  // Without a date, the day it was created on the workshop's own calendar names the file.
  const date = w.date ?? new Date(w.createdAt).toLocaleDateString('sv-SE', { timeZone: w.control.timeZone });
  return `warsztat-${date}-${slugify(w.title)}.${REPORT_FORMATS[format].ext}`;
}

/** The durable copy of every group board and of the plenary doc; the caller destroys them. */
export interface ReportDocs {
  boards: Map<string, Y.Doc>;
  plenary: Y.Doc;
  destroy(): void;
}

export async function readReportDocs(w: WorkshopRecord, readDoc: ReadDoc): Promise<ReportDocs> {
  const [plenary, ...docs] = await Promise.all([
    readDoc(plenaryDocNameFor(w.id)),
    ...w.groups.map((g) => readDoc(docNameFor(w.id, g.id))),
  ]);
  const boards = new Map(w.groups.map((g, i) => [g.id, docs[i] as Y.Doc]));
  return {
    boards,
    plenary: plenary as Y.Doc,
    destroy: () => {
      for (const doc of [plenary, ...docs]) doc?.destroy();
    },
  };
}

/** The report model from the durable docs: the plenary's consolidated order when there is one. */
export function reportFrom(w: WorkshopRecord, docs: ReportDocs): Report {
  const consolidated = readConsolidated(docs.plenary, w.control.plenary).map((item) => ({
    text: item.text,
    groupId: item.sourceGroupId,
    votes: item.votes,
  }));
  return buildReport(w, docs.boards, { consolidated: consolidated.filter((r) => r.text.trim() !== '') });
}

export async function sendReport(req: Request, res: Response, w: WorkshopRecord, readDoc: ReadDoc): Promise<void> {
  const format = req.query.format ?? 'md';
  if (!isFormat(format)) {
    return sendError(res, { code: ErrorCode.BadRequest, message: 'format must be one of md, docx, pdf, json' });
  }
  const docs = await readReportDocs(w, readDoc);
  try {
    const report = reportFrom(w, docs);
    let body: string | Buffer;
    switch (format) {
      case 'md':
        body = renderMarkdown(cleanStrings(report, withoutControls));
        break;
      case 'json':
        body = renderJson(w, docs.boards, report, docs.plenary);
        break;
      // Loaded on first use: pdfkit (with its font tables) and docx cost ~30 MB of RSS from import,
      // paid by every node at rest although a report is made once per workshop (issue #18).
      case 'docx':
        body = await (await import('../report/renderDocx.js')).renderDocx(cleanStrings(report, xmlSafe));
        break;
      case 'pdf':
        body = await (await import('../report/renderPdf.js')).renderPdf(cleanStrings(report, withoutControls));
        break;
    }
    res.setHeader('Content-Type', REPORT_FORMATS[format].type);
    res.setHeader('Content-Disposition', `attachment; filename="${reportFilename(w, format)}"`);
    // Personal data (names in the backup, consenting participants' in the report): never cached on the way.
    res.setHeader('Cache-Control', 'no-store');
    res.send(body);
  } finally {
    docs.destroy();
  }
}

/** `GET /api/workshops/:id/report/draft`: the narrative parts as generated and as edited, for the console's editor. */
export async function sendDraft(res: Response, w: WorkshopRecord, readDoc: ReadDoc): Promise<void> {
  const docs = await readReportDocs(w, readDoc);
  try {
    const report = reportFrom(w, docs);
    const draft: ReportDraft = { locale: report.locale, parts: narrativeParts(report) };
    res.setHeader('Cache-Control', 'no-store');
    res.json(draft);
  } finally {
    docs.destroy();
  }
}
