// Caps one tool result to a token budget: keeps the head (~60 %) and tail (~40 %) on whole
// lines and says how many lines were left out and how to get them.
import type { TokenCounter } from './token-counter';

export interface CapOptions {
  /** File reads get a hint naming read_file's line range arguments; command output does not. */
  readHint?: boolean;
}

export interface CapResult {
  text: string;
  /** Lines left out (0 when the text fit; for a single giant line, 1 when it was cut). */
  elidedLines: number;
}

const HEAD_SHARE = 0.6;

export function elisionMarker(lines: number, readHint: boolean): string {
  const what = `… ${lines} line${lines === 1 ? '' : 's'} elided`;
  return readHint ? `${what} — read_file with start_line/end_line for more` : what;
}

export function capOutput(text: string, maxTokens: number, counter: TokenCounter, opts: CapOptions = {}): CapResult {
  const total = counter.count(text);
  if (total <= maxTokens) return { text, elidedLines: 0 };
  const readHint = opts.readHint ?? false;
  // Chars per budget token for this particular text, so the char budget tracks its density.
  const perToken = text.length / Math.max(1, total);
  let budgetChars = Math.floor(maxTokens * perToken);
  for (let attempt = 0; attempt < 6; attempt++) {
    const result = cutToChars(text, budgetChars, readHint);
    if (counter.count(result.text) <= maxTokens || budgetChars <= 16) return result;
    budgetChars = Math.floor(budgetChars * 0.85);
  }
  return cutToChars(text, budgetChars, readHint);
}

function cutToChars(text: string, budgetChars: number, readHint: boolean): CapResult {
  const lines = text.split('\n');
  const markerRoom = elisionMarker(lines.length, readHint).length + 2;
  const room = Math.max(0, budgetChars - markerRoom);
  const headRoom = Math.floor(room * HEAD_SHARE);
  let tailRoom = room - headRoom;
  let head = 0;
  let used = 0;
  while (head < lines.length && used + lines[head].length + 1 <= headRoom) used += lines[head++].length + 1;
  tailRoom += headRoom - used; // unused head room goes to the tail
  let tail = 0;
  let tailUsed = 0;
  while (tail < lines.length - head && tailUsed + lines[lines.length - 1 - tail].length + 1 <= tailRoom) {
    tailUsed += lines[lines.length - 1 - tail].length + 1;
    tail++;
  }
  const elided = lines.length - head - tail;
  if (head === 0 && tail === 0) return cutGiantLine(text, room, readHint);
  const kept = [...lines.slice(0, head), elisionMarker(elided, readHint), ...lines.slice(lines.length - tail)];
  return { text: kept.join('\n'), elidedLines: elided };
}

/** A text whose first/last lines alone exceed the budget: cut by characters. */
function cutGiantLine(text: string, room: number, readHint: boolean): CapResult {
  const headChars = Math.floor(room * HEAD_SHARE);
  const tailChars = room - headChars;
  const cutEnd = text.length - tailChars;
  let touched = 1;
  for (let i = headChars; i < cutEnd; i++) if (text.charCodeAt(i) === 10) touched++;
  const hint = readHint ? ' — read_file with start_line/end_line for more' : '';
  const marker = `… ${cutEnd - headChars} characters elided${hint}`;
  return { text: `${text.slice(0, headChars)}\n${marker}\n${text.slice(cutEnd)}`, elidedLines: touched };
}
