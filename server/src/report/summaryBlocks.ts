import * as Y from 'yjs';

/**
 * The rapporteur's summary is a TipTap document stored by y-prosemirror in a Y.XmlFragment:
 * block nodes are Y.XmlElements named after the ProseMirror node (`paragraph`, `heading`,
 * `bulletList` > `listItem` > `paragraph`, `orderedList`, `blockquote`, `codeBlock`,
 * `horizontalRule`), inline text is Y.XmlText whose delta carries marks as attributes
 * (`bold`, `italic`, …), and `hardBreak` is an inline Y.XmlElement. Reports need flat blocks of
 * marked runs; anything unknown is read for its text rather than dropped, since a foreign client
 * may write other node names.
 */
export interface Run {
  text: string;
  bold?: true;
  italic?: true;
}

export type BlockKind = 'paragraph' | 'heading' | 'bullet' | 'ordered' | 'quote' | 'code';

export interface Block {
  kind: BlockKind;
  runs: Run[];
  /** Nesting depth of list items (0 = top level). */
  depth: number;
}

const INLINE_CONTAINERS = new Set(['paragraph', 'heading', 'codeBlock']);

function textRuns(text: Y.XmlText): Run[] {
  const runs: Run[] = [];
  for (const op of text.toDelta() as Array<{ insert?: unknown; attributes?: Record<string, unknown> }>) {
    if (typeof op.insert !== 'string' || op.insert === '') continue;
    const run: Run = { text: op.insert };
    if (op.attributes?.bold !== undefined) run.bold = true;
    if (op.attributes?.italic !== undefined) run.italic = true;
    runs.push(run);
  }
  return runs;
}

function runsOf(element: Y.XmlElement): Run[] {
  const runs: Run[] = [];
  for (const child of element.toArray()) {
    if (child instanceof Y.XmlText) runs.push(...textRuns(child));
    else if (child instanceof Y.XmlElement) {
      if (child.nodeName === 'hardBreak') runs.push({ text: '\n' });
      else runs.push(...runsOf(child));
    }
  }
  return runs;
}

function walk(node: Y.XmlElement | Y.XmlFragment, out: Block[], list: BlockKind | null, depth: number): void {
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
      const kind: BlockKind = name === 'bulletList' ? 'bullet' : 'ordered';
      for (const item of child.toArray()) {
        if (item instanceof Y.XmlElement) walk(item, out, kind, list === null ? 0 : depth + 1);
      }
    } else if (name === 'blockquote') {
      const before = out.length;
      walk(child, out, list, depth);
      for (const block of out.slice(before)) if (block.kind === 'paragraph') block.kind = 'quote';
    } else if (name === 'horizontalRule') {
      // A rule carries no text; the paragraph break around it is enough in a report.
    } else if (INLINE_CONTAINERS.has(name) || list !== null) {
      const runs = runsOf(child);
      const kind: BlockKind = name === 'heading' ? 'heading' : name === 'codeBlock' ? 'code' : (list ?? 'paragraph');
      if (runs.some((r) => r.text.trim() !== '')) out.push({ kind, runs, depth });
    } else {
      walk(child, out, list, depth);
    }
  }
}

export function summaryBlocks(fragment: Y.XmlFragment): Block[] {
  const out: Block[] = [];
  walk(fragment, out, null, 0);
  return out;
}
