/**
 * Where a caret should go when the text around it changed remotely from `before` to `after`.
 * The change is taken as one replaced span (common prefix and suffix kept, like `setCardText`):
 * a caret before the span stays, a caret after it shifts by the length difference, and a caret
 * inside it lands at the end of the replacement.
 */
export function transformCaret(before: string, after: string, caret: number): number {
  const max = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < max && before[prefix] === after[prefix]) prefix++;
  let suffix = 0;
  while (
    suffix < max - prefix &&
    before[before.length - 1 - suffix] === after[after.length - 1 - suffix]
  ) {
    suffix++;
  }
  if (caret <= prefix) return caret;
  if (caret >= before.length - suffix) return Math.min(after.length, caret + after.length - before.length);
  return after.length - suffix;
}
