// A session log as Markdown (/export): each turn's message, the model's replies, the tool calls
// with their outcome, applied changes and notices, in order. Pure: the log's text in, Markdown out.
import { parseRecord } from './session-records';

const fence = (text: string) => {
  const f = text.includes('```') ? '````' : '```';
  return `${f}\n${text.replace(/\n$/, '')}\n${f}`;
};
const quoteArgs = (args: Record<string, unknown>) => {
  const main = ['path', 'command', 'pattern'].map((k) => args[k]).find((v) => typeof v === 'string');
  return typeof main === 'string' ? ` \`${main.replace(/`/g, "'")}\`` : '';
};

export function sessionMarkdown(id: string, text: string): string {
  const out: string[] = [];
  let title = `# SmallCode session ${id}`;
  const body: string[] = [];
  for (const raw of text.split('\n')) {
    if (!raw.trim()) continue;
    const r = parseRecord(raw);
    if (!r) continue;
    if (r.t === 'meta') {
      title = `# SmallCode session ${id}\n\nStarted ${r.meta.started} · model ${r.meta.model} (${r.meta.provider})`;
      continue;
    }
    if (r.t !== 'event') continue;
    const e = r.e;
    switch (e.type) {
      case 'turn.start':
        body.push(`## You (turn ${e.turn})`, '', e.text, '');
        break;
      case 'model.done':
        if (e.text.trim()) body.push('### Model', '', e.text.trim(), '');
        break;
      case 'tool.result':
        body.push(`- ${e.ok ? '✓' : '✗'} \`${e.name}\` — ${e.summary.split('\n')[0]}`);
        if (e.details?.kind === 'command' && e.details.output?.text) body.push('', fence(e.details.output.text), '');
        break;
      case 'tool.proposed':
        body.push(`- tool \`${e.call.name}\`${quoteArgs(e.call.arguments)}`);
        break;
      case 'patch.applied':
        body.push(`- change applied to \`${e.path}\` (journal #${e.journalId})`);
        break;
      case 'patch.rejected':
        body.push(`- change to \`${e.path}\` rejected: ${e.reason}`);
        break;
      case 'change.undone':
      case 'change.redone':
        body.push(`- change #${e.journalId} to \`${e.path}\` ${e.type === 'change.undone' ? 'undone' : 'redone'}`);
        break;
      case 'notice':
      case 'error':
        body.push(`> ${e.type === 'error' ? 'error' : e.level}: ${e.message.split('\n')[0]}`, '');
        break;
      case 'turn.end':
        body.push('', `*Turn ended: ${e.reason}, ${e.steps} step${e.steps === 1 ? '' : 's'}.*`, '');
        break;
      default:
        break;
    }
  }
  out.push(title, '', ...body);
  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}
