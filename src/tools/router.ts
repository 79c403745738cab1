// Stage 1 of tool routing: pure heuristics pick the tool categories one agent step needs, so
// stage 2 can describe only those tools to the model (see README-routing.md for the why).
//
// Where tool text lands in the rendered prompt (measured from the chat templates, Nov 2026):
//  - Qwen2.5 / Qwen3 (Ollama template, and the HF jinja llama.cpp uses with --jinja): native
//    `tools` are rendered inside the system message, before the first user turn. Changing the
//    routed set changes bytes at the very top, so the server's prefix cache is lost for the whole
//    prompt on every step where the set changes (bench: 808 tokens re-read per step on a 2.6k
//    prompt, growing with the history; text tools in the tail: a constant ~165).
//  - Llama 3.1 HF jinja (llama.cpp): tools go into the first user message by default
//    (tools_in_user_message) — also near the top.
//  - Llama 3.2 Ollama template: tools are injected into the *last* user message, so the earlier
//    prompt stays cached, but the same user message re-renders without them on the next step.
// Decision: routed tools are described as text in the volatile tail (after the history); when a
// server needs native `tools`, the full set is sent unchanged every step so the prefix stays
// byte-stable.

export type Category = 'explore' | 'edit' | 'verify' | 'plan';

export const CATEGORY_ORDER: Category[] = ['explore', 'edit', 'verify', 'plan'];

export const CATEGORY_TOOLS: Record<Category, string[]> = {
  explore: ['list_files', 'search_files', 'read_file'],
  edit: ['read_file', 'edit_file', 'write_file'],
  verify: ['run_command', 'run_checks'],
  plan: ['update_plan'],
};

/** Canonical tool order, so the routed text is byte-identical for the same set. */
export const TOOL_ORDER = ['read_file', 'list_files', 'search_files', 'edit_file', 'write_file', 'run_command', 'run_checks', 'update_plan'];

export interface RouteInput {
  userText: string;
  plan: { text: string; done: boolean }[];
  lastResults: { name: string; ok: boolean }[];
  /** 1 for the first step of a turn. */
  step: number;
  /** Category or tool names that must be offered (e.g. from a guard or the user). */
  forced?: string[];
}

export interface Route {
  categories: string[];
  tools: string[];
  reason: string;
}

const EDIT_WORDS =
  /\b(fix|add|change|rename|create|implement|update|refactor|remove|delete|replace|modify|write|edit|move|rewrite|insert|append|correct|patch|convert|extract|bump|make|introduce|migrate|port|clean ?up)\w*\b/;
const VERIFY_WORDS =
  /\b(run|test|tests|testing|build|lint|compile|typecheck|type-check|execute|install|benchmark|npm|yarn|pnpm|pytest|cargo|make|go test|tsc|jest)\b/;
const PLAN_WORDS = /\b(plan|steps|todo|to-do|checklist|roadmap|milestones?|step by step|first\b.*\bthen)\b/;
const EXPLORE_WORDS = /\b(where|find|search|look|list|show|explain|what|how|which|why|read|understand|overview|grep|locate|describe|summari[sz]e)\b/;
/** "src/a.ts", "lib/", "README.md" — not "e.g." or "v1.2". */
function namesPath(text: string): boolean {
  if (/[\w.-]+\/[\w./-]*/.test(text.replace(/\b(?:and|or|either)\/(?:or|and)\b/g, ''))) return true;
  return /(?:^|[\s"'`(])[\w-][\w.-]*\.[A-Za-z][A-Za-z0-9]{1,7}\b/.test(text);
}

/** A request with several separate parts (bullets, numbered items, "and then") deserves a plan. */
function isMultiPart(text: string): boolean {
  const bullets = text.split('\n').filter((l) => /^\s*(?:[-*•]|\d+[.)])\s+\S/.test(l)).length;
  const thens = (text.match(/\b(and then|after that|afterwards|finally|also)\b/g) ?? []).length;
  return bullets >= 3 || thens >= 2;
}

export function routeStep(input: RouteInput): Route {
  const current = input.plan.find((i) => !i.done);
  // The open plan item speaks for short requests like "continue" and for later steps.
  const text = `${input.userText}\n${current?.text ?? ''}`.toLowerCase();
  const picked = new Set<Category>();
  const tools = new Set<string>(['read_file']);
  const why: string[] = [];
  const add = (c: Category, reason: string) => {
    if (!picked.has(c)) why.push(`${c}: ${reason}`);
    picked.add(c);
  };

  const wantsEdit = EDIT_WORDS.test(text);
  const wantsVerify = VERIFY_WORDS.test(text);
  const wantsExplore = EXPLORE_WORDS.test(text);
  const namedPath = namesPath(input.userText) || (current !== undefined && namesPath(current.text));
  const questionOnly = wantsExplore && !wantsEdit && !wantsVerify;
  const last = input.lastResults[input.lastResults.length - 1];
  const openItems = input.plan.filter((i) => !i.done).length;

  if (wantsEdit) add('edit', 'the request or plan item asks for a change');
  if (wantsVerify) add('verify', 'the request or plan item mentions running or testing');
  if (PLAN_WORDS.test(input.userText.toLowerCase())) add('plan', 'the request asks for a plan');
  else if (input.step <= 1 && isMultiPart(input.userText)) add('plan', 'the request has several parts');
  if (wantsExplore) add('explore', 'the request asks to find or explain');
  // Running a known command needs no exploring; changing or planning without a file name does.
  if (input.step <= 1 && !namedPath && (wantsEdit || picked.has('plan') || picked.size === 0)) add('explore', 'no file named yet');

  if (last) {
    const editTool = last.name === 'edit_file' || last.name === 'write_file';
    if (editTool && !last.ok) add('edit', `the last ${last.name} failed: read and retry`);
    if (editTool && last.ok) add('verify', 'check the change');
    if (last.name === 'read_file' && last.ok && !questionOnly) add('edit', 'a file was just read');
    if (last.name === 'run_command' && !last.ok) {
      add('edit', 'the command failed: fix the cause');
      add('verify', 're-run after the fix');
    }
    if ((last.name === 'search_files' || last.name === 'list_files') && !last.ok) add('explore', 'the last lookup failed');
    if (last.name === 'update_plan' && last.ok && openItems > 0) add('edit', 'work on the next plan item');
  }
  if (input.step <= 1 && openItems > 0) add('plan', 'a plan is open');
  if (openItems > 0 && last?.ok && ['edit_file', 'write_file', 'run_command'].includes(last.name)) add('plan', 'tick off plan items');

  for (const f of input.forced ?? []) {
    if ((CATEGORY_ORDER as string[]).includes(f)) add(f as Category, 'forced');
    else if (TOOL_ORDER.includes(f)) tools.add(f);
  }
  if (picked.size === 0) add('explore', 'nothing specific asked: look around first');

  const categories = CATEGORY_ORDER.filter((c) => picked.has(c));
  for (const c of categories) for (const t of CATEGORY_TOOLS[c]) tools.add(t);
  return { categories, tools: TOOL_ORDER.filter((t) => tools.has(t)), reason: why.join('; ') };
}
