import type { SummaryBlock as Block, SummaryRun as Run } from '@warsztat/shared';
import type { Report } from './buildReport.js';

/**
 * Everything typed by people (card text, titles, names, summaries) is text, not Markdown: a card
 * reading `<script>` or `**bold**` must appear exactly so. HTML specials become entities, which
 * every renderer shows literally even where raw HTML is allowed; Markdown punctuation is
 * backslash-escaped (CommonMark treats `\x` as a literal x for any ASCII punctuation) where it
 * could mean something: emphasis, code, links and tables anywhere, list and heading markers only at
 * the start of a line, so ordinary hyphens and dates ("2021-2027") stay readable in the raw file.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]|~]/g, '\\$&')
    .replace(/^(\s*)([#+=-])/gm, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/gm, '$1\\$2');
}

/** Multi-line text inside a list item: hard breaks, continuation lines indented under the marker. */
function inline(text: string, indent: number): string {
  return text
    .split(/\r?\n/)
    .map((line) => escapeMarkdown(line))
    .join(`\\\n${' '.repeat(indent)}`);
}

function runText(run: Run): string {
  const escaped = escapeMarkdown(run.text);
  if (escaped.trim() === '') return escaped;
  // Emphasis markers must hug the text, so surrounding spaces stay outside them.
  const [, lead = '', core = '', trail = ''] = /^(\s*)([\s\S]*?)(\s*)$/.exec(escaped) ?? [];
  let marked = core;
  if (run.italic) marked = `*${marked}*`;
  if (run.bold) marked = `**${marked}**`;
  return `${lead}${marked}${trail}`;
}

function blockText(block: Block, indent: number): string {
  return block.runs
    .map(runText)
    .join('')
    .split('\n')
    .join(`\\\n${' '.repeat(indent)}`);
}

function renderBlocks(blocks: Block[]): string[] {
  const out: string[] = [];
  let ordinal = 0;
  let previous: Block['kind'] | null = null;
  for (const block of blocks) {
    const pad = '  '.repeat(block.depth);
    if (block.kind !== 'ordered') ordinal = 0;
    // List items run together; every other block is its own paragraph.
    const inList = block.kind === 'bullet' || block.kind === 'ordered';
    if (out.length > 0 && !(inList && (previous === 'bullet' || previous === 'ordered'))) out.push('');
    switch (block.kind) {
      case 'paragraph':
        out.push(blockText(block, 0));
        break;
      case 'heading':
        out.push(`#### ${blockText(block, 0)}`);
        break;
      case 'bullet':
        out.push(`${pad}- ${blockText(block, pad.length + 2)}`);
        break;
      case 'ordered':
        ordinal += 1;
        out.push(`${pad}${ordinal}. ${blockText(block, pad.length + 3)}`);
        break;
      case 'quote':
        out.push(`> ${blockText(block, 0).split('\n').join('\n> ')}`);
        break;
      case 'code':
        // Escaped text in a plain paragraph: a fence would need its own escaping rules.
        out.push(blockText(block, 0));
        break;
    }
    previous = block.kind;
  }
  return out;
}

/** Narrative text: the organiser's paragraphs (blank lines) kept, each escaped. */
function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .flatMap((p) => [inline(p, 0), '']);
}

/** A table cell: one line, pipes escaped by escapeMarkdown. */
function cell(text: string): string {
  return escapeMarkdown(text.replace(/\s*\n\s*/g, ' '));
}

function table(head: string[], rows: string[][]): string[] {
  return [
    `| ${head.join(' | ')} |`,
    `|${head.map(() => ' --- ').join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
    '',
  ];
}

export function renderMarkdown(report: Report): string {
  const { words: w } = report;
  const out: string[] = [`# ${escapeMarkdown(report.title)}`, ''];
  for (const [label, value] of report.header) out.push(`- **${label}:** ${inline(value, 2)}`);
  out.push('', `_${escapeMarkdown(report.generatedAt)}_`, '', ...paragraphs(report.intro.text));

  out.push(`## ${w.heading.agenda}`, '');
  if (report.days.length === 0) out.push(w.noAgenda, '');
  for (const day of report.days) {
    if (report.days.length > 1) out.push(`### ${escapeMarkdown(day.heading)}`, '');
    for (const item of day.items) if (item.paragraph) out.push(...paragraphs(item.paragraph.text));
  }
  if (report.days.length > 0) {
    out.push(`## ${w.heading.program}`, '');
    for (const day of report.days) {
      if (report.days.length > 1) out.push(`### ${escapeMarkdown(day.heading)}`, '');
      out.push(
        ...table(
          [w.table.time, w.table.item, w.table.speakers],
          day.items.map((i) => [i.startsAt, cell(i.title || i.kindLabel), cell(i.speakers.join(', '))]),
        ),
      );
    }
  }

  const a = report.attendance;
  out.push(`## ${w.heading.attendance}`, '', ...paragraphs(a.paragraph));
  if (a.rows.length > 0) {
    const rows = a.rows.map((r) => [cell(r.label), String(r.counts.onsite), String(r.counts.online), String(r.total)]);
    rows.push([`**${w.table.total}**`, String(a.totals.onsite), String(a.totals.online), `**${a.totals.total}**`]);
    out.push(...table([w.table.orgType, w.attendance.onsite, w.attendance.online, w.table.total], rows));
  }

  for (const round of report.rounds) {
    out.push(`## ${escapeMarkdown(round.heading)}`, '', ...paragraphs(round.intro.text));
    for (const g of round.groups) {
      out.push(`### ${escapeMarkdown(g.name)}`, '');
      out.push(`${w.field.members}: ${g.membersText}  `, `${w.field.rapporteur}: ${inline(g.rapporteurText, 0)}`, '');
      for (const s of g.sections) {
        out.push(`#### ${escapeMarkdown(s.label)}`, '');
        if (s.cards.length === 0) out.push(w.noCards);
        for (const c of s.cards) out.push(`- ${inline(c.text, 2)}${c.votesText ? ` _(${c.votesText})_` : ''}`);
        out.push('');
      }
      if (g.summary.length > 0) out.push(`#### ${w.heading.summary}`, '', ...renderBlocks(g.summary), '');
    }
  }

  const r = report.recommendations;
  out.push(`## ${w.heading.recommendations}`, '');
  if (r.items.length === 0) out.push(w.noRecommendations, '');
  else out.push(`_${escapeMarkdown(r.note)}_`, '');
  for (const item of r.items) {
    const votes = item.votesText ? ` _(${item.votesText})_` : '';
    const where = item.groupName ? ` — ${escapeMarkdown(item.groupName)}` : '';
    out.push(`${item.rank}. ${inline(item.text, String(item.rank).length + 2)}${votes}${where}`);
  }
  if (r.items.length > 0) out.push('');
  out.push(`## ${w.heading.closing}`, '', ...paragraphs(report.closing.text));
  return `${out.join('\n').trimEnd()}\n`;
}
