import { plenaryDocNameFor, type ReportDraft, readConsolidated } from '@warsztat/shared';
import type * as Y from 'yjs';
import { everyBoard } from '../domain/rounds.js';
import type { WorkshopRecord } from '../domain/workshop.js';
import { buildReport, narrativeParts, type Report } from './buildReport.js';

/**
 * A report from a workshop and the durable copies of its docs, in any format: what the report
 * route serves, with no HTTP in it. Boards are read as durable copies (`SyncServer.readDoc`), so
 * the report holds exactly what survives a restart. A new format: a renderer beside the others,
 * an entry in REPORT_FORMATS and a case in renderReport.ts.
 */
export const REPORT_FORMATS = {
  md: { ext: 'md', type: 'text/markdown; charset=utf-8' },
  json: { ext: 'json', type: 'application/json; charset=utf-8' },
  docx: { ext: 'docx', type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  pdf: { ext: 'pdf', type: 'application/pdf' },
} as const;
export type ReportFormat = keyof typeof REPORT_FORMATS;

/** The durable copy of one doc, by name (the sync plane's `readDoc`, wired in server.ts). */
export type ReadDoc = (docName: string) => Promise<Y.Doc>;

export function isReportFormat(value: unknown): value is ReportFormat {
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
  /** Every round's board of every group, by `boardKey` (the first round's: the group id). */
  boards: Map<string, Y.Doc>;
  plenary: Y.Doc;
  destroy(): void;
}

/** The docs a report reads: the plenary doc first, then each round's board of each group. */
export function reportDocNames(w: WorkshopRecord): string[] {
  return [plenaryDocNameFor(w.id), ...everyBoard(w).map((b) => b.name)];
}

export async function readReportDocs(w: WorkshopRecord, readDoc: ReadDoc): Promise<ReportDocs> {
  const [plenary, ...docs] = await Promise.all(reportDocNames(w).map((name) => readDoc(name)));
  const boards = new Map(everyBoard(w).map((b, i) => [b.key, docs[i] as Y.Doc]));
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

/** The narrative parts as generated and as edited, for the console's editor. */
export async function reportDraft(w: WorkshopRecord, readDoc: ReadDoc): Promise<ReportDraft> {
  const docs = await readReportDocs(w, readDoc);
  try {
    const report = reportFrom(w, docs);
    return { locale: report.locale, parts: narrativeParts(report) };
  } finally {
    docs.destroy();
  }
}
