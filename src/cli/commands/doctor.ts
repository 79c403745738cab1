// `smallcode doctor`: what server and model SmallCode will use, its real context window, the
// num_ctx sent to Ollama, tool and structured-output support, the model profile with the source
// of every value, one timed round trip, and the sandbox commands run in (or why there is none).
// A server that cannot be reached is one line.
import type { ParsedArgs } from '../args';
import type { Config } from '../../config/config';
import type { CommandIO } from './run';
import { setupProvider } from '../provider-setup';
import { EXIT } from '../exit-codes';
import type { DoctorReport } from '../../providers/index';
import { createCommandRunner } from '../../sandbox/command-runner';
import type { SandboxKind } from '../../sandbox/types';
import { projectFacts, projectLines } from '../doctor-checks';
import { mcpDoctorLines, mcpReport } from '../mcp-setup';

/** Where commands run: the sandbox this machine offers under the user's settings, and why. */
async function sandboxReport(config: Config): Promise<{ sandbox: SandboxKind; sandboxReason: string; sandboxNetwork: boolean }> {
  const runner = createCommandRunner({ root: config.root, hostEnv: config.env, disabled: config.sandboxOff });
  const status = await runner.sandbox();
  return { sandbox: status.kind, sandboxReason: status.reason, sandboxNetwork: config.sandboxNetwork };
}

export async function doctorCommand(args: ParsedArgs, config: Config, io: CommandIO): Promise<number> {
  const sandbox = await sandboxReport(config);
  const sandboxRow = `${sandbox.sandbox}${sandbox.sandbox !== 'none' && sandbox.sandboxNetwork ? ' (network allowed)' : ''} — ${sandbox.sandboxReason}`;
  const project = projectFacts(config);
  const mcp = await mcpReport(config);
  const mcpJson = { mcp: mcp.servers };
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
          project,
          ...mcpJson,
        }) + '\n',
      );
    else {
      io.stdout.write([`${'sandbox'.padEnd(18)} ${sandboxRow}`, ...projectLines(project)].join('\n') + '\n');
      for (const line of mcpDoctorLines(mcp.servers)) io.stdout.write(`${line}\n`);
    }
    io.stderr.write(`smallcode doctor: ${setup.message}\n`);
    return EXIT.error;
  }
  const { diagnose } = require('../../providers/index') as typeof import('../../providers/index');
  const report = await diagnose(setup.provider);
  // Problems in the settings (e.g. a models.yaml key that was skipped) belong in the checkup.
  report.warnings.unshift(...config.warnings, ...mcp.problems);
  if (args.values.json) {
    // Nothing was learned about a server that did not answer: no facts, only the error.
    const body = report.discovered
      ? { ...report, provider: setup.providerName, ...sandbox, project, ...mcpJson }
      : {
          ok: false,
          discovered: false,
          provider: setup.providerName,
          baseUrl: report.baseUrl,
          model: report.model || null,
          contextWindow: null,
          nativeTools: null,
          error: report.error,
          ...sandbox,
          project,
          ...mcpJson,
        };
    io.stdout.write(JSON.stringify(body) + '\n');
  } else if (report.discovered) {
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
    for (const line of projectLines(project)) io.stdout.write(line + '\n');
    for (const line of mcpDoctorLines(mcp.servers)) io.stdout.write(`${line}\n`);
    for (const line of profileLines(report.profile)) io.stdout.write(line + '\n');
    for (const w of report.warnings) io.stdout.write(`warning            ${w}\n`);
    if (report.error) io.stdout.write(`error              ${report.error}\n`);
  }
  if (!report.ok && report.error) io.stderr.write(`smallcode doctor: ${report.error}\n`);
  return report.ok ? EXIT.ok : EXIT.error;
}

/** The profile block: name and why, each value with its source, and what every request carries. */
function profileLines(p: DoctorReport['profile']): string[] {
  if (!p) return [`${'profile'.padEnd(18)} none: the server's own sampling defaults`];
  const lines = [`${'profile'.padEnd(18)} ${p.name} (${p.id}) — ${p.reason}`];
  for (const v of p.values) lines.push(`  ${v.setting.padEnd(16)} ${JSON.stringify(v.value)}  ← ${v.source}`);
  const sent = Object.entries(p.sent).map(([k, v]) => `${k}=${JSON.stringify(v)}`);
  lines.push(`  ${'sent'.padEnd(16)} ${sent.length ? sent.join(', ') : '(nothing: this server kind takes none of these)'}`);
  if (p.systemSuffix) lines.push(`  ${'system prompt'.padEnd(16)} ends with ${JSON.stringify(p.systemSuffix)}`);
  return lines;
}
