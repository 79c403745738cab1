// The chat as lines: user and assistant messages (code blocks coloured), tool calls as compact
// cards (a command's card shows the end of its output; `x` opens any card's whole result), guard /
// escalation / error notices set apart. Memoized per chat item.
import { assertNever } from '../util/assert-never';
import type { ChatItem, UiState } from './state';
import { paint, type Theme } from './theme';
import { esc, wrapText, truncate, clean } from './text';
import { ATTACHED_HEAD } from './file-mention';

type ToolItem = Extract<ChatItem, { kind: 'tool' }>;

/** The argument that names what a call touches: a path, a command or a pattern. */
export function mainArg(args: Record<string, unknown>): string {
  for (const k of ['path', 'command', 'pattern', 'query', 'file', 'dir']) {
    const v = args[k];
    if (typeof v === 'string' && v) return v;
  }
  return '';
}

/** `read_file src/a.ts · 120 lines` */
export function cardLabel(t: ToolItem): string {
  const arg = mainArg(t.args);
  if (!t.summary) return arg ? `${t.name} ${arg}` : t.name;
  if (arg && t.summary.includes(arg)) return `${t.name} ${t.summary}`;
  return arg ? `${t.name} ${arg} · ${t.summary}` : `${t.name} · ${t.summary}`;
}

const STATUS_MARK: Record<ToolItem['status'], string> = {
  proposed: '…',
  awaiting: '‖ awaiting approval',
  running: '▶',
  ok: '✓',
  failed: '✗',
  rejected: '⊘',
};

/** Output lines a command card shows in the chat; the rest is one `x` away. */
const PREVIEW_LINES = 4;

function toolLines(t: ToolItem, width: number, theme: Theme): string[] {
  const role = t.status === 'ok' ? 'ok' : t.status === 'failed' || t.status === 'rejected' ? 'fail' : 'warn';
  const head = truncate(clean(cardLabel(t)), Math.max(4, width - 4 - STATUS_MARK[t.status].length));
  const out = [`${paint(theme, 'tool', `⚙ ${esc(head)}`)} ${paint(theme, role, STATUS_MARK[t.status])}`];
  if (t.feedback) out.push(...wrapText(`you said: ${t.feedback}`, width - 2).map((l) => paint(theme, 'fail', `  ${esc(l)}`)));
  const d = t.details;
  if (d?.kind === 'command' && d.output) {
    const lines = d.output.text.replace(/\s+$/, '').split('\n');
    // run_command's text starts with "$ command" and ends with "[exit code …]": show what is between.
    const body = lines.slice(lines[0]?.startsWith('$ ') ? 1 : 0, /^\[.*\]$/.test(lines[lines.length - 1] ?? '') ? -1 : undefined);
    const shown = body.slice(-PREVIEW_LINES);
    if (body.length > shown.length) out.push(paint(theme, 'dim', `  … ${body.length - shown.length} more lines (x shows all)`));
    for (const l of shown) out.push(paint(theme, 'dim', `  ${esc(truncate(clean(l), width - 2))}`));
  }
  return out;
}

