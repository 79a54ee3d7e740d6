/**
 * Text reconciliation for a card's textarea. A change between two strings is taken as one
 * replaced span (common prefix and suffix kept, the same rule `setCardText` uses).
 */
interface Span {
  /** Length of the common prefix. */
  prefix: number;
  /** Length of the common suffix (never overlapping the prefix). */
  suffix: number;
}

function changedSpan(before: string, after: string): Span {
  const max = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < max && before[prefix] === after[prefix]) prefix++;
  let suffix = 0;
  while (suffix < max - prefix && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) {
    suffix++;
  }
  return { prefix, suffix };
}

/**
 * Where a caret should go when the text around it changed from `before` to `after`: a caret
 * before the changed span stays, one after it shifts by the length difference, one inside it
 * lands at the end of the replacement.
 */
export function transformCaret(before: string, after: string, caret: number): number {
  const { prefix, suffix } = changedSpan(before, after);
  if (caret <= prefix) return caret;
  if (caret >= before.length - suffix) return Math.min(after.length, caret + after.length - before.length);
  return after.length - suffix;
}

/**
 * Replays the local edit `base → local` on top of `remote` (what the doc holds now, which moved on
 * from `base` meanwhile), so neither side's words are lost. Returns the merged text and the caret
 * position just after the local insertion.
 */
export function rebaseEdit(base: string, local: string, remote: string): { text: string; caret: number } {
  const { prefix, suffix } = changedSpan(base, local);
  const inserted = local.slice(prefix, local.length - suffix);
  const start = transformCaret(base, remote, prefix);
  const end = Math.max(start, transformCaret(base, remote, base.length - suffix));
  return { text: remote.slice(0, start) + inserted + remote.slice(end), caret: start + inserted.length };
}
