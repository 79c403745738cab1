// The tool output view: one tool card's whole result — a command's output with its exit code, the
// lines read, the search hits, a change's diff — wrapped to the width, with the lines the model did
// not get (the output cap left them out) marked. Pure: (card, width, theme) → lines.
import type { ChatItem } from './state';
import { paint, type Theme } from './theme';
import { esc, wrapText } from './text';
import { unifiedDiffLines } from './diff-view';
import { cardLabel } from './chat-view';

type ToolItem = Extract<ChatItem, { kind: 'tool' }>;

function headline(t: ToolItem): string {
  const d = t.details;
  if (d?.kind === 'command') return `$ ${d.command}   (in ${d.cwd}) → ${d.timedOut ? 'timed out' : `exit ${d.exitCode ?? '?'}`}`;
  if (d?.kind === 'read') return `${d.path}: lines ${d.startLine}–${d.endLine} of ${d.lines}`;
  if (d?.kind === 'search') return `${d.matches} matches for ${d.pattern}`;
  return cardLabel(t);
}

const memo = new WeakMap<ToolItem, { key: string; lines: string[] }>();

export function toolOutputView(t: ToolItem, width: number, theme: Theme): string[] {
  const key = `${width}|${theme.name}`;
  const hit = memo.get(t);
  if (hit?.key === key) return hit.lines;
  const w = Math.max(8, width);
  const out: string[] = wrapText(headline(t), w).map((l) => paint(theme, 'title', esc(l)));
  if (t.feedback) out.push(...wrapText(`you said: ${t.feedback}`, w).map((l) => paint(theme, 'fail', esc(l))));
  out.push(paint(theme, 'dim', '─'.repeat(w)));
  const d = t.details;
  if (d?.kind === 'patch') out.push(...unifiedDiffLines(d.diff, w, theme));
  const output = d?.output;
  if (!output) {
    out.push(paint(theme, 'dim', t.status === 'ok' || t.status === 'failed' ? '(no output was recorded for this call)' : `(${t.status}: no result yet)`));
  } else if (d?.kind !== 'patch' || output.text) {
    const lines = output.text.replace(/\r\n/g, '\n').split('\n');
    const cut = output.cutForModel;
    lines.forEach((line, i) => {
      if (cut && i === cut.from) out.push(paint(theme, 'warn', esc(`┄┄ the model did not get the next ${cut.to - cut.from} lines (output cap) ┄┄`)));
      const hidden = cut !== undefined && i >= cut.from && i < cut.to;
      for (const row of wrapText(line, w)) out.push(hidden ? paint(theme, 'dim', esc(row)) : esc(row));
      if (cut && i === cut.to - 1) out.push(paint(theme, 'warn', esc('┄┄ the model got the lines from here on ┄┄')));
    });
  }
  memo.set(t, { key, lines: out });
  return out;
}
