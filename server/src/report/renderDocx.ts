import type { SummaryBlock as Block, SummaryRun as Run } from '@warsztat/shared';
import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { Report } from './buildReport.js';

/**
 * DOCX for organisers who edit the report before publishing it. Word's own styles only (Title,
 * Heading 1–3, bullets, plain tables), so the navigation pane shows the outline and the document
 * takes on the organisation's template when pasted in.
 * Card text goes in as TextRun text, which the library XML-escapes: nothing typed can become markup.
 */
function runs(list: Run[]): TextRun[] {
  const out: TextRun[] = [];
  for (const run of list) {
    run.text.split('\n').forEach((line, i) => {
      out.push(
        new TextRun({
          text: line,
          bold: run.bold ?? false,
          italics: run.italic ?? false,
          ...(i > 0 ? { break: 1 } : {}),
        }),
      );
    });
  }
  return out;
}

/** Text with line breaks kept (card text may span lines). */
function lines(text: string, extra: TextRun[] = []): TextRun[] {
  return [...runs([{ text }]), ...extra];
}

function heading(text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]): Paragraph {
  return new Paragraph({ heading: level, children: lines(text) });
}

function summaryParagraph(block: Block, ordinal: number): Paragraph {
  switch (block.kind) {
    case 'heading':
      return new Paragraph({ heading: HeadingLevel.HEADING_5, children: runs(block.runs) });
    case 'bullet':
      return new Paragraph({ bullet: { level: Math.min(block.depth, 8) }, children: runs(block.runs) });
    case 'ordered':
      // Word numbering needs a numbering definition per list; a typed number reads the same.
      return new Paragraph({
        indent: { left: 360 * (block.depth + 1) },
        children: runs([{ text: `${ordinal}. ` }, ...block.runs]),
      });
    case 'quote':
      return new Paragraph({
        indent: { left: 720 },
        children: runs(block.runs.map((r) => ({ ...r, italic: true as const }))),
      });
    case 'paragraph':
    case 'code':
      return new Paragraph({ children: runs(block.runs) });
  }
}

/** Narrative text: one Word paragraph per paragraph the organiser wrote (blank line between). */
function paragraphs(text: string): Paragraph[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map((p) => new Paragraph({ children: lines(p), spacing: { after: 120 } }));
}

function cellOf(text: string, bold = false): TableCell {
  return new TableCell({
    children: [new Paragraph({ children: runs([{ text, ...(bold ? { bold: true as const } : {}) }]) })],
  });
}

/** A full-width table whose first row repeats on every page. */
function table(head: string[], rows: string[][], boldLast = false): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: head.map((h) => cellOf(h, true)) }),
      ...rows.map((row, i) => new TableRow({ children: row.map((c) => cellOf(c, boldLast && i === rows.length - 1)) })),
    ],
  });
}

export async function renderDocx(report: Report): Promise<Buffer> {
  const { words: w } = report;
  const body: Array<Paragraph | Table> = [heading(report.title, HeadingLevel.TITLE)];
  for (const [label, value] of report.header) {
    body.push(new Paragraph({ children: [new TextRun({ text: `${label}: `, bold: true }), ...lines(value)] }));
  }
  body.push(new Paragraph({ children: [new TextRun({ text: report.generatedAt, italics: true })] }));
  body.push(...paragraphs(report.intro.text));

  body.push(heading(w.heading.agenda, HeadingLevel.HEADING_1));
  if (report.days.length === 0) body.push(new Paragraph(w.noAgenda));
  for (const day of report.days) {
    if (report.days.length > 1) body.push(heading(day.heading, HeadingLevel.HEADING_2));
    for (const item of day.items) if (item.paragraph) body.push(...paragraphs(item.paragraph.text));
  }
  if (report.days.length > 0) {
    body.push(heading(w.heading.program, HeadingLevel.HEADING_1));
    for (const day of report.days) {
      if (report.days.length > 1) body.push(heading(day.heading, HeadingLevel.HEADING_2));
      const rows = day.items.map((i) => [i.startsAt, i.title || i.kindLabel, i.speakers.join(', ')]);
      body.push(table([w.table.time, w.table.item, w.table.speakers], rows));
    }
  }

  const a = report.attendance;
  body.push(heading(w.heading.attendance, HeadingLevel.HEADING_1), ...paragraphs(a.paragraph));
  if (a.rows.length > 0) {
    const rows = a.rows.map((r) => [r.label, String(r.counts.onsite), String(r.counts.online), String(r.total)]);
    rows.push([w.table.total, String(a.totals.onsite), String(a.totals.online), String(a.totals.total)]);
    body.push(table([w.table.orgType, w.attendance.onsite, w.attendance.online, w.table.total], rows, true));
  }

  for (const round of report.rounds) {
    body.push(heading(round.heading, HeadingLevel.HEADING_1), ...paragraphs(round.intro.text));
    for (const g of round.groups) {
      body.push(heading(g.name, HeadingLevel.HEADING_2));
      body.push(
        new Paragraph({
          children: [
            new TextRun({ text: `${w.field.members}: `, bold: true }),
            new TextRun(g.membersText),
            new TextRun({ text: `${w.field.rapporteur}: `, bold: true, break: 1 }),
            ...lines(g.rapporteurText),
          ],
        }),
      );
      for (const s of g.sections) {
        body.push(heading(s.label, HeadingLevel.HEADING_3));
        if (s.cards.length === 0) body.push(new Paragraph(w.noCards));
        for (const c of s.cards) {
          const votes = c.votesText ? [new TextRun({ text: ` (${c.votesText})`, italics: true })] : [];
          body.push(new Paragraph({ bullet: { level: 0 }, children: lines(c.text, votes) }));
        }
      }
      if (g.summary.length > 0) {
        body.push(heading(w.heading.summary, HeadingLevel.HEADING_3));
        let ordinal = 0;
        for (const block of g.summary) {
          ordinal = block.kind === 'ordered' ? ordinal + 1 : 0;
          body.push(summaryParagraph(block, ordinal));
        }
      }
    }
  }

  const r = report.recommendations;
  body.push(heading(w.heading.recommendations, HeadingLevel.HEADING_1));
  if (r.items.length === 0) body.push(new Paragraph(w.noRecommendations));
  else {
    body.push(new Paragraph({ children: [new TextRun({ text: r.note, italics: true })] }));
    const rows = r.items.map((i) => [String(i.rank), i.text, i.groupName ?? '', String(i.votes)]);
    body.push(table([w.table.rank, w.table.recommendation, w.table.group, w.table.votes], rows));
  }
  body.push(heading(w.heading.closing, HeadingLevel.HEADING_1), ...paragraphs(report.closing.text));

  const doc = new Document({
    creator: 'Warsztat',
    title: report.title,
    styles: { default: { document: { run: { font: 'Calibri' } } } },
    sections: [{ children: body }],
  });
  return Packer.toBuffer(doc);
}
