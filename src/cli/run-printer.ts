// The headless printer: progress on stderr (coloured unless NO_COLOR), or with --json one
// event per line on stdout. The final answer is printed by the run command itself.
import type { AgentEvent } from '../agent/events';

/** When the headless printer says it is still waiting (seconds), then once a minute. */
const WAIT_MILESTONES = new Set([5, 15, 30]);

export interface Printer {
  onEvent(e: AgentEvent): void;
}

type Paint = (s: string) => string;
interface Palette {
  dim: Paint;
  red: Paint;
  yellow: Paint;
  green: Paint;
  cyan: Paint;
  magenta: Paint;
}

async function palette(noColor: boolean): Promise<Palette> {
  const plain: Paint = (s) => s;
  if (noColor) return { dim: plain, red: plain, yellow: plain, green: plain, cyan: plain, magenta: plain };
  const { Chalk } = require('chalk') as typeof import('chalk');
  const c = new Chalk({ level: 1 });
  return { dim: c.dim, red: c.red, yellow: c.yellow, green: c.green, cyan: c.cyan, magenta: c.magenta };
}

export async function createPrinter(opts: { json: boolean; stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream; noColor: boolean }): Promise<Printer> {
  if (opts.json) {
    return { onEvent: (e) => opts.stdout.write(JSON.stringify(e) + '\n') };
  }
  const p = await palette(opts.noColor);
  const err = (s: string) => opts.stderr.write(s + '\n');
  return {
    onEvent(e) {
      switch (e.type) {
        case 'session.start':
          err(p.dim(`· ${e.info.kind} ${e.info.baseUrl} · ${e.info.model} · window ${e.info.contextWindow}`));
          break;
        case 'step.start':
          err(p.dim(`· step ${e.step} (${e.tools.join(', ')})`));
          break;
        case 'model.waiting':
          // A line now and then, not one a second: stderr is often a log file.
          if (WAIT_MILESTONES.has(e.seconds) || (e.seconds > 0 && e.seconds % 60 === 0)) err(p.dim(`· waiting for the model… ${e.seconds} s`));
          break;
        case 'model.retry':
          err(p.yellow(`↻ ${e.reason.split('\n')[0]} — ${e.discarded ? 'the partial reply was discarded; ' : ''}asking again (${e.attempt}/${e.tries})`));
          break;
        case 'tool.result':
          err(`${e.ok ? p.green('✓') : p.red('✗')} ${e.name} ${e.summary}`);
          break;
        case 'patch.applied':
          err(p.green(`✎ wrote ${e.path}`));
          break;
        case 'patch.rejected':
          err(p.yellow(`✎ not written: ${e.path}`));
          break;
        case 'guard':
          err(p.magenta(`! ${e.kind}: ${e.message.split('\n')[0]}`));
          break;
        case 'escalate':
          err(p.cyan(`⇡ escalation ${e.phase}: ${e.provider} ${e.model} — ${e.reason}`));
          break;
        case 'check.finished': {
          const verdict = e.verdict && e.verdict !== 'passed' && e.verdict !== 'skipped' ? ` (${e.verdict})` : '';
          const took = `${(e.ms / 1000).toFixed(1)} s`;
          if (e.status === 'skipped') err(p.yellow(`! check ${e.name} not run: ${e.skipped ?? 'skipped'}`));
          else if (e.status === 'passed') err(`${p.green('✓')} check ${e.name} passed${verdict} · ${took}`);
          else err(`${p.red('✗')} check ${e.name} ${e.status.replace('_', ' ')}${verdict} · ${took}`);
          break;
        }
        case 'mcp.server':
          // A failure is also a notice (printed there); here the other states worth a line.
          if (e.server.state === 'ready') err(p.dim(`· MCP server ${e.server.name}: ${e.server.tools.length} tools`));
          else if (e.server.state === 'unapproved' || e.server.state === 'blocked')
            err(p.yellow(`! MCP server ${e.server.name} not started: ${e.server.message ?? e.server.state}`));
          break;
        case 'compaction':
          err(p.dim(`· compacted history ${e.before} → ${e.after} tokens (${e.method})`));
          break;
        case 'notice':
          err(e.level === 'warn' ? p.yellow(`! ${e.message}`) : p.dim(`· ${e.message}`));
          break;
        case 'error':
          err(p.red(`error: ${e.message}`));
          break;
        default:
          break;
      }
    },
  };
}
