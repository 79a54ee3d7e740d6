import { createRequire } from 'node:module';
import type { SummaryBlock as Block, SummaryRun as Run } from '@warsztat/shared';
import PDFDocument from 'pdfkit';
import type { Report } from './buildReport.js';

/**
 * PDF for publishing as is. PDFKit's built-in Helvetica has no ą, ę, ł, ś, ż…, so the report is
 * set in DejaVu Sans, shipped as TTF by the `dejavu-fonts-ttf` package (resolved through Node's
 * module resolution, so it works from any working directory). The font is embedded (subset) in
 * every file.
 */
const require = createRequire(import.meta.url);
const FONT = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const FONT_BOLD = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');
const FONT_ITALIC = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Oblique.ttf');

const SIZE = { title: 20, h1: 15, h2: 12.5, h3: 11, body: 10 } as const;

type Doc = InstanceType<typeof PDFDocument>;

/** Room a heading needs below it, so it is never left alone at the foot of a page. */
const KEEP_WITH_NEXT = 72;

function heading(doc: Doc, text: string, size: number): void {
  doc.moveDown(size >= SIZE.h1 ? 1 : 0.6);
  if (doc.y + KEEP_WITH_NEXT > doc.page.height - doc.page.margins.bottom) doc.addPage();
  doc.font('bold').fontSize(size).text(text);
  doc.moveDown(0.3);
  doc.font('regular').fontSize(SIZE.body);
}

/** A list item with a hanging indent: the marker in its own column, the text wrapping beside it. */
function bullet(doc: Doc, text: string, marker = '•', depth = 0): void {
  const left = doc.page.margins.left + depth * 14;
  const gap = 20;
  const width = doc.page.width - doc.page.margins.right - left - gap;
  // Start on a fresh page rather than leave the marker alone at the bottom of this one.
  if (doc.y + doc.heightOfString(text, { width }) > doc.page.height - doc.page.margins.bottom && doc.y > 200) {
    doc.addPage();
  }
  const y = doc.y;
  doc.text(marker, left, y, { width: gap, lineBreak: false });
  doc.text(text, left + gap, y, { width, paragraphGap: 2 });
  doc.x = doc.page.margins.left;
}

/** A paragraph of marked runs: each run in its face, continued on the same line. */
function runs(doc: Doc, list: Run[], options: PDFKit.Mixins.TextOptions = {}): void {
  list.forEach((run, i) => {
    const face = run.bold ? 'bold' : run.italic ? 'italic' : 'regular';
    doc.font(face).text(run.text, { ...options, paragraphGap: 4, continued: i < list.length - 1 });
  });
  doc.font('regular');
}

function summary(doc: Doc, blocks: Block[]): void {
  let ordinal = 0;
  for (const block of blocks) {
    ordinal = block.kind === 'ordered' ? ordinal + 1 : 0;
    const text = block.runs.map((r) => r.text).join('');
    switch (block.kind) {
      case 'heading':
        doc.font('bold').text(text, { paragraphGap: 4 }).font('regular');
        break;
      case 'bullet':
        bullet(doc, text, '•', block.depth);
        break;
      case 'ordered':
        bullet(doc, text, `${ordinal}.`, block.depth);
        break;
      case 'quote':
        doc.font('italic').text(text, { indent: 20, paragraphGap: 4 }).font('regular');
        break;
      case 'paragraph':
      case 'code':
        runs(doc, block.runs);
        break;
    }
  }
}

/** Narrative text, one PDF paragraph per paragraph the organiser wrote. */
function paragraphs(doc: Doc, text: string): void {
  for (const p of text.split(/\n\s*\n/)) {
    if (p.trim() !== '') doc.font('regular').fontSize(SIZE.body).text(p.trim(), { paragraphGap: 6 });
  }
}

/** A ruled table with a bold head row (header cells are TH for tagged readers); `widths` in points or '*'. */
function table(doc: Doc, head: string[], rows: string[][], widths: Array<number | string>, boldLast = false): void {
  if (doc.y + KEEP_WITH_NEXT > doc.page.height - doc.page.margins.bottom) doc.addPage();
  doc.x = doc.page.margins.left;
  const bold = { src: FONT_BOLD };
  doc.fontSize(SIZE.body - 0.5).table({
    columnStyles: widths,
    defaultStyle: { border: 0.5, borderColor: '#777777', padding: [3, 4] },
    data: [
      head.map((text) => ({ text, font: bold, type: 'TH' as const, backgroundColor: '#eeeeee' })),
      ...rows.map((row, i) => row.map((text) => (boldLast && i === rows.length - 1 ? { text, font: bold } : text))),
    ],
  });
  doc.font('regular').fontSize(SIZE.body).moveDown(0.6);
  doc.x = doc.page.margins.left;
}

