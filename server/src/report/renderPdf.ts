import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { headerFields, type Report } from './buildReport.js';
import type { Block, Run } from './summaryBlocks.js';

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

export function renderPdf(report: Report): Promise<Buffer> {
  const { labels: l, header: h } = report;
  // `font` in the constructor: PDFKit would otherwise load Helvetica's metrics first.
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    font: FONT,
    lang: report.locale,
    info: { Title: h.title, Creator: 'Warsztat' },
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

  doc.font('bold').fontSize(SIZE.title).text(h.title);
  doc.moveDown(0.5).font('regular').fontSize(SIZE.body);
  for (const [label, value] of headerFields(report)) {
    doc.font('bold').text(`${label}: `, { continued: true }).font('regular').text(value);
  }
  doc.moveDown(0.5).text(report.lead);

  heading(doc, l.heading.agenda, SIZE.h1);
  if (report.days.length === 0) doc.text(l.noAgenda);
  for (const day of report.days) {
    if (report.days.length > 1 || day.date) heading(doc, day.heading, SIZE.h2);
    // Left-aligned: justified text opens wide gaps around the long quoted titles.
    doc.text(day.items.map((i) => i.sentence).join(' '));
  }

  const a = report.attendance;
  heading(doc, l.heading.attendance, SIZE.h1);
  doc.text(`${l.field.total}: ${a.total}. ${l.namesNote}`);
  heading(doc, l.heading.byOrgType, SIZE.h3);
  for (const c of a.byOrgType) bullet(doc, `${c.label}: ${c.count}`);
  heading(doc, l.heading.byAttendance, SIZE.h3);
  for (const c of a.byAttendance) bullet(doc, `${c.label}: ${c.count}`);

  heading(doc, l.heading.groups, SIZE.h1);
  for (const g of report.groups) {
    heading(doc, g.name, SIZE.h2);
    doc.text(`${l.field.rapporteur}: ${g.rapporteur ?? l.noRapporteur}`);
    for (const s of g.sections) {
      heading(doc, s.label, SIZE.h3);
      if (s.cards.length === 0) doc.text(l.noCards);
      for (const c of s.cards) bullet(doc, c.votes > 0 ? `${c.text} (${l.votes(c.votes)})` : c.text);
    }
    if (g.summary.length > 0) {
      heading(doc, l.heading.summary, SIZE.h3);
      summary(doc, g.summary);
    }
  }

  heading(doc, l.heading.recommendations, SIZE.h1);
  if (report.recommendations.length === 0) doc.text(l.noRecommendations);
  for (const r of report.recommendations) {
    const votes = r.votes > 0 ? ` (${l.votes(r.votes)})` : '';
    bullet(doc, `${r.text}${votes} — ${r.groupName}`, `${r.rank}.`);
  }
  doc.end();
  return done;
}
