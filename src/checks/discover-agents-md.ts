// Commands AGENTS.md names under a heading such as "Testing", "Checks" or "Before you commit":
// the lines of its code blocks and the inline `code` that reads as a command. The project said
// what to run, so these win over everything found in its other files.
import { kindOf, nameOf, type Check } from './check-types';
import { readProjectFile } from './project-file';

const HEADING = /^(#{1,6})\s+(.*)$/;
const CHECK_HEADING = /\b(test|tests|testing|check|checks|lint|linting|type-?check|verif\w*|validat\w*|before (?:you )?(?:commit|push|submit)|ci)\b/i;
/** Inline code that starts like a command a developer runs, not a file name or an identifier. */
const COMMAND_START =
  /^(npm|pnpm|yarn|bun|npx|node|tsc|jest|vitest|eslint|biome|python3?|pytest|ruff|mypy|go|cargo|make|just|tox|nox|deno|\.\/[\w./-]+|bundle|rake|mvn|gradle|\.\/gradlew|dotnet|mix|composer|phpunit)\b/;
const MAX_COMMANDS = 6;

/** The commands in one section's lines. */
function commandsIn(lines: string[]): string[] {
  const out: string[] = [];
  let fenced = false;
  for (const raw of lines) {
    const line = raw.trim();
    if (/^(```|~~~)/.test(line)) {
      fenced = !fenced;
      continue;
    }
    if (fenced) {
      const cmd = line.replace(/^\$\s+/, '');
      if (cmd !== '' && !cmd.startsWith('#') && COMMAND_START.test(cmd)) out.push(cmd);
      continue;
    }
    for (const m of line.matchAll(/`([^`\n]+)`/g)) {
      const cmd = m[1].trim().replace(/^\$\s+/, '');
      if (COMMAND_START.test(cmd) && cmd.includes(' ')) out.push(cmd);
    }
  }
  return out;
}

export function agentsMdCommands(text: string): { command: string; heading: string }[] {
  const lines = text.split(/\r?\n/);
  const found: { command: string; heading: string }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const h = HEADING.exec(lines[i]);
    if (!h || !CHECK_HEADING.test(h[2])) continue;
    const level = h[1].length;
    let end = i + 1;
    while (end < lines.length) {
      const next = HEADING.exec(lines[end]);
      if (next && next[1].length <= level) break;
      end++;
    }
    for (const command of commandsIn(lines.slice(i + 1, end))) {
      if (!found.some((f) => f.command === command)) found.push({ command, heading: h[2].trim() });
    }
    i = end - 1;
  }
  return found.slice(0, MAX_COMMANDS);
}

export function discoverAgentsMd(root: string): Check[] {
  const text = readProjectFile(root, 'AGENTS.md');
  if (text === undefined) return [];
  return agentsMdCommands(text).map(({ command, heading }) => ({
    name: nameOf(command),
    command,
    kind: kindOf(command),
    source: `AGENTS.md "${heading}"`,
    configured: false,
  }));
}
