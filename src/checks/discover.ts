// The checks of a project: what SMALLCODE_CHECKS says (a list, or `off`), else the commands
// AGENTS.md names, else what the project's own files imply — cheap ones first, each with where
// it came from. Pure reads; nothing runs here.
import { kindOf, nameOf, orderChecks, type Check } from './check-types';
import { discoverAgentsMd } from './discover-agents-md';
import { discoverCargo } from './discover-cargo';
import { discoverGo } from './discover-go';
import { discoverMakefile } from './discover-makefile';
import { discoverPackageJson } from './discover-package-json';
import { discoverPython } from './discover-python';
import { discoverTsconfig } from './discover-tsconfig';

/** SMALLCODE_CHECKS as the config reads it: unset, `off`, or the user's own commands. */
export type ChecksSetting = { mode: 'auto' } | { mode: 'off' } | { mode: 'list'; commands: string[] };

export interface Discovery {
  checks: Check[];
  /** One line for doctor and /checks when there are none, or they are turned off. */
  note?: string;
}

const SOURCES = [discoverPackageJson, discoverTsconfig, discoverPython, discoverGo, discoverCargo, discoverMakefile];

export function parseChecksSetting(value: string | undefined): ChecksSetting {
  const v = (value ?? '').trim();
  if (v === '' || v.toLowerCase() === 'auto') return { mode: 'auto' };
  if (v.toLowerCase() === 'off') return { mode: 'off' };
  // A comma-separated list, like SMALLCODE_ALLOW.
  const commands = v
    .split(/,|\n/)
    .map((c) => c.trim())
    .filter(Boolean);
  return { mode: 'list', commands };
}

export function discoverChecks(root: string, setting: ChecksSetting = { mode: 'auto' }): Discovery {
  if (setting.mode === 'off') return { checks: [], note: 'checks are off (SMALLCODE_CHECKS=off)' };
  if (setting.mode === 'list') {
    const checks = setting.commands.map((command) => ({ name: nameOf(command), command, kind: kindOf(command), source: 'SMALLCODE_CHECKS', configured: true }));
    return { checks: orderChecks(dedupe(checks)) };
  }
  const named = discoverAgentsMd(root);
  if (named.length > 0) return { checks: orderChecks(dedupe(named)) };
  const found: Check[] = [];
  for (const source of SOURCES) {
    for (const c of source(root)) {
      // One type-check is enough: a package.json typecheck script covers tsconfig's tsc.
      if (c.kind === 'typecheck' && c.name === 'tsc' && found.some((f) => f.kind === 'typecheck')) continue;
      found.push(c);
    }
  }
  const checks = orderChecks(dedupe(found));
  return checks.length > 0
    ? { checks }
    : { checks, note: 'no checks found (no test/lint/typecheck script, tsconfig, pytest, go.mod, Cargo.toml or Makefile target)' };
}

/** Names stay unique (they key verdicts and the workbench's list). */
function dedupe(checks: Check[]): Check[] {
  const out: Check[] = [];
  for (const c of checks) {
    if (out.some((o) => o.command === c.command)) continue;
    let name = c.name;
    for (let n = 2; out.some((o) => o.name === name); n++) name = `${c.name} ${n}`;
    out.push({ ...c, name });
  }
  return out;
}
