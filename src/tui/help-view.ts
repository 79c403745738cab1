// The help overlay, generated from the keymap table (so it lists exactly the keymap), plus the
// slash commands.
import { KEYMAP, WHEN_LABEL, keysLabel, type When, type KeyBinding } from './keymap';
import { SLASH_COMMANDS } from './input-editor';
import { paint, type Theme } from './theme';
import { esc, padRight, truncate, wrapText } from './text';

export const SLASH_HELP: Record<(typeof SLASH_COMMANDS)[number], string> = {
  '/help': 'show this help',
  '/model': 'show the server, model and window; /model NAME switches the model',
  '/compact': 'compact the conversation history now',
  '/clear': 'clear the conversation',
  '/undo': 'undo the last applied change (/undo 3: the last three)',
  '/changes': 'all changes of this session with their diffs; undo / redo any one (c outside the input)',
  '/sessions': 'past sessions of this workspace: resume one, or export it',
  '/export': 'write this session as Markdown (/export PATH.md; default .smallcode/exports/)',
  '/plan': 'show the plan',
  '/escalate': 'send the next step to the cloud model (if configured)',
  '/rules': 'show the project rules in the prompt (AGENTS.md …) and their token cost',
  '/checks': "list the project's checks and where each came from",
  '/check': "run the project's checks now (x opens the last one's full output)",
  '/mcp': 'MCP servers, their state, tools and token cost; /mcp approve [NAME], /mcp restart NAME',
  '/quit': 'quit',
};

export function helpView(width: number, theme: Theme, table: readonly KeyBinding[] = KEYMAP): string[] {
  const out: string[] = [paint(theme, 'title', 'Keys — Esc, ? or q closes this help'), ''];
  const groups = [...new Set(table.map((b) => b.when))] as When[];
  const keyW = 14;
  for (const g of groups) {
    out.push(paint(theme, 'title', esc(WHEN_LABEL[g])));
    for (const b of table.filter((x) => x.when === g)) {
      // Labels wrap under themselves: a help that cuts its own words is no help.
      wrapText(b.label, Math.max(4, width - keyW - 3)).forEach((l, i) => {
        out.push(`  ${i === 0 ? paint(theme, 'key', esc(padRight(keysLabel(b), keyW))) : ' '.repeat(keyW)} ${esc(l)}`);
      });
    }
  }
  out.push('', paint(theme, 'title', 'Slash commands (type in the input)'));
  for (const c of SLASH_COMMANDS) out.push(`  ${paint(theme, 'key', padRight(c, keyW))} ${esc(truncate(SLASH_HELP[c], Math.max(4, width - keyW - 3)))}`);
  out.push('', paint(theme, 'dim', 'Mouse: the wheel scrolls a pane, a click focuses it.'));
  return out;
}

/** The README's keys section, generated from the same table (a test keeps the README in step). */
export function keysMarkdown(table: readonly KeyBinding[] = KEYMAP): string {
  const out: string[] = [];
  const groups = [...new Set(table.map((b) => b.when))] as When[];
  for (const g of groups) {
    out.push(`**${WHEN_LABEL[g]}**`, '', '| keys | action |', '|---|---|');
    for (const b of table.filter((x) => x.when === g))
      out.push(
        `| ${keysLabel(b)
          .split(' ')
          .map((k) => `\`${k}\``)
          .join(' ')} | ${b.label.replace(/\|/g, '\\|')} |`,
      );
    out.push('');
  }
  return out.join('\n').trimEnd();
}
