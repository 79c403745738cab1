// A long synthetic agent session through the real budget pipeline: capped tool results,
// stable-first prompts and compaction. Nothing may overflow; the prefix cache must mostly hold.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ChatMessage } from '../../src/types/messages';
import { createTokenCounter } from '../../src/context/token-counter';
import { defaultReserve, perResultCap } from '../../src/context/budget';
import { capOutput } from '../../src/context/output-cap';
import { buildPrompt, prefixReuse } from '../../src/context/prompt-builder';
import { compactToFit } from '../../src/context/compaction';

const lib = fs.readFileSync(path.join(__dirname, '..', '..', 'node_modules', 'typescript', 'lib', 'lib.es5.d.ts'), 'utf8');
const SYSTEM = 'You are SmallCode, a careful coding assistant. Read before you edit; keep edits small.\n'.repeat(6);

describe('long session through the budget pipeline', () => {
  it.each([8192, 32768])('window %i: 200 steps, no overflow, prefix mostly reused', async (window) => {
    const r = await simulate(window, 200);
    expect(r.overflows).toBe(0);
    expect(r.compactions).toBeGreaterThan(0);
    expect(r.compactions).toBeLessThan(window === 8192 ? 60 : 20);
    // prefixReuse counts each step's new messages as not reused, so an 8k window with ~700-token
    // results per step cannot go much past 0.8; a tail or date at the front would give ~0.
    expect(r.reuse).toBeGreaterThan(window === 8192 ? 0.65 : 0.85);
  });
});

async function simulate(window: number, steps: number) {
  const counter = createTokenCounter();
  const reserve = defaultReserve(window);
  const cap = perResultCap(window);
  let history: ChatMessage[] = [{ role: 'user', content: 'Refactor the array helpers and keep the tests green.' }];
  let prev: ChatMessage[] | undefined;
  const reuse: number[] = [];
  let compactions = 0;
  let overflows = 0;
  for (let step = 0; step < steps; step++) {
    const tail = `Plan (.smallcode/TODO.md): ${Math.floor(step / 20)}/10 done\n[ ] step ${step} ← current`;
    let built = buildPrompt({ system: SYSTEM, history, tail, window, reserve, counter });
    if (!built.fits) {
      const limit = window - reserve - (built.report.prompt - built.report.history);
      history = (await compactToFit(history, limit, counter)).history;
      compactions++;
      built = buildPrompt({ system: SYSTEM, history, tail, window, reserve, counter });
    }
    if (!built.fits) overflows++;
    if (prev) reuse.push(prefixReuse(prev, built.messages, counter));
    prev = built.messages;
    const size = 500 + ((step * 7919) % 9000);
    const start = (step * 104729) % (lib.length - size);
    const id = `c${step}`;
    history = [
      ...history,
      { role: 'assistant', content: `Step ${step}: reading more.`, toolCalls: [{ id, name: 'read_file', arguments: { path: `src/f${step % 13}.ts` } }] },
      {
        role: 'tool',
        toolCallId: id,
        toolName: 'read_file',
        content: capOutput(lib.slice(start, start + size), cap, counter, { readHint: true }).text,
        stub: `read_file src/f${step % 13}.ts`,
      },
    ];
    if (step % 15 === 14) history.push({ role: 'user', content: `Also handle case ${step}.` });
  }
  return { reuse: reuse.reduce((a, b) => a + b, 0) / reuse.length, compactions, overflows };
}
