// What /rules and /checks print: the project rules in the prompt with their token cost, and the
// checks SmallCode runs after the model's changes with where each came from.
import type { AgentHandle } from '../agent/types';

export function rulesLines(agent: Pick<AgentHandle, 'rules'>): string[] {
  const r = agent.rules();
  if (r.files.length === 0)
    return ['no project rules loaded (AGENTS.md, CLAUDE.md or .smallcode/rules.md; rules.md in the user config dir) — or no message sent yet'];
  const head = `project rules in the prompt: ${r.tokens} tokens of a ${r.share}-token share`;
  const files = r.files.map(
    (f) =>
      `  ${f.label}: ${f.tokens} tokens, ${f.shown} of ${f.sections} section${f.sections === 1 ? '' : 's'}${f.shown < f.sections ? ' (the rest: read_file)' : ''}`,
  );
  return [head, ...files];
}

export function checksLines(agent: Pick<AgentHandle, 'checks'>): string[] {
  const c = agent.checks();
  if (c.checks.length === 0) return [c.note ?? 'no checks found'];
  const head = `project checks (run after the model's changes, up to ${c.fixRounds} fix round${c.fixRounds === 1 ? '' : 's'}; /check runs them now):`;
  return [head, ...c.checks.map((k) => `  ${k.name}: ${k.command} ← ${k.source}${k.configured ? '' : ' (approved like a command)'}`)];
}
