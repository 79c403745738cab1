// biome-ignore-all lint/style/useTemplate: call texts are assembled piece by piece, as a model writes them
// A simulated small model for the scripted server: an oracle that knows the right edits for a task
// (test/bench/core-references.ts) but writes them like a small model — text-form calls, damaged JSON
// (single quotes, trailing commas), SEARCH/REPLACE blocks in Aider, Cline or Roo form with copied
// line numbers or drifted whitespace, an occasional repeated read — seeded, so every run is the same.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { RecordedRequest, ScriptedReply } from '../test/support/scripted-server';
import type { ReferenceCall } from '../test/bench/core-references';

export type NoiseLevel = 'clean' | 'realistic' | 'harsh';
/** Probability that a call is written in a damaged or foreign form. */
const DAMAGE: Record<NoiseLevel, number> = { clean: 0, realistic: 0.3, harsh: 0.75 };
const MAX_RETRIES = 3;

/** mulberry32: a tiny seeded PRNG. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Action = { kind: 'read'; path: string } | { kind: 'edit'; calls: ReferenceCall[] };

/** Reads each file before its first edit, then the edits; consecutive edits of one file may be one reply. */
function planOf(calls: ReferenceCall[]): Action[] {
  const seen = new Set<string>();
  const out: Action[] = [];
  for (const c of calls) {
    if (c.name === 'edit_file' && !seen.has(c.arguments.path)) out.push({ kind: 'read', path: c.arguments.path });
    seen.add(c.arguments.path);
    const last = out[out.length - 1];
    if (c.name === 'edit_file' && last?.kind === 'edit' && last.calls[0].name === 'edit_file' && last.calls[0].arguments.path === c.arguments.path) {
      last.calls.push(c);
    } else out.push({ kind: 'edit', calls: [c] });
  }
  return out;
}

const textCall = (json: string): ScriptedReply => ({ text: `<tool_call>\n${json}\n</tool_call>` });
const q1 = (v: string) => `'${JSON.stringify(v).slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'")}'`;

/** `{'name': 'x', 'arguments': {'a': 'v'}}`: a Python dict, as small models often write JSON. */
function singleQuoted(name: string, args: Record<string, unknown>): string {
  const body = Object.entries(args)
    .map(([k, v]) => `${q1(k)}: ${typeof v === 'string' ? q1(v) : JSON.stringify(v)}`)
    .join(', ');
  return `{'name': '${name}', 'arguments': {${body}}}`;
}

const trailingComma = (name: string, args: Record<string, unknown>) => JSON.stringify({ name, arguments: args }).replace(/}}$/, ',},}');

/** The search/replace widened to whole lines of `text` (SEARCH/REPLACE blocks match whole lines). */
function wholeLines(text: string, search: string, replace: string): { search: string[]; replace: string[]; first: number } | undefined {
  const at = text.indexOf(search);
  if (at < 0 || text.indexOf(search, at + 1) >= 0) return undefined;
  const start = text.lastIndexOf('\n', at - 1) + 1;
  const nl = text.indexOf('\n', at + search.length);
  const end = nl < 0 ? text.length : nl;
  const before = text.slice(start, at);
  const after = text.slice(at + search.length, end);
  return { search: (before + search + after).split('\n'), replace: (before + replace + after).split('\n'), first: text.slice(0, start).split('\n').length };
}

type BlockStyle = 'aider' | 'cline' | 'roo';
type Drift = 'none' | 'line_numbers' | 'dedent' | 'trailing_spaces';

function drifted(lines: string[], first: number, drift: Drift): string[] {
  if (drift === 'line_numbers') return lines.map((l, i) => `${first + i}\t${l}`);
  if (drift === 'trailing_spaces') return lines.map((l) => `${l}  `);
  if (drift === 'dedent') {
    const ind = Math.min(...lines.filter((l) => l.trim()).map((l) => /^ */.exec(l)![0].length));
    return lines.map((l) => l.slice(Math.min(ind, /^ */.exec(l)![0].length)));
  }
  return lines;
}

function blockText(style: BlockStyle, search: string[], replace: string[]): string {
  const [open, close] = style === 'cline' ? ['------- SEARCH', '+++++++ REPLACE'] : ['<<<<<<< SEARCH', '>>>>>>> REPLACE'];
  return [open, ...search, '=======', ...replace, close].join('\n');
}

export interface Oracle {
  reply(req: RecordedRequest): ScriptedReply;
  /** Replies sent, how many were written damaged or in a foreign form, retries after a failed edit. */
  stats: { replies: number; damaged: number; retries: number; forms: Record<string, number> };
}

