// Stage 1 for tools from outside SmallCode (MCP servers): offered only on a step whose request,
// open plan item or last result points to them, best match first, and only as many as fit the
// step's tool-text budget (≤ 600 tokens on an 8k window) however many such tools exist.
import type { Tool } from './types';
import { toolScore, wordsOf } from './tool-match';

/** At most this many outside tools on one step: more is "choice paralysis" for a small model. */
export const MAX_EXTERNAL_PER_STEP = 4;
/** A score below this is a coincidence (a single description word), not a pointer. */
const MIN_SCORE = 5;

/** The tool-text budget of one step: 600 tokens on an 8k window, scaled, at most 1,200. */
export function toolTextBudget(window: number): number {
  return Math.max(200, Math.min(1200, Math.floor((window * 600) / 8192)));
}

export interface ExternalRouteInput {
  /** The request and the open plan item. */
  stepText: string;
  /** What the last calls returned: only an exact tool name in it counts (e.g. a find_tools hit). */
  lastText: string;
  tools: Tool[];
  /** Tokens the outside tools' lines may take on this step. */
  budget: number;
  /** Tokens one tool's line costs. */
  cost(tool: Tool): number;
}

export function routeExternal(input: ExternalRouteInput): Tool[] {
  const words = wordsOf(input.stepText);
  const last = input.lastText.toLowerCase();
  const scored = input.tools
    .map((tool, i) => ({ tool, i, score: last.includes(tool.name.toLowerCase()) ? 100 : toolScore(tool, input.stepText, words) }))
    .filter((s) => s.score >= MIN_SCORE)
    .sort((a, b) => b.score - a.score || a.i - b.i);
  const picked: typeof scored = [];
  let spent = 0;
  for (const s of scored) {
    if (picked.length >= MAX_EXTERNAL_PER_STEP) break;
    const c = input.cost(s.tool);
    if (spent + c > input.budget) continue;
    spent += c;
    picked.push(s);
  }
  // Config order, so the same set renders byte-identically.
  return picked.sort((a, b) => a.i - b.i).map((s) => s.tool);
}