/** Markdown-ish: fenced code blocks get the code colour; fence lines are dimmed. */
function messageLines(text: string, width: number, theme: Theme, role: 'assistant' | 'reasoning'): string[] {
  const out: string[] = [];
  let inCode = false;
  for (const raw of text.replace(/\r\n/g, '\n').split('\n')) {
    if (/^\s*```/.test(raw)) {
      inCode = !inCode;
      out.push(paint(theme, 'dim', esc(truncate(clean(raw), width))));
      continue;
    }
    for (const l of wrapText(raw, width)) out.push(paint(theme, inCode ? 'code' : role, esc(l)));
  }
  return out;
}

const NOTICE_MARK = { info: 'ℹ', warn: '⚠', error: '✖', guard: '⚑', escalate: '⇪' } as const;
const NOTICE_ROLE = { info: 'notice', warn: 'warn', error: 'error', guard: 'guard', escalate: 'escalate' } as const;

export function itemLines(item: ChatItem, width: number, theme: Theme, details: boolean): string[] {
  const w = Math.max(8, width);
  switch (item.kind) {
    case 'user': {
      // Files attached with @path show as their one-line header (the model got the whole text).
      const at = item.text.indexOf(`\n\n${ATTACHED_HEAD}`);
      const said = at < 0 ? item.text : item.text.slice(0, at);
      const out = wrapText(said, w - 2).map((l, i) => paint(theme, 'user', (i === 0 ? '› ' : '  ') + esc(l)));
      if (at >= 0)
        for (const m of item.text.slice(at).matchAll(/^\[Attached by the user: ([^\n]*)\]$/gm))
          out.push(paint(theme, 'dim', `  ↳ attached ${esc(truncate(m[1], w - 13))}`));
      return out;
    }
    case 'assistant': {
      const out: string[] = [];
      if (item.reasoning) {
        const r = messageLines(item.reasoning, w - 2, theme, 'reasoning');
        const shown = details ? r : r.slice(-3);
        if (shown.length < r.length) out.push(paint(theme, 'reasoning', `  (thinking: ${r.length - shown.length} more lines — t in the chat shows all)`));
        out.push(...shown.map((l) => '  ' + l));
      }
      out.push(...messageLines(item.text, w, theme, 'assistant'));
      if (item.streaming) out.push(paint(theme, 'dim', '▍'));
      return out;
    }
    case 'tool':
      return toolLines(item, w, theme);
    case 'notice': {
      const mark = NOTICE_MARK[item.level];
      return wrapText(item.text, w - 2).map((l, i) => paint(theme, NOTICE_ROLE[item.level], (i === 0 ? mark + ' ' : '  ') + esc(l)));
    }
    default:
      return assertNever(item);
  }
}

const cache = new WeakMap<ChatItem, { key: string; lines: string[] }>();

function cachedItemLines(item: ChatItem, width: number, theme: Theme, details: boolean): string[] {
  const key = `${width}|${theme.name}|${details}`;
  const hit = cache.get(item);
  if (hit && hit.key === key) return hit.lines;
  const lines = itemLines(item, width, theme, details);
  cache.set(item, { key, lines });
  return lines;
}

/** All chat lines, a blank line between turns' items (tool cards stack without gaps), and the
 * line each item starts at. */
export interface ChatLayout {
  lines: string[];
  starts: number[];
}

let last: { chat: readonly ChatItem[]; key: string; layout: ChatLayout } | undefined;

export function chatLayout(state: Pick<UiState, 'chat' | 'showDetails'>, width: number, theme: Theme): ChatLayout {
  const key = `${width}|${theme.name}|${state.showDetails}`;
  if (last && last.chat === state.chat && last.key === key) return last.layout;
  const out: string[] = [];
  const starts: number[] = [];
  let prev: ChatItem | undefined;
  for (const item of state.chat) {
    if (prev && !(prev.kind === 'tool' && item.kind === 'tool')) out.push('');
    starts.push(out.length);
    const lines = cachedItemLines(item, width, theme, state.showDetails);
    for (const l of lines) out.push(l);
    prev = item;
  }
  if (!out.length)
    out.push(...wrapText('Type a task below and press Enter. /help (or Esc, then ?) lists every key.', width).map((l) => paint(theme, 'dim', esc(l))));
  const layout = { lines: out, starts };
  last = { chat: state.chat, key, layout };
  return layout;
}

export function chatView(state: Pick<UiState, 'chat' | 'showDetails'>, width: number, theme: Theme): string[] {
  return chatLayout(state, width, theme).lines;
}

/** The chat with the selected tool card marked (▶ instead of ⚙), for when the chat has focus. */
export function markSelected(layout: ChatLayout, chat: readonly ChatItem[], id: string | null, theme: Theme): string[] {
  if (id === null) return layout.lines;
  const i = chat.findIndex((c) => c.kind === 'tool' && c.id === id);
  if (i < 0) return layout.lines;
  const lines = layout.lines.slice();
  const at = layout.starts[i];
  lines[at] = `${paint(theme, 'selected', '▶')}${lines[at].replace(/⚙/, '')}`;
  return lines;
}

/** Messages typed while the model works, shown under the chat until the turn ends and sends them. */
export function queuedView(queued: readonly string[], width: number, theme: Theme): string[] {
  const out: string[] = [''];
  for (const q of queued) {
    const first = clean(q.split('\n')[0]);
    out.push(paint(theme, 'dim', esc(truncate(`⧗ queued (sent when this turn ends): ${first}`, Math.max(8, width)))));
  }
  return out;
}
