import type { SummaryBlock, SummaryRun } from '@warsztat/shared';
import { Fragment, type ReactNode } from 'react';

/** The rapporteur's summary as static blocks (a frozen copy, not a live editor). */
export function SummaryView({ blocks }: { blocks: SummaryBlock[] }) {
  const out: ReactNode[] = [];
  let list: { ordered: boolean; items: SummaryBlock[] } | null = null;
  const flush = () => {
    if (!list) return;
    const items = list.items.map((b, i) => (
      // biome-ignore lint/suspicious/noArrayIndexKey: blocks have no ids; the list is re-read as a whole
      <li key={i} className={`summary-depth-${Math.min(b.depth, 3)}`}>
        <Runs block={b} />
      </li>
    ));
    out.push(list.ordered ? <ol key={out.length}>{items}</ol> : <ul key={out.length}>{items}</ul>);
    list = null;
  };
  for (const block of blocks) {
    if (block.kind === 'bullet' || block.kind === 'ordered') {
      const ordered = block.kind === 'ordered';
      if (list && list.ordered !== ordered) flush();
      if (!list) list = { ordered, items: [] };
      list.items.push(block);
      continue;
    }
    flush();
    const key = out.length;
    if (block.kind === 'heading') {
      out.push(
        <p key={key} className="summary-block summary-block--heading">
          <strong>
            <Runs block={block} />
          </strong>
        </p>,
      );
    } else if (block.kind === 'quote') {
      out.push(
        <blockquote key={key} className="summary-block">
          <Runs block={block} />
        </blockquote>,
      );
    } else {
      out.push(
        <p key={key} className="summary-block">
          <Runs block={block} />
        </p>,
      );
    }
  }
  flush();
  return <>{out}</>;
}

function Runs({ block }: { block: SummaryBlock }) {
  return (
    <>
      {block.runs.map((run, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: runs of one block, re-read as a whole
        <Fragment key={i}>{styled(run)}</Fragment>
      ))}
    </>
  );
}

function styled(run: SummaryRun): ReactNode {
  const text = run.text.split('\n').map((line, j) => (
    // biome-ignore lint/suspicious/noArrayIndexKey: lines of one run, static
    <Fragment key={j}>
      {j > 0 && <br />}
      {line}
    </Fragment>
  ));
  const italic = run.italic ? <em>{text}</em> : text;
  return run.bold ? <strong>{italic}</strong> : italic;
}
