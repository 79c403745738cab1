// The project's instructions: the user's own rules (rules.md in the user config dir), then the
// first of AGENTS.md, CLAUDE.md, .smallcode/rules.md at the workspace root; and, for a file being
// edited, the AGENTS.md/CLAUDE.md of the folders on its path (nearest last).
import * as path from 'node:path';
import { readProjectFile } from './project-file';

export interface RuleFile {
  /** As shown to the model and the user: "AGENTS.md", "src/api/AGENTS.md", "~/.config/smallcode/rules.md". */
  label: string;
  text: string;
}

const ROOT_RULE_FILES = ['AGENTS.md', 'CLAUDE.md', '.smallcode/rules.md'];
const NESTED_RULE_FILES = ['AGENTS.md', 'CLAUDE.md'];

/** `userRulesFile`: an absolute path (rules.md next to the user config file), if there is one. */
export function loadRules(root: string, userRulesFile?: string): RuleFile[] {
  const out: RuleFile[] = [];
  if (userRulesFile) {
    const text = readProjectFile(path.dirname(userRulesFile), path.basename(userRulesFile));
    if (text?.trim()) out.push({ label: userRulesFile, text: text.trim() });
  }
  for (const rel of ROOT_RULE_FILES) {
    const text = readProjectFile(root, rel);
    if (text?.trim()) {
      out.push({ label: rel, text: text.trim() });
      break;
    }
  }
  return out;
}

/** Rule files in the folders between the root (excluded) and `fileRel`'s folder, nearest last. */
export function nestedRules(root: string, fileRel: string): RuleFile[] {
  const dirs = path.posix
    .dirname(fileRel.split(path.sep).join('/'))
    .split('/')
    .filter((d) => d !== '.' && d !== '');
  const out: RuleFile[] = [];
  for (let i = 1; i <= dirs.length; i++) {
    const dir = dirs.slice(0, i).join('/');
    if (dir.startsWith('..')) return [];
    for (const name of NESTED_RULE_FILES) {
      const rel = `${dir}/${name}`;
      const text = readProjectFile(root, rel);
      if (text?.trim()) {
        out.push({ label: rel, text: text.trim() });
        break;
      }
    }
  }
  return out;
}
