// What a project check is (a command a developer of this project would run to verify a change)
// and what one run of it produced. Shared by discovery, the runner, verdicts and the agent.
import type { CheckDigest } from './digest';

/** Cheap kinds run first: a type error is found in seconds, a test suite may take minutes. */
export type CheckKind = 'typecheck' | 'lint' | 'check' | 'test';

const KIND_ORDER: readonly CheckKind[] = ['typecheck', 'lint', 'check', 'test'];

export interface Check {
  /** Short name shown everywhere, e.g. "test" or "typecheck". */
  name: string;
  command: string;
  kind: CheckKind;
  /** Where it came from, for doctor and /checks: "package.json scripts.test (pnpm-lock.yaml)". */
  source: string;
  /** The user configured it (SMALLCODE_CHECKS): it runs without asking, like an allow-listed command. */
  configured: boolean;
}

export type CheckStatus = 'passed' | 'failed' | 'timed_out' | 'skipped';

export interface CheckRun {
  check: Check;
  status: CheckStatus;
  exitCode: number | null;
  ms: number;
  /** The digest the model sees (empty for a skipped check). */
  digest: CheckDigest | undefined;
  /** The whole output, capped, for the user. */
  output: string;
  /** Why it did not run (not approved, no sandbox, cancelled). */
  skipped?: string;
}

/** The kind a command most likely is, from its words (for configured and AGENTS.md commands). */
export function kindOf(command: string): CheckKind {
  if (/\b(tsc|mypy|pyright|cargo check|typecheck|type-check|vet)\b/.test(command)) return 'typecheck';
  if (/\b(lint|eslint|biome|ruff|flake8|clippy|golangci)\b/.test(command)) return 'lint';
  if (/\b(test|tests|jest|vitest|pytest|mocha)\b/.test(command)) return 'test';
  return 'check';
}

/** A short name for a command: its script or subcommand ("npm run lint" → "lint"). */
export function nameOf(command: string): string {
  const words = command.trim().split(/\s+/);
  const run = words.indexOf('run');
  if (run >= 0 && words[run + 1] && /^(npm|pnpm|yarn|bun)$/.test(words[0])) return words[run + 1];
  if (/^(npm|pnpm|yarn|bun|cargo|go|make)$/.test(words[0]) && words[1]) return `${words[0] === 'go' || words[0] === 'cargo' ? `${words[0]} ` : ''}${words[1]}`;
  // An interpreter names nothing: the script it runs does ("sh scripts/check.sh" → "check.sh").
  if (/^(sh|bash|node|python3?|deno|ruby)$/.test(words[0])) {
    const at = words.findIndex((w, i) => i > 0 && !w.startsWith('-'));
    // Inline code (`node -e 0`, `python -c …`) is no script name.
    const inline = at > 0 && /^(-e|-c|-p|--eval|--print)$/.test(words[at - 1]);
    const script = at > 0 && !inline ? words[at] : undefined;
    return script ? (script.split('/').pop() ?? script) : words.slice(0, 2).join(' ');
  }
  const tool = words.find((w) => !w.includes('=') && w !== 'npx') ?? words[0];
  return tool.split('/').pop() ?? tool;
}

/** Cheap first, the discovery order kept within a kind. */
export function orderChecks(checks: Check[]): Check[] {
  return checks
    .map((c, i) => ({ c, i }))
    .sort((a, b) => KIND_ORDER.indexOf(a.c.kind) - KIND_ORDER.indexOf(b.c.kind) || a.i - b.i)
    .map(({ c }) => c);
}
