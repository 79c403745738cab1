// The fixed summary template for compaction: the model's summary is checked against it, and an
// extractive summary built from the messages themselves stands in when the model's is unusable.
import type { ChatMessage } from '../types/messages';
import { isToolResult } from './tool-result';

export const SUMMARY_HEADER = '[Summary of earlier conversation]';
const FIELDS = ['Goal', 'Decisions', 'Files touched', 'Open problems'] as const;
type Field = (typeof FIELDS)[number];

export function isSummaryMessage(m: ChatMessage): boolean {
  return m.role === 'user' && m.content.startsWith(SUMMARY_HEADER);
}

export function renderSummary(fields: Record<Field, string>): string {
  return [SUMMARY_HEADER, ...FIELDS.map((f) => `${f}: ${fields[f].trim() || 'none'}`)].join('\n');
}

function parseSummary(text: string): Partial<Record<Field, string>> {
  const out: Partial<Record<Field, string>> = {};
  for (const line of text.split('\n')) {
    for (const f of FIELDS) if (line.startsWith(`${f}: `)) out[f] = line.slice(f.length + 2).trim();
  }
  return out;
}

const oneLine = (s: string, max: number) => {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
};

/** A flat text of messages for a summariser: long contents are cut to their head and tail,
 * and the oldest messages are dropped if the whole would still exceed `maxChars`. */
export function renderTranscript(messages: ChatMessage[], maxChars = 16000): string {
  const per = Math.max(200, Math.floor(maxChars / Math.max(1, messages.length)));
  const parts = messages.map((m) => renderOne(m, per));
  let total = parts.reduce((n, p) => n + p.length + 2, 0);
  let first = 0;
  // Keep the first message (usually the goal) and drop the oldest after it.
  while (total > maxChars && first + 2 < parts.length) {
    first++;
    total -= parts[first].length + 2;
  }
  const kept = first > 0 ? [parts[0], `[… ${first} older messages left out]`, ...parts.slice(first + 1)] : parts;
  return kept.join('\n\n');
}

function renderOne(m: ChatMessage, per: number): string {
  const cut = (s: string) => (s.length > per ? `${s.slice(0, Math.floor(per * 0.7))}\n…\n${s.slice(s.length - Math.floor(per * 0.3))}` : s);
  const calls = (m.toolCalls ?? []).map((c) => `→ ${c.name} ${oneLine(JSON.stringify(c.arguments), 200)}`).join('\n');
  const who = isToolResult(m) ? `tool ${m.toolName ?? ''}`.trim() : m.role;
  return `[${who}] ${cut(m.content)}${calls ? `\n${calls}` : ''}`;
}

const PATH_KEYS = ['path', 'file', 'file_path', 'filepath', 'filename', 'target', 'paths', 'files'];

function pathsOf(args: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const k of PATH_KEYS) {
    const v = args[k];
    if (typeof v === 'string' && v.trim()) out.push(v.trim());
    else if (Array.isArray(v)) for (const x of v) if (typeof x === 'string' && x.trim()) out.push(x.trim());
  }
  return out;
}

const ERROR_RE = /^\s*(error|failed|failure|refused|rejected|no match|could not|cannot|exit code [1-9])/i;

export function looksLikeError(text: string): boolean {
  return ERROR_RE.test(text) || /\b(Error|error):/.test(text.split('\n', 1)[0]);
}

/** The fallback summary: first goal, actions taken, files touched (from call arguments), last errors. */
export function extractiveSummary(messages: ChatMessage[]): string {
  let prior: Partial<Record<Field, string>> = {};
  const asks: string[] = [];
  const actions: string[] = [];
  const files: string[] = [];
  const errors: string[] = [];
  const callName = new Map<string, string>();
  for (const m of messages) {
    if (isSummaryMessage(m)) {
      prior = parseSummary(m.content);
      continue;
    }
    // Harness notes (tool descriptions, step notes, repair hints) are not what the user asked.
    if (m.role === 'user' && m.origin !== 'harness' && !isToolResult(m) && m.content.trim()) asks.push(oneLine(m.content, 240));
    for (const c of m.toolCalls ?? []) {
      const ps = pathsOf(c.arguments);
      files.push(...ps);
      callName.set(c.id, c.name);
      const cmd = typeof c.arguments.command === 'string' ? oneLine(c.arguments.command, 60) : '';
      actions.push(`${c.name}${ps.length ? ` ${ps.join(', ')}` : cmd ? ` \`${cmd}\`` : ''}`);
    }
    if (isToolResult(m) && looksLikeError(m.content)) {
      const name = m.toolName ?? (m.toolCallId ? callName.get(m.toolCallId) : undefined) ?? 'tool';
      errors.push(`${name}: ${oneLine(m.content.split('\n', 1)[0], 160)}`);
    }
  }
  const goal = prior.Goal ?? asks[0] ?? 'unknown';
  const later = (prior.Goal ? asks : asks.slice(1)).slice(-3).map((a) => `user asked: ${a}`);
  const acted = actions.length ? [`actions: ${dedupe(actions).slice(-12).join('; ')}`] : [];
  const decisions = [prior.Decisions, ...later, ...acted].filter((s): s is string => !!s && s !== 'none');
  const priorFiles = prior['Files touched'] && prior['Files touched'] !== 'none' ? prior['Files touched'].split(/,\s*/) : [];
  return renderSummary({
    Goal: goal,
    Decisions: oneLine(decisions.join('; '), 900),
    'Files touched': dedupe([...priorFiles, ...files])
      .slice(-20)
      .join(', '),
    'Open problems': errors.length ? errors.slice(-3).join(' | ') : (prior['Open problems'] ?? 'none'),
  });
}

function dedupe(xs: string[]): string[] {
  return [...new Set(xs)];
}

/**
 * Checks a model-written summary: reasoning blocks and fences stripped, the header ensured.
 * Undefined when it is junk (empty, no Goal field) or longer than `maxChars`.
 */
export function acceptSummary(raw: unknown, maxChars: number): string | undefined {
  if (typeof raw !== 'string') return undefined;
  let t = raw.replace(/<think>[\s\S]*?<\/think>/gi, '').trim();
  t = t.replace(/^```[a-z]*\n([\s\S]*?)\n```$/i, '$1').trim();
  if (t.startsWith(SUMMARY_HEADER)) t = t.slice(SUMMARY_HEADER.length).trim();
  if (t.length < 20 || !/^\s*Goal:/im.test(t)) return undefined;
  const out = `${SUMMARY_HEADER}\n${t}`;
  return out.length > maxChars ? undefined : out;
}

/** The instruction appended after the unchanged prompt so the server reuses its prompt cache. */
export function summaryInstruction(fold: number, words = 200): string {
  return [
    `Pause the task. Summarise the first ${fold} messages of this conversation (after the system message) for your own later use; the rest stays as it is.`,
    `Reply with exactly this template and nothing else, at most ${words} words, no tool calls:`,
    SUMMARY_HEADER,
    "Goal: <the user's goal>",
    'Decisions: <what was decided and done>',
    'Files touched: <paths, comma-separated>',
    'Open problems: <errors or unfinished work, or none>',
  ].join('\n');
}

/** Same system + same history prefix + one instruction: a cache-friendly summary request. */
export function summaryRequestMessages(system: string, history: ChatMessage[], fold: number): ChatMessage[] {
  return [{ role: 'system', content: system }, ...history, { role: 'user', content: summaryInstruction(fold) }];
}
