// `smallcode run "TASK"`: the same controller as the workbench, headless. Progress on stderr,
// the final answer on stdout (or JSON events with --json); the exit code tells the truth.
import type { ParsedArgs } from '../args';
import type { Config } from '../../config/config';
import { setupProvider } from '../provider-setup';
import { startHeadless, runHeadlessTurn } from '../headless';
import { createPrinter } from '../run-printer';
import { EXIT } from '../exit-codes';
import { colorEnabled } from '../color';

export interface CommandIO {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
}

/** The last line of a run that ended `refused`: what was not approved and the flag that approves it. */
function refusedFix(yes: string | undefined): string {
  if (yes === undefined) {
    return 'smallcode: refused — a change the task needed was not approved: add --yes to approve file changes (and commands in a sandbox), or --yes=all for every command';
  }
  if (yes === 'all') return 'smallcode: refused — a change the task needed was not approved';
  return 'smallcode: refused — a command the task needed was not run: --yes approves commands only inside a sandbox; allow it in SMALLCODE_ALLOW, or add --yes=all for every command';
}

export async function runCommand(args: ParsedArgs, config: Config, io: CommandIO): Promise<number> {
  const task = args.positionals.join(' ').trim();
  if (!task && !args.values.resume) {
    io.stderr.write('smallcode run: no task given — usage: smallcode run "describe the change" [--yes]\n');
    return EXIT.usage;
  }
  const setup = await setupProvider(config);
  if (!setup.ok) {
    io.stderr.write(`smallcode: ${setup.message}\n`);
    return EXIT.error;
  }
  const built = await startHeadless({
    config,
    setup,
    autoApprove: args.values.yes !== undefined,
    autoApproveAll: args.values.yes === 'all',
    resume: args.values.resume,
    task: task || undefined,
    mcp: true,
  });
  if (!built.ok) {
    io.stderr.write(`smallcode: ${built.message}\n`);
    return EXIT.usage;
  }
  const printer = await createPrinter({
    json: args.values.json,
    stdout: io.stdout,
    stderr: io.stderr,
    noColor: !colorEnabled(io.stderr, io.env),
  });
  for (const n of built.notices) printer.onEvent({ type: 'notice', level: 'info', message: n });
  for (const w of built.warnings) printer.onEvent({ type: 'notice', level: 'warn', message: w });
  built.agent.subscribe((e) => printer.onEvent(e));
  // Before the turn: the first step must see the servers' tools (or hear why a server is out).
  await built.agent.startMcp();
  const interrupt = new AbortController();
  const onSigint = () => interrupt.abort();
  // `on`, not `once`: signal-exit (used by proper-lockfile) re-raises SIGINT when it finds itself
  // the only listener, and a `once` listener has already removed itself by then. Removed below.
  process.on('SIGINT', onSigint);
  try {
    const prompt = task || `Continue the task: ${built.resumedTask ?? 'the previous task'}`;
    const { outcome, exitCode } = await runHeadlessTurn(built.agent, prompt, interrupt.signal);
    if (!args.values.json) {
      const answer = outcome.text.endsWith('\n') ? outcome.text : outcome.text + '\n';
      if (outcome.reason === 'done') io.stdout.write(answer);
      // Refused: the model's reply says what it would have changed; the last line says how to let it.
      else if (outcome.reason === 'refused') {
        if (outcome.text.trim()) io.stdout.write(answer);
        io.stderr.write(`${refusedFix(args.values.yes)}\n`);
      }
      // Errors were already printed by the printer as they happened; other stops say why here.
      else if (outcome.reason !== 'error') io.stderr.write(`smallcode: ${outcome.reason.replace('_', ' ')}: ${outcome.text.split('\n')[0]}\n`);
    }
    return exitCode;
  } finally {
    process.removeListener('SIGINT', onSigint);
    await built.agent.shutdown();
  }
}
