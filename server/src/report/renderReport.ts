import type { WorkshopRecord } from '../domain/workshop.js';
import { type ReadDoc, type ReportFormat, readReportDocs, reportFrom } from './assemble.js';
import { cleanStrings, withoutControls, xmlSafe } from './cleanText.js';
import { renderDocx } from './renderDocx.js';
import { renderJson } from './renderJson.js';
import { renderMarkdown } from './renderMarkdown.js';
import { renderPdf } from './renderPdf.js';

/**
 * The report in one format, read from the durable docs. Only the decode pool's worker imports this
 * module (offthread/decodeWorker.ts), so pdfkit (with its font tables) and docx, ~30 MB of RSS,
 * are loaded in a worker that makes a report, never by the main thread of a node at rest (#18).
 */
export async function renderReport(
  w: WorkshopRecord,
  readDoc: ReadDoc,
  format: ReportFormat,
): Promise<string | Buffer> {
  const docs = await readReportDocs(w, readDoc);
  try {
    const report = reportFrom(w, docs);
    switch (format) {
      case 'md':
        return renderMarkdown(cleanStrings(report, withoutControls));
      case 'json':
        return renderJson(w, docs.boards, report, docs.plenary);
      case 'docx':
        return renderDocx(cleanStrings(report, xmlSafe));
      case 'pdf':
        return renderPdf(cleanStrings(report, withoutControls));
    }
  } finally {
    docs.destroy();
  }
}
