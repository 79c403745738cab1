// `smallcode doctor`: what server and model SmallCode will use, its real context window, the
// num_ctx sent to Ollama, tool and structured-output support, and one timed round trip.
import type { ParsedArgs } from '../args';
import type { Config } from '../../config/config';
import type { CommandIO } from './run';
import { setupProvider } from '../provider-setup';
import { EXIT } from '../exit-codes';

export async function doctorCommand(args: ParsedArgs, config: Config, io: CommandIO): Promise<number> {
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
        }) + '\n',
      );
    io.stderr.write(`smallcode doctor: ${setup.message}\n`);
    return EXIT.error;
  }
  const { diagnose } = require('../../providers/index') as typeof import('../../providers/index');
  const report = await diagnose(setup.provider);
  if (args.values.json) {
    io.stdout.write(JSON.stringify({ ...report, provider: setup.providerName }) + '\n');
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
    ];
    for (const [k, v] of rows) io.stdout.write(`${k.padEnd(18)} ${v}\n`);
    for (const w of report.warnings) io.stdout.write(`warning            ${w}\n`);
    if (report.error) io.stdout.write(`error              ${report.error}\n`);
  }
  if (!report.ok && report.error) io.stderr.write(`smallcode doctor: ${report.error}\n`);
  return report.ok ? EXIT.ok : EXIT.error;
}
