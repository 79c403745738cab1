// The disk side of `@path`: workspace paths to complete a mention with (one folder listed, ignore
// rules applied) and the files a message mentions, read within the budget and appended to it.
import { listDir, parentRel } from '../workspace/file-tree';
import type { IgnoreRules } from '../workspace/ignore-rules';
import { resolveInWorkspace } from '../workspace/jail';
import { readTextFile } from '../workspace/text-file';
import { attachmentBlock, mentionedPaths } from './file-mention';

/** Paths under the folder the query names whose names start with the rest (folders end in `/`). */
export function pathCandidates(root: string, rules: IgnoreRules, query: string): string[] {
  const dir = query.endsWith('/') ? query.slice(0, -1) : parentRel(query);
  const base = query.endsWith('/') ? '' : query.slice(dir ? dir.length + 1 : 0);
  return listDir(root, dir, rules)
    .filter((e) => e.name.startsWith(base) && (base.startsWith('.') || !e.name.startsWith('.')))
    .map((e) => (e.dir ? `${e.rel}/` : e.rel));
}

export interface Attached {
  /** The message with the files appended. */
  text: string;
  /** One line per attachment for the user: what went in, what was cut, what could not be read. */
  notes: { level: 'info' | 'warn'; text: string }[];
}

/** Appends each mentioned workspace file; `allowance` characters are shared by all of them. */
export async function attachMentioned(root: string, message: string, allowance: number): Promise<Attached> {
  const notes: Attached['notes'] = [];
  const blocks: string[] = [];
  let left = allowance;
  for (const p of mentionedPaths(message)) {
    const jailed = resolveInWorkspace(root, p);
    if (!jailed.ok) continue; // "@someone" or a path outside: left as the words they are
    const read = await readTextFile(jailed.abs, jailed.rel, 8 * 1024 * 1024);
    if (!read.ok) {
      if (read.code !== 'not_found') notes.push({ level: 'warn', text: `@${p} not attached: ${read.message}` });
      continue;
    }
    const a = attachmentBlock(jailed.rel, read.text, Math.max(0, left));
    left -= a.block.length;
    blocks.push(a.block);
    notes.push(
      a.cut
        ? { level: 'warn', text: `@${jailed.rel} attached cut to its first ${a.cut.shown} of ${a.cut.total} lines, to fit the context budget` }
        : { level: 'info', text: `@${jailed.rel} attached (${read.text.length} characters)` },
    );
  }
  return { text: blocks.length ? `${message}\n\n${blocks.join('\n\n')}` : message, notes };
}

/** Characters all attachments of one message may take: a quarter of the window (≈ 4 chars/token). */
export function attachmentAllowance(contextWindow: number): number {
  return Math.floor((contextWindow > 0 ? contextWindow : 8192) / 4) * 4;
}
