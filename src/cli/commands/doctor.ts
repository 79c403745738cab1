// `smallcode doctor`: what server and model SmallCode will use, its real context window, the
// num_ctx sent to Ollama, tool and structured-output support, one timed round trip, and the
// sandbox commands run in (or why there is none).
import type { ParsedArgs } from '../args';
import type { Config } from '../../config/config';
import type { CommandIO } from './run';
import { setupProvider } from '../provider-setup';
import { EXIT } from '../exit-codes';
import { createCommandRunner } from '../../sandbox/command-runner';
import type { SandboxKind } from '../../sandbox/types';

/** Where commands run: the sandbox this machine offers under the user's settings, and why. */
async function sandboxReport(config: Config): Promise<{ sandbox: SandboxKind; sandboxReason: string; sandboxNetwork: boolean }> {
  const runner = createCommandRunner({ root: config.root, hostEnv: config.env, disabled: config.sandboxOff });
  const status = await runner.sandbox();
  return { sandbox: status.kind, sandboxReason: status.reason, sandboxNetwork: config.sandboxNetwork };
}

export async function doctorCommand(args: ParsedArgs, config: Config, io: CommandIO): Promise<number> {
  const sandbox = await sandboxReport(config);
  const sandboxRow = `${sandbox.sandbox}${sandbox.sandbox !== 'none' && sandbox.sandboxNetwork ? ' (network allowed)' : ''} — ${sandbox.sandboxReason}`;
  const setup = await setupProvider(config);
  if (!setup.ok) {
    if (args.values.json)
      io.stdout.write(
        JSON.stringify({
          ok: false,
          provider: config.provider ?? null,
          baseUrl: config.baseUrl ?? null,
          model: config.model ?? null,
          contextWindow: null,
          nativeTools: null,
          tried: setup.tried,
          error: setup.message,
          ...sandbox,
        }) + '\n',
      );
    else io.stdout.write(`${'sandbox'.padEnd(18)} ${sandboxRow}\n`);
    io.stderr.write(`smallcode doctor: ${setup.message}\n`);
    return EXIT.error;
  }
  const { diagnose } = require('../../providers/index') as typeof import('../../providers/index');
  const report = await diagnose(setup.provider);
  if (args.values.json) {
    io.stdout.write(JSON.stringify({ ...report, provider: setup.providerName, ...sandbox }) + '\n');
  } else {
    const rows: [string, string][] = [
      ['server', `${report.kind} at ${report.baseUrl}${report.serverVersion ? ` (version ${report.serverVersion})` : ''}`],
      ['models', report.models.length ? report.models.join(', ') : '(none listed)'],
      ['model', report.model],
      ['context window', `${report.contextWindow} tokens (${report.contextSource})`],
      ...(report.numCtx !== undefined ? [['num_ctx sent', String(report.numCtx)] as [string, string]] : []),
      ['native tools', report.nativeTools ? 'yes' : 'no (text tool calls)'],
      ['structured output', report.structuredOutput ? 'yes (used for constrained retries)' : 'no'],
      [
        'round trip',
        report.latencyMs !== undefined ? `${report.latencyMs} ms${report.tokensPerSecond ? `, ${report.tokensPerSecond.toFixed(1)} tokens/s` : ''}` : 'failed',
      ],
      ['sandbox', sandboxRow],
    ];
    for (const [k, v] of rows) io.stdout.write(`${k.padEnd(18)} ${v}\n`);
    for (const w of report.warnings) io.stdout.write(`warning            ${w}\n`);
    if (report.error) io.stdout.write(`error              ${report.error}\n`);
  }
  if (!report.ok && report.error) io.stderr.write(`smallcode doctor: ${report.error}\n`);
  return report.ok ? EXIT.ok : EXIT.error;
}
