// How this session runs the model's commands: the parsed allow-list, the command runner (sandbox,
// environment, secrets) and the one-line warnings a user must see — no sandbox, or `--yes=all`.
import type { Config } from '../config/config';
import { createCommandRunner, type CommandRunner } from '../sandbox/command-runner';
import { parseAllowlist, type AllowEntry } from '../tools/command-policy';
import { loadShellParser } from '../tools/shell-parser';

export interface CommandSafety {
  allowlist: AllowEntry[];
  commands: CommandRunner;
  warnings: string[];
}

export async function commandSafety(input: { config: Config; autoApprove: boolean; autoApproveAll?: boolean }): Promise<CommandSafety> {
  const { config } = input;
  const warnings: string[] = [];
  let allowlist: AllowEntry[] = [];
  if (config.allowlist.length > 0) {
    const parsed = parseAllowlist(await loadShellParser(), config.allowlist);
    allowlist = parsed.entries;
    warnings.push(...parsed.problems);
  }
  const commands = createCommandRunner({
    root: config.root,
    hostEnv: config.env,
    network: config.sandboxNetwork,
    passEnv: config.passEnv,
    secretSources: config.fileEnv,
    disabled: config.sandboxOff,
  });
  const sandbox = await commands.sandbox();
  if (sandbox.kind === 'none') {
    const yes = input.autoApprove && !input.autoApproveAll ? '; --yes approves file changes only (commands need SMALLCODE_ALLOW, or --yes=all)' : '';
    warnings.push(`no sandbox for commands: ${sandbox.reason}. Commands you approve run unconfined${yes}`);
  }
  if (input.autoApproveAll) {
    const where = sandbox.kind === 'none' ? 'with NO sandbox' : `inside the sandbox (${sandbox.kind})`;
    warnings.push(`--yes=all: every command the model proposes runs without asking, ${where}`);
  }
  return { allowlist, commands, warnings };
}
