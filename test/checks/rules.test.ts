// Rules loading and the budget cut: the first root rules file wins, nested ones on the edited
// path come nearest last, and a long AGENTS.md is cut to whole first sections with a note.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadRules, nestedRules } from '../../src/checks/rules';
import { fitRules, rulesShare, sections } from '../../src/context/rules-budget';
import { createTokenCounter } from '../../src/context/token-counter';

function project(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sc-rules-'));
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
  return root;
}

describe('rules', () => {
  it('reads the first of AGENTS.md, CLAUDE.md, .smallcode/rules.md, after the user rules', () => {
    const root = project({ 'CLAUDE.md': 'claude rules', '.smallcode/rules.md': 'ours', 'home/rules.md': 'mine' });
    expect(loadRules(root).map((r) => r.label)).toEqual(['CLAUDE.md']);
    fs.writeFileSync(path.join(root, 'AGENTS.md'), 'agents rules');
    expect(loadRules(root, path.join(root, 'home/rules.md')).map((r) => r.text)).toEqual(['mine', 'agents rules']);
  });

  it('nested rules on the path of an edited file, nearest last', () => {
    const root = project({ 'AGENTS.md': 'root', 'src/AGENTS.md': 'src rules', 'src/api/CLAUDE.md': 'api rules' });
    expect(nestedRules(root, 'src/api/handler.ts').map((r) => r.label)).toEqual(['src/AGENTS.md', 'src/api/CLAUDE.md']);
    expect(nestedRules(root, 'README.md')).toEqual([]);
  });

  it('a long AGENTS.md on an 8k window is cut to its first sections with a note, never over the share', () => {
    const counter = createTokenCounter();
    const body = (n: number) => `## Section ${n}\n${'Always write small functions and test them well. '.repeat(20)}`;
    const text = ['# Rules', ...Array.from({ length: 30 }, (_, i) => body(i + 1))].join('\n\n');
    expect(sections(text)).toHaveLength(31);
    const share = rulesShare(8192);
    const fitted = fitRules([{ label: 'AGENTS.md', text }], share, (t) => counter.count(t));
    expect(fitted.tokens).toBeLessThanOrEqual(share);
    expect(fitted.text).toContain('## Section 1');
    expect(fitted.text).not.toContain('## Section 30');
    expect(fitted.text).toMatch(/AGENTS\.md continues: \d+ more sections not shown here — read_file AGENTS\.md/);
    expect(fitted.files[0].shown).toBeGreaterThan(0);
    expect(fitted.files[0].shown).toBeLessThan(31);
    const small = fitRules([{ label: 'AGENTS.md', text: '# Rules\nUse tabs.' }], share, (t) => counter.count(t));
    expect(small.text).toBe('Project instructions from AGENTS.md (follow them):\n\n# Rules\nUse tabs.');
  });
});
