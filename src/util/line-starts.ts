// The offset where each line of a text starts: the parser's block finder and the patch engine's
// exact rung both map offsets to line numbers with it.

/** Line start offsets of `text` (the first is 0). */
export function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}