/** The oracle for one task run; `root` is the task's workspace (the oracle may look at its files). */
export function createOracle(root: string, calls: ReferenceCall[], level: NoiseLevel, seed: number): Oracle {
  const rand = seeded(seed);
  const plan = planOf(calls);
  let step = 0;
  let retries = 0;
  let awaiting = false;
  let repeatRead: string | undefined;
  const fileText = (p: string) => {
    try {
      return fs.readFileSync(path.join(root, p), 'utf8').replace(/\r\n/g, '\n');
    } catch {
      return '';
    }
  };
  const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)];
  const stats: Oracle['stats'] = { replies: 0, damaged: 0, retries: 0, forms: {} };
  const note = (form: string) => {
    stats.forms[form] = (stats.forms[form] ?? 0) + 1;
  };

  function renderRead(p: string, damaged: boolean): ScriptedReply {
    if (!damaged) return { toolCalls: [{ name: 'read_file', arguments: { path: p } }] };
    return pick([
      textCall(singleQuoted('read_file', { path: p })),
      textCall(JSON.stringify({ name: 'read_file', arguments: { path: p } })),
      { text: `I'll look at the file first.\n\n<tool_call>\n{"name": "read_file", "arguments": {"path": "${p}"},}\n</tool_call>` },
    ]);
  }

  function renderEdit(group: ReferenceCall[], damaged: boolean): ScriptedReply {
    const c = group[0];
    const args = c.arguments;
    if (!damaged && group.length === 1) return { toolCalls: [{ name: c.name, arguments: args }] };
    if (c.name === 'write_file' || !damaged) {
      if (group.length > 1 && !damaged) return { toolCalls: group.map((g) => ({ name: g.name, arguments: g.arguments })) };
      return pick([textCall(singleQuoted(c.name, args)), textCall(trailingComma(c.name, args))]);
    }
    const form = pick(['single_quotes', 'trailing_comma', 'aider', 'cline', 'roo', 'aider']);
    note(form);
    if (form === 'single_quotes' || form === 'trailing_comma') {
      // Several edits of one file: one text call each, in one reply.
      const json = (g: ReferenceCall) => (form === 'single_quotes' ? singleQuoted('edit_file', g.arguments) : trailingComma('edit_file', g.arguments));
      return { text: group.map((g) => `<tool_call>\n${json(g)}\n</tool_call>`).join('\n') };
    }
    // Blocks are written against the file as it is now; each edit of the group in turn.
    let text = fileText(args.path);
    const blocks: string[] = [];
    for (const g of group) {
      const w = wholeLines(text, g.arguments.search, g.arguments.replace);
      if (!w) return textCall(JSON.stringify({ name: 'edit_file', arguments: g.arguments }));
      const drift = pick<Drift>(['none', 'none', 'line_numbers', 'dedent', 'trailing_spaces']);
      if (drift !== 'none') note(drift);
      blocks.push(
        blockText(
          form as BlockStyle,
          drifted(w.search, w.first, drift),
          drift === 'line_numbers' ? w.replace : drifted(w.replace, w.first, drift === 'dedent' ? 'dedent' : 'none'),
        ),
      );
      text = text.replace(g.arguments.search, g.arguments.replace);
    }
    if (form === 'roo') return { text: `<apply_diff>\n<path>${args.path}</path>\n<diff>\n${blocks.join('\n\n')}\n</diff>\n</apply_diff>` };
    return { text: `Here is the change to ${args.path}:\n\n${args.path}\n\`\`\`\n${blocks.join('\n```\n\n```\n')}\n\`\`\`\n` };
  }

  /** Did the results since the oracle's last reply say every change was made (or already there)? */
  function lastEditWorked(req: RecordedRequest, calls: number): boolean {
    const messages = (req.body as { messages?: { role: string; content?: string }[] }).messages ?? [];
    let from = messages.length;
    while (from > 0 && messages[from - 1].role !== 'assistant') from--;
    const results = messages.slice(from).map((m) => m.content ?? '');
    const done = results.filter((t) => /\b(Edited|Created) \S+ \(\+\d+/.test(t) || /is already present in/.test(t)).length;
    // One SEARCH/REPLACE reply carries several changes in one edit: one result for all of them.
    return done >= Math.min(calls, results.length) && done > 0;
  }

  return {
    stats,
    reply(req) {
      stats.replies++;
      if (repeatRead) {
        note('repeated_read');
        const p = repeatRead;
        repeatRead = undefined;
        return renderRead(p, false);
      }
      if (awaiting) {
        awaiting = false;
        const action = plan[step] as Extract<Action, { kind: 'edit' }>;
        if (lastEditWorked(req, action.calls.length) || retries >= MAX_RETRIES) {
          step++;
          retries = 0;
        } else {
          // A small model's retry: read the file again, then send the edit once more, more carefully.
          retries++;
          stats.retries++;
          return renderRead(action.calls[0].arguments.path, false);
        }
      }
      const action = plan[step];
      if (!action) return { text: 'Done: the change is made.' };
      const damaged = rand() < DAMAGE[level] / 2 ** retries;
      if (damaged) stats.damaged++;
      if (action.kind === 'read') {
        step++;
        if (rand() < DAMAGE[level] / 3) repeatRead = action.path; // the same read again next step
        return renderRead(action.path, damaged);
      }
      awaiting = true;
      return renderEdit(action.calls, damaged);
    },
  };
}
