// The plan as a Markdown checklist in .smallcode/TODO.md: parsed tolerantly (the user edits it by
// hand), written atomically, and rendered compactly for the prompt tail.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { PlanItem } from '../types/plan';
import { writeFileAtomic } from '../workspace/atomic-write';

export const PLAN_FILE = '.smallcode/TODO.md';
const DEFAULT_TITLE = 'Plan';

export function planPath(root: string): string {
  return path.join(root, PLAN_FILE);
}

// "- [ ] x", "* [x] x", "+ [X] x", "1. [ ] x", "1) [x] x", indented or not.
const ITEM_RE = /^\s*(?:[-*+]|\d+[.)])\s+\[([ xX])\]\s+(.*\S)\s*$/;

export function parsePlan(text: string): PlanItem[] {
  const items: PlanItem[] = [];
  let inFence = false;
  for (const line of text.split(/\r?\n/)) {
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    if (inFence) continue;
    const m = ITEM_RE.exec(line);
    if (m) items.push({ text: m[2], done: m[1] !== ' ' });
  }
  return items;
}

export function renderPlan(items: PlanItem[], title = DEFAULT_TITLE): string {
  const lines = [`# ${title}`, '', ...items.map((i) => `- [${i.done ? 'x' : ' '}] ${oneLine(i.text)}`)];
  return `${lines.join('\n')}\n`;
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** Missing file → []. An unreadable one throws one line naming the file and the fix. */
export async function readPlan(root: string): Promise<PlanItem[]> {
  try {
    return parsePlan(await fs.promises.readFile(planPath(root), 'utf8'));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return [];
    throw new Error(`cannot read the plan ${planPath(root)} (${code ?? (err as Error).message}) — fix or delete that file`);
  }
}

/** Writes the checklist; keeps the file's existing title line when there is one. */
export async function writePlan(root: string, items: PlanItem[]): Promise<void> {
  let title = DEFAULT_TITLE;
  try {
    const old = await fs.promises.readFile(planPath(root), 'utf8');
    const h = /^#\s+(.+)$/m.exec(old);
    if (h) title = h[1].trim();
  } catch {
    // no previous file
  }
  await writeFileAtomic(planPath(root), renderPlan(items, title));
}

/** Items shown in the prompt before a long plan is windowed around the current item. */
const PROMPT_ITEMS = 12;
const PROMPT_ITEM_CHARS = 200;

/** The compact block for the prompt tail; "" when there is no plan. Long plans are windowed
 * around the current item (2 done before it, the rest after) so the tail stays small. */
export function planForPrompt(items: PlanItem[]): string {
  if (items.length === 0) return '';
  const done = items.filter((i) => i.done).length;
  const current = items.findIndex((i) => !i.done);
  const show = (i: PlanItem, k: number) => {
    const t = oneLine(i.text);
    return `[${i.done ? 'x' : ' '}] ${t.length > PROMPT_ITEM_CHARS ? `${t.slice(0, PROMPT_ITEM_CHARS - 1)}…` : t}${k === current ? ' ← current' : ''}`;
  };
  const header = `Plan (${PLAN_FILE}): ${done}/${items.length} done`;
  if (items.length <= PROMPT_ITEMS) return [header, ...items.map(show)].join('\n');
  const anchor = current === -1 ? items.length : current;
  const from = Math.max(0, Math.min(anchor - 2, items.length - PROMPT_ITEMS));
  const to = Math.min(items.length, from + PROMPT_ITEMS);
  const lines = [header];
  if (from > 0) lines.push(`… ${from} earlier item${from === 1 ? '' : 's'} (${items.slice(0, from).filter((i) => !i.done).length} open)`);
  for (let k = from; k < to; k++) lines.push(show(items[k], k));
  if (to < items.length) lines.push(`… ${items.length - to} more item${items.length - to === 1 ? '' : 's'}`);
  return lines.join('\n');
}

const DONE_STATUSES = new Set(['completed', 'complete', 'done', 'finished', 'x']);
const OPEN_STATUSES = new Set(['pending', 'in_progress', 'in-progress', 'todo', 'open', 'not_started', '']);

/** One raw entry from the model: "[x] do a", "- [ ] do a", "do a", {text, done}, {step, status}. */
function normalizeOne(raw: unknown, index: number): PlanItem | string {
  if (typeof raw === 'string') {
    const t = raw.trim();
    if (!t) return `item ${index + 1} is empty`;
    const m = /^(?:(?:[-*+]|\d+[.)])\s+)?\[([ xX✓✔]?)\]\s*(.*)$/.exec(t);
    if (m) return m[2].trim() ? { text: oneLine(m[2]), done: m[1] !== ' ' && m[1] !== '' } : `item ${index + 1} has no text`;
    return { text: oneLine(t.replace(/^(?:[-*+]|\d+[.)])\s+/, '')), done: false };
  }
  if (raw && typeof raw === 'object' && !Array.isArray(raw)) {
    const o = raw as Record<string, unknown>;
    const text = [o.text, o.step, o.content, o.title, o.task, o.description].find((v) => typeof v === 'string' && v.trim());
    if (typeof text !== 'string') return `item ${index + 1} needs a "text" (or "step") string`;
    let done: boolean;
    if (typeof o.done === 'boolean') done = o.done;
    else if (typeof o.completed === 'boolean') done = o.completed;
    else if (typeof o.status === 'string') {
      const s = o.status.trim().toLowerCase();
      if (DONE_STATUSES.has(s)) done = true;
      else if (OPEN_STATUSES.has(s)) done = false;
      else return `item ${index + 1} has an unknown status "${o.status}" (use completed, in_progress or pending)`;
    } else done = false;
    return { text: oneLine(text), done };
  }
  return `item ${index + 1} must be a string like "[ ] step" or an object {text, done}`;
}

/** Accepts the shapes models produce for update_plan; an error value names what to fix. */
export function normalizePlanItems(raw: unknown): PlanItem[] | { error: string } {
  let list = raw;
  if (typeof list === 'string') {
    const s = list.trim();
    if (s.startsWith('[') && s.endsWith(']') && s.length > 3) {
      try {
        list = JSON.parse(s);
      } catch {
        // a single "[x] item" line, not JSON
      }
    }
    if (typeof list === 'string') list = list.split(/\r?\n/).filter((l) => l.trim() && !/^\s*#/.test(l));
  }
  if (list && typeof list === 'object' && !Array.isArray(list)) {
    const o = list as Record<string, unknown>;
    const inner = o.items ?? o.plan ?? o.steps ?? o.todos;
    if (inner !== undefined) return normalizePlanItems(inner);
  }
  if (!Array.isArray(list)) return { error: 'The plan must be a list of items, e.g. ["[x] read the code", "[ ] fix the bug"].' };
  const items: PlanItem[] = [];
  for (let i = 0; i < list.length; i++) {
    const one = normalizeOne(list[i], i);
    if (typeof one === 'string') return { error: `Plan ${one}.` };
    items.push(one);
  }
  return items;
}
