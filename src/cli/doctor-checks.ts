// doctor's project block: the rules file the prompt carries and the checks SmallCode would run
// after the model's changes, each with where it came from (or why there are none).
import type { Config } from '../config/config';
import { discoverChecks } from '../checks/discover';
import { loadRules } from '../checks/rules';

export interface ProjectFacts {
  rules: string[];
  checks: { name: string; command: string; source: string }[];
  checksNote?: string;
  fixRounds: number;
}

export function projectFacts(config: Config): ProjectFacts {
  const found = discoverChecks(config.root, config.checks);
  return {
    rules: loadRules(config.root, config.userRulesFile).map((r) => r.label),
    checks: found.checks.map((c) => ({ name: c.name, command: c.command, source: c.source })),
    ...(found.note ? { checksNote: found.note } : {}),
    fixRounds: config.fixRounds,
  };
}

export function projectLines(facts: ProjectFacts): string[] {
  const lines = [`${'rules'.padEnd(18)} ${facts.rules.length ? facts.rules.join(', ') : 'none (AGENTS.md, CLAUDE.md or .smallcode/rules.md)'}`];
  if (facts.checks.length === 0) lines.push(`${'checks'.padEnd(18)} ${facts.checksNote ?? 'none'}`);
  else {
    lines.push(`${'checks'.padEnd(18)} ${facts.checks.length} found, run after the model's changes (up to ${facts.fixRounds} fix rounds)`);
    for (const c of facts.checks) lines.push(`  ${c.name.padEnd(16)} ${c.command}  ← ${c.source}`);
  }
  return lines;
}
