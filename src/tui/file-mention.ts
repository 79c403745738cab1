// `@path` in the input (pure): the mention under the cursor that Tab completes, completing it from
// candidate paths, the mentions a message holds, and a file's text as an attachment block cut to
// a character allowance (said in the block and to the caller when cut).
import type { InputState } from './input-editor';

/** How an attached file's header starts; the chat view finds attachments by it. */
export const ATTACHED_HEAD = '[Attached by the user: ';

export interface Mention {
  /** Index of the `@`. */
  start: number;
  /** What follows the `@` up to the cursor. */
  query: string;
}

/** The `@word` the cursor ends (at a word start or after whitespace), else null. */
export function mentionAt(text: string, cursor: number): Mention | null {
  let i = cursor;
  while (i > 0 && !/\s/.test(text[i - 1])) i--;
  if (text[i] !== '@') return null;
  const query = text.slice(i + 1, cursor);
  return query.includes('@') ? null : { start: i, query };
}

function commonPrefix(words: readonly string[]): string {
  let common = words[0] ?? '';
  for (const w of words) while (!w.startsWith(common)) common = common.slice(0, -1);
  return common;
}

/** Completes the mention from `candidates` (paths; folders end in `/`): the one match, else the
 * longest common prefix. A completed file gets a trailing space; a folder does not. */
export function completeMention(s: InputState, m: Mention, candidates: readonly string[]): InputState {
  if (!candidates.length) return s;
  const pick = candidates.length === 1 ? candidates[0] : commonPrefix(candidates);
  if (pick.length <= m.query.length) return s;
  const tail = candidates.length === 1 && !pick.endsWith('/') ? ' ' : '';
  const inserted = `@${pick}${tail}`;
  const text = s.text.slice(0, m.start) + inserted + s.text.slice(s.cursor);
  return { ...s, text, cursor: m.start + inserted.length, historyIndex: null };
}

/** Paths mentioned as `@path` in a message, in order, without duplicates (trailing punctuation dropped). */
export function mentionedPaths(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/(?:^|\s)@([^\s@]+)/g)) {
    const p = m[1].replace(/[,;:!?)\]}'"]+$/, '').replace(/\.$/, '');
    if (p && !out.includes(p)) out.push(p);
  }
  return out;
}

export interface Attachment {
  block: string;
  /** Set when the file did not fit: the lines that went in, of how many. */
  cut?: { shown: number; total: number };
}

/** The file as a block for the message, whole or cut at a line boundary to `allowance` characters. */
export function attachmentBlock(rel: string, text: string, allowance: number): Attachment {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  if (lines.length && lines[lines.length - 1] === '') lines.pop();
  let used = 0;
  let shown = 0;
  while (shown < lines.length && used + lines[shown].length + 1 <= allowance) used += lines[shown++].length + 1;
  const total = lines.length;
  const fence = text.includes('```') ? '````' : '```';
  const head =
    shown === total
      ? `${ATTACHED_HEAD}${rel} (${total} line${total === 1 ? '' : 's'})]`
      : `${ATTACHED_HEAD}${rel}, lines 1–${shown} of ${total} — cut to fit the context budget; read_file shows the rest]`;
  const block = `${head}\n${fence}\n${lines.slice(0, shown).join('\n')}\n${fence}`;
  return shown === total ? { block } : { block, cut: { shown, total } };
}