export function renderPdf(report: Report): Promise<Buffer> {
  const { words: w } = report;
  // `font` in the constructor: PDFKit would otherwise load Helvetica's metrics first.
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    font: FONT,
    lang: report.locale,
    info: { Title: report.title, Creator: 'Warsztat' },
  });
  doc.registerFont('regular', FONT);
  doc.registerFont('bold', FONT_BOLD);
  doc.registerFont('italic', FONT_ITALIC);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  doc.font('bold').fontSize(SIZE.title).text(report.title);
  doc.moveDown(0.5).font('regular').fontSize(SIZE.body);
  for (const [label, value] of report.header) {
    doc.font('bold').text(`${label}: `, { continued: true }).font('regular').text(value);
  }
  doc
    .font('italic')
    .fontSize(SIZE.body - 1)
    .text(report.generatedAt)
    .fontSize(SIZE.body);
  doc.moveDown(0.5);
  paragraphs(doc, report.intro.text);

  heading(doc, w.heading.agenda, SIZE.h1);
  if (report.days.length === 0) doc.text(w.noAgenda);
  for (const day of report.days) {
    if (report.days.length > 1) heading(doc, day.heading, SIZE.h2);
    for (const item of day.items) if (item.paragraph) paragraphs(doc, item.paragraph.text);
  }
  if (report.days.length > 0) {
    heading(doc, w.heading.program, SIZE.h1);
    for (const day of report.days) {
      if (report.days.length > 1) heading(doc, day.heading, SIZE.h2);
      const rows = day.items.map((i) => [i.startsAt, i.title || i.kindLabel, i.speakers.join(', ')]);
      table(doc, [w.table.time, w.table.item, w.table.speakers], rows, [50, '*', 170]);
    }
  }

  const a = report.attendance;
  heading(doc, w.heading.attendance, SIZE.h1);
  paragraphs(doc, a.paragraph);
  if (a.rows.length > 0) {
    const rows = a.rows.map((r) => [r.label, String(r.counts.onsite), String(r.counts.online), String(r.total)]);
    rows.push([w.table.total, String(a.totals.onsite), String(a.totals.online), String(a.totals.total)]);
    table(
      doc,
      [w.table.orgType, w.attendance.onsite, w.attendance.online, w.table.total],
      rows,
      ['*', 70, 70, 60],
      true,
    );
  }

  for (const round of report.rounds) {
    heading(doc, round.heading, SIZE.h1);
    paragraphs(doc, round.intro.text);
    for (const g of round.groups) {
      heading(doc, g.name, SIZE.h2);
      doc.font('bold').text(`${w.field.members}: `, { continued: true }).font('regular').text(g.membersText);
      doc.font('bold').text(`${w.field.rapporteur}: `, { continued: true }).font('regular').text(g.rapporteurText);
      for (const s of g.sections) {
        heading(doc, s.label, SIZE.h3);
        if (s.cards.length === 0) doc.text(w.noCards);
        for (const c of s.cards) bullet(doc, c.votesText ? `${c.text} (${c.votesText})` : c.text);
      }
      if (g.summary.length > 0) {
        heading(doc, w.heading.summary, SIZE.h3);
        summary(doc, g.summary);
      }
    }
  }

  const r = report.recommendations;
  heading(doc, w.heading.recommendations, SIZE.h1);
  if (r.items.length === 0) doc.text(w.noRecommendations);
  else {
    doc.font('italic').text(r.note, { paragraphGap: 6 }).font('regular');
    const rows = r.items.map((i) => [String(i.rank), i.text, i.groupName ?? '', String(i.votes)]);
    table(doc, [w.table.rank, w.table.recommendation, w.table.group, w.table.votes], rows, [30, '*', 130, 45]);
  }
  heading(doc, w.heading.closing, SIZE.h1);
  paragraphs(doc, report.closing.text);
  doc.end();
  return done;
}
