import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { headerFields, type Report } from './buildReport.js';
import type { Block, Run } from './summaryBlocks.js';

/**
 * DOCX for organisers who edit the report before publishing it. Plain styles only (Word's own
 * headings and bullets), so the document takes on the organisation's template when pasted in.
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

function votes(report: Report, n: number): TextRun[] {
  return n > 0 ? [new TextRun({ text: ` (${report.labels.votes(n)})`, italics: true })] : [];
}

export async function renderDocx(report: Report): Promise<Buffer> {
  const { labels: l, header: h } = report;
  const body: Paragraph[] = [heading(h.title, HeadingLevel.TITLE)];
  for (const [label, value] of headerFields(report)) {
    body.push(new Paragraph({ children: [new TextRun({ text: `${label}: `, bold: true }), ...lines(value)] }));
  }
  body.push(new Paragraph({ children: lines(report.lead) }));

  body.push(heading(l.heading.agenda, HeadingLevel.HEADING_1));
  if (report.days.length === 0) body.push(new Paragraph(l.noAgenda));
  for (const day of report.days) {
    if (report.days.length > 1 || day.date) body.push(heading(day.heading, HeadingLevel.HEADING_2));
    body.push(new Paragraph({ children: lines(day.items.map((i) => i.sentence).join(' ')) }));
  }

  const a = report.attendance;
  body.push(heading(l.heading.attendance, HeadingLevel.HEADING_1));
  body.push(new Paragraph(`${l.field.total}: ${a.total}. ${l.namesNote}`));
  body.push(heading(l.heading.byOrgType, HeadingLevel.HEADING_2));
  for (const c of a.byOrgType) body.push(new Paragraph({ bullet: { level: 0 }, text: `${c.label}: ${c.count}` }));
  body.push(heading(l.heading.byAttendance, HeadingLevel.HEADING_2));
  for (const c of a.byAttendance) body.push(new Paragraph({ bullet: { level: 0 }, text: `${c.label}: ${c.count}` }));

  body.push(heading(l.heading.groups, HeadingLevel.HEADING_1));
  for (const g of report.groups) {
    body.push(heading(g.name, HeadingLevel.HEADING_2));
    body.push(new Paragraph(`${l.field.rapporteur}: ${g.rapporteur ?? l.noRapporteur}`));
    for (const s of g.sections) {
      body.push(heading(s.label, HeadingLevel.HEADING_3));
      if (s.cards.length === 0) body.push(new Paragraph(l.noCards));
      for (const c of s.cards) {
        body.push(new Paragraph({ bullet: { level: 0 }, children: lines(c.text, votes(report, c.votes)) }));
      }
    }
    if (g.summary.length > 0) {
      body.push(heading(l.heading.summary, HeadingLevel.HEADING_3));
      let ordinal = 0;
      for (const block of g.summary) {
        ordinal = block.kind === 'ordered' ? ordinal + 1 : 0;
        body.push(summaryParagraph(block, ordinal));
      }
    }
  }

  body.push(heading(l.heading.recommendations, HeadingLevel.HEADING_1));
  if (report.recommendations.length === 0) body.push(new Paragraph(l.noRecommendations));
  for (const r of report.recommendations) {
    const tail = [...votes(report, r.votes), new TextRun({ text: ` — ${r.groupName}` })];
    body.push(new Paragraph({ children: [new TextRun(`${r.rank}. `), ...lines(r.text, tail)] }));
  }

  const doc = new Document({
    creator: 'Warsztat',
    title: h.title,
    styles: { default: { document: { run: { font: 'Calibri' } } } },
    sections: [{ children: body }],
  });
  return Packer.toBuffer(doc);
}
