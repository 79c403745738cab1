// run_command: a shell command in the workspace root, run through the context's command runner
// (the sandbox, an allow-listed environment, a timeout, capped and secret-scrubbed output).
// Risk 'exec': the approval policy asks the user unless the parsed command is allowlisted.
import { numberArg, stringArg } from './args';
import { toolError } from './result';
import type { Tool, ToolContext, ToolResult } from './types';

export const DEFAULT_TIMEOUT_S = 60;
export const MAX_TIMEOUT_S = 600;

/** Told to the model when a sandboxed command fails, so it can tell the user instead of retrying. */
function sandboxNote(network: boolean): string {
  const net = network ? '' : ', there is no network';
  return `(it ran in a sandbox: only the workspace and /tmp are writable${net}, credential files are hidden; if it needs more, tell the user)`;
}

const ok = (r: { cancelled: boolean; timedOut: boolean; exitCode: number | null }) => !r.cancelled && !r.timedOut && r.exitCode === 0;

async function run(args: Record<string, unknown>, ctx: ToolContext): Promise<ToolResult> {
  const command = stringArg(args, 'command', true);
  if (!command.ok) return toolError('bad_args', `${command.message}: run_command(command, timeout?)`);
  const timeout = numberArg(args, 'timeout');
  if (!timeout.ok) return toolError('bad_args', `${timeout.message} (seconds, at most ${MAX_TIMEOUT_S})`);
  const seconds = Math.min(timeout.value ?? DEFAULT_TIMEOUT_S, MAX_TIMEOUT_S);
  const clamped = (timeout.value ?? 0) > MAX_TIMEOUT_S ? ` (timeout capped at ${MAX_TIMEOUT_S} s)` : '';

  if (!ctx.exec) return toolError('failed', 'commands cannot run in this context (no command runner was given)');
  const r = await ctx.exec.run(command.value, {
    timeoutMs: seconds * 1000,
    outputCap: Math.max(400, ctx.outputCap - 200),
    signal: ctx.signal,
  });
  const details = { kind: 'command' as const, command: command.value, cwd: ctx.root, exitCode: r.exitCode, timedOut: r.timedOut, sandbox: r.sandbox };
  if (r.spawnError) return toolError('failed', `could not start the command: ${r.spawnError}`);
  const status = r.cancelled
    ? 'cancelled by the user; the process was stopped'
    : r.timedOut
      ? `timed out after ${seconds} s; the process was killed${clamped}. Use a longer timeout or a narrower command`
      : r.exitCode !== null
        ? `exit code ${r.exitCode}${clamped}`
        : `killed by ${r.signal ?? 'a signal'}`;
  let body = r.output.trimEnd() === '' ? '(no output)' : r.output.trimEnd();
  if (r.sandbox !== 'none' && r.exitCode !== null && r.exitCode !== 0 && !r.timedOut && !r.cancelled) body += `\n${sandboxNote(r.network)}`;
  if (r.stoppedBackground) body += '\n(background processes the command left running were stopped)';
  if (r.lingering) body += '\n(a process that left the process group may still be running)';
  return { ok: ok(r), forModel: `$ ${command.value}\n${body}\n[${status}]`, summary: `${command.value} · ${status.split(';')[0]}`, details };
}

export const runCommandTool: Tool = {
  name: 'run_command',
  description: 'Run a shell command in the workspace root (tests, builds, git); the user approves it.',
  parameters: {
    type: 'object',
    properties: {
      command: { type: 'string', description: 'Shell command, e.g. "npm test"' },
      timeout: { type: 'number', description: `Seconds before the command is killed (default ${DEFAULT_TIMEOUT_S}, max ${MAX_TIMEOUT_S})` },
    },
    required: ['command'],
  },
  risk: 'exec',
  run,
};
