import * as Y from 'yjs';
import { SUMMARY_KEY } from './schema.js';

/**
 * The rapporteur's summary is a TipTap document stored by y-prosemirror in a Y.XmlFragment:
 * block nodes are Y.XmlElements named after the ProseMirror node (`paragraph`, `heading`,
 * `bulletList` > `listItem` > `paragraph`, `orderedList`, `blockquote`, `codeBlock`,
 * `horizontalRule`), inline text is Y.XmlText whose delta carries marks as attributes
 * (`bold`, `italic`, …), and `hardBreak` is an inline Y.XmlElement. Reports need flat blocks of
 * marked runs; anything unknown is read for its text rather than dropped, since a foreign client
 * may write other node names. The projector reads the summary through this too, so it can show a
 * frozen copy in its own large type instead of a live editor.
 */
export interface SummaryRun {
  text: string;
  bold?: true;
  italic?: true;
}

export type SummaryBlockKind = 'paragraph' | 'heading' | 'bullet' | 'ordered' | 'quote' | 'code';

export interface SummaryBlock {
  kind: SummaryBlockKind;
  runs: SummaryRun[];
  /** Nesting depth of list items (0 = top level). */
  depth: number;
}

const INLINE_CONTAINERS = new Set(['paragraph', 'heading', 'codeBlock']);

/**
 * Deepest element a reader descends into. The server refuses deeper content when it is written
 * (its type-depth limit, issue #14), but a board stored before that limit may hold thousands of
 * levels, and each level is one stack frame here: deeper content is skipped, so such a board
 * still yields a report and a projector view instead of "Maximum call stack size exceeded".
 */
export const MAX_SUMMARY_DEPTH = 64;

function textRuns(text: Y.XmlText): SummaryRun[] {
  const runs: SummaryRun[] = [];
  for (const op of text.toDelta() as Array<{ insert?: unknown; attributes?: Record<string, unknown> }>) {
    if (typeof op.insert !== 'string' || op.insert === '') continue;
    const run: SummaryRun = { text: op.insert };
    if (op.attributes?.bold !== undefined) run.bold = true;
    if (op.attributes?.italic !== undefined) run.italic = true;
    runs.push(run);
  }
  return runs;
}

function runsOf(element: Y.XmlElement, level: number): SummaryRun[] {
  const runs: SummaryRun[] = [];
  if (level > MAX_SUMMARY_DEPTH) return runs;
  for (const child of element.toArray()) {
    if (child instanceof Y.XmlText) runs.push(...textRuns(child));
    else if (child instanceof Y.XmlElement) {
      if (child.nodeName === 'hardBreak') runs.push({ text: '\n' });
      else runs.push(...runsOf(child, level + 1));
    }
  }
  return runs;
}

function walk(
  node: Y.XmlElement | Y.XmlFragment,
  out: SummaryBlock[],
  list: SummaryBlockKind | null,
  depth: number,
  level: number,
): void {
  if (level > MAX_SUMMARY_DEPTH) return;
  for (const child of node.toArray()) {
    if (child instanceof Y.XmlText) {
      // Bare text at block level (not what TipTap writes, but a foreign client might).
      const runs = textRuns(child);
      if (runs.length > 0) out.push({ kind: list ?? 'paragraph', runs, depth });
      continue;
    }
    if (!(child instanceof Y.XmlElement)) continue;
    const name = child.nodeName;
    if (name === 'bulletList' || name === 'orderedList') {
      const kind: SummaryBlockKind = name === 'bulletList' ? 'bullet' : 'ordered';
      for (const item of child.toArray()) {
        if (item instanceof Y.XmlElement) walk(item, out, kind, list === null ? 0 : depth + 1, level + 2);
      }
    } else if (name === 'blockquote') {
      const before = out.length;
      walk(child, out, list, depth, level + 1);
      for (const block of out.slice(before)) if (block.kind === 'paragraph') block.kind = 'quote';
    } else if (name === 'horizontalRule') {
      // A rule carries no text; the paragraph break around it is enough in a report.
    } else if (INLINE_CONTAINERS.has(name) || list !== null) {
      const runs = runsOf(child, level + 1);
      const kind: SummaryBlockKind =
        name === 'heading' ? 'heading' : name === 'codeBlock' ? 'code' : (list ?? 'paragraph');
      if (runs.some((r) => r.text.trim() !== '')) out.push({ kind, runs, depth });
    } else {
      walk(child, out, list, depth, level + 1);
    }
  }
}

export function summaryBlocksOf(fragment: Y.XmlFragment): SummaryBlock[] {
  const out: SummaryBlock[] = [];
  walk(fragment, out, null, 0, 1);
  return out;
}

/**
 * True when the fragment nests deeper than `MAX_SUMMARY_DEPTH` (found without recursion): the
 * board then shows the summary read-only instead of handing it to TipTap, whose renderer recurses
 * once per level. Only a board stored before the server's depth limit can be that deep.
 */
export function isTooDeep(fragment: Y.XmlFragment, max = MAX_SUMMARY_DEPTH): boolean {
  const stack: Array<{ node: Y.XmlElement | Y.XmlFragment; level: number }> = [{ node: fragment, level: 1 }];
  for (let next = stack.pop(); next; next = stack.pop()) {
    if (next.level > max) return true;
    for (const child of next.node.toArray()) {
      if (child instanceof Y.XmlElement) stack.push({ node: child, level: next.level + 1 });
    }
  }
  return false;
}

/**
 * Every text of the summary in document order, one entry per text node, read with an explicit
 * stack instead of recursion: the whole text of a summary too deep for the block reader (whose
 * walk stops at `MAX_SUMMARY_DEPTH`), without its structure or marks.
 */
export function flatSummaryText(fragment: Y.XmlFragment): string[] {
  const lines: string[] = [];
  const stack: Array<Y.XmlElement | Y.XmlFragment | Y.XmlText> = [fragment];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node instanceof Y.XmlText) {
      const text = textRuns(node)
        .map((r) => r.text)
        .join('');
      if (text.trim() !== '') lines.push(text);
      continue;
    }
    const children = node.toArray();
    // Pushed last child first, so the first child is read first.
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i];
      if (child instanceof Y.XmlText || child instanceof Y.XmlElement) stack.push(child);
    }
  }
  return lines;
}

/** The summary as a screen shows it: blocks, or for a too-deep legacy summary its flattened text. */
export interface SummaryDisplay {
  blocks: SummaryBlock[];
  /** Nested past `MAX_SUMMARY_DEPTH` (stored before the server's depth limit): read-only, unformatted. */
  tooDeep: boolean;
}

/**
 * The summary for the board and the projector (issue #14): a legacy summary nested past the limit
 * is never handed to TipTap or to a recursive reader; its text is shown flat, so nothing is hidden
 * and nothing overflows the stack.
 */
export function readSummaryForDisplay(doc: Y.Doc): SummaryDisplay {
  const fragment = doc.getXmlFragment(SUMMARY_KEY);
  if (!isTooDeep(fragment)) return { blocks: summaryBlocksOf(fragment), tooDeep: false };
  const blocks = flatSummaryText(fragment).map(
    (text): SummaryBlock => ({ kind: 'paragraph', runs: [{ text }], depth: 0 }),
  );
  return { blocks, tooDeep: true };
}

/** The rapporteur's summary of a board doc as flat blocks. */
export function readSummary(doc: Y.Doc): SummaryBlock[] {
  return summaryBlocksOf(doc.getXmlFragment(SUMMARY_KEY));
}
