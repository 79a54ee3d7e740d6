import { headerFields, type Report } from './buildReport.js';
import type { Block, Run } from './summaryBlocks.js';

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

function votes(report: Report, n: number): string {
  return n > 0 ? ` _(${report.labels.votes(n)})_` : '';
}

export function renderMarkdown(report: Report): string {
  const { labels: l, header: h } = report;
  const out: string[] = [`# ${escapeMarkdown(h.title)}`, ''];
  for (const [label, value] of headerFields(report)) out.push(`- **${label}:** ${inline(value, 2)}`);
  out.push('', escapeMarkdown(report.lead), '', `## ${l.heading.agenda}`, '');
  if (report.days.length === 0) out.push(l.noAgenda, '');
  for (const day of report.days) {
    if (report.days.length > 1 || day.date) out.push(`### ${escapeMarkdown(day.heading)}`, '');
    out.push(day.items.map((item) => escapeMarkdown(item.sentence)).join(' '), '');
  }

  const a = report.attendance;
  out.push(`## ${l.heading.attendance}`, '', `${l.field.total}: ${a.total}. ${l.namesNote}`, '');
  out.push(`### ${l.heading.byOrgType}`, '');
  for (const c of a.byOrgType) out.push(`- ${escapeMarkdown(c.label)}: ${c.count}`);
  out.push('', `### ${l.heading.byAttendance}`, '');
  for (const c of a.byAttendance) out.push(`- ${escapeMarkdown(c.label)}: ${c.count}`);

  out.push('', `## ${l.heading.groups}`, '');
  for (const g of report.groups) {
    out.push(`### ${escapeMarkdown(g.name)}`, '');
    out.push(`${l.field.rapporteur}: ${g.rapporteur ? inline(g.rapporteur, 0) : l.noRapporteur}`, '');
    for (const s of g.sections) {
      out.push(`#### ${escapeMarkdown(s.label)}`, '');
      if (s.cards.length === 0) out.push(l.noCards);
      for (const c of s.cards) out.push(`- ${inline(c.text, 2)}${votes(report, c.votes)}`);
      out.push('');
    }
    if (g.summary.length > 0) out.push(`#### ${l.heading.summary}`, '', ...renderBlocks(g.summary), '');
  }

  out.push(`## ${l.heading.recommendations}`, '');
  if (report.recommendations.length === 0) out.push(l.noRecommendations);
  for (const r of report.recommendations) {
    const where = ` — ${escapeMarkdown(r.groupName)}`;
    out.push(`${r.rank}. ${inline(r.text, String(r.rank).length + 2)}${votes(report, r.votes)}${where}`);
  }
  out.push('');
  return out.join('\n');
}
