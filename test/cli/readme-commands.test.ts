// The README's Commands block is the command table's own synopsis (help.ts readmeCommands), so a
// new flag or command cannot leave the README behind. To rewrite the block after changing the table:
//   SMALLCODE_UPDATE_README=1 npx jest test/cli/readme-commands.test.ts
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readmeCommands } from '../../src/cli/help';

const README = path.join(__dirname, '..', '..', 'README.md');
const BLOCK = /(<!-- Generated from src\/cli\/command-table\.ts[^\n]*-->\n```\n)([\s\S]*?)(```\n)/;

describe("README's Commands section", () => {
  it('is the synopsis generated from the command table', () => {
    const text = fs.readFileSync(README, 'utf8');
    const match = BLOCK.exec(text);
    expect(match).not.toBeNull();
    const want = readmeCommands();
    if (process.env.SMALLCODE_UPDATE_README === '1' && match?.[2] !== want) {
      fs.writeFileSync(
        README,
        text.replace(BLOCK, (_, open: string, _old: string, close: string) => open + want + close),
      );
      return;
    }
    expect(match?.[2]).toBe(want);
  });

  it('names every command and every option the table has', () => {
    const block = readmeCommands();
    for (const word of [
      'smallcode [tui]',
      'smallcode run "TASK"',
      'smallcode doctor',
      'smallcode undo [N]',
      'smallcode bench',
      'smallcode debug parse',
      'smallcode debug apply',
      'smallcode help',
    ])
      expect(block).toContain(word);
    for (const flag of [
      '--yes[=all]',
      '--resume [ID]',
      '--continue',
      '--list',
      '--cwd DIR',
      '--tools a,b,c',
      '--dry-run',
      '--suite NAME|DIR',
      '--provider ollama|openai',
    ])
      expect(block).toContain(flag);
  });
});
