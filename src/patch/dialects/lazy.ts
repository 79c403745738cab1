// Lazy snippets: the file (or part of it) written out with `// ... existing code ...` lines
// standing for unchanged code, optionally fenced and preceded by the file path.
import type { ParsedEdit } from '../types';
import { isElision } from '../match/normalize';
import { pathFromLine } from '../../util/edit-markers';

/** The body of the first fenced block, with the path found above it (or in its info string). */
export function unfence(text: string): { body: string; path?: string } {
  const lines = text.split('\n');
  const open = lines.findIndex((l) => /^\s*```/.test(l));
  if (open < 0) return { body: text };
  // CommonMark: the closer is a run of at least as many backticks as the opener, so a snippet
  // of a Markdown file can hold ``` lines inside a ```` fence.
  const fence = /^\s*(`+)/.exec(lines[open])![1].length;
  let close = lines.length;
  for (let i = open + 1; i < lines.length; i++) {
    const m = /^\s*(`+)\s*$/.exec(lines[i]);
    if (m && m[1].length >= fence) {
      close = i;
      break;
    }
  }
  const info = lines[open].trim().replace(/^`+/, '').trim();
  const infoPath = info
    .split(/\s+/)
    .map((w) => w.replace(/^(?:path|file)=/, ''))
    .find((w) => /[./]/.test(w) && pathFromLine(w));
  let path = infoPath ? pathFromLine(infoPath) : undefined;
  for (let i = open - 1; i >= Math.max(0, open - 2) && !path; i--) path = pathFromLine(lines[i]);
  const body = lines.slice(open + 1, close);
  return { body: body.length ? body.join('\n') + '\n' : '', path };
}

export function looksLikeLazy(text: string): boolean {
  return unfence(text).body.split('\n').some(isElision);
}

export function parseLazy(text: string): ParsedEdit[] {
  const { body, path } = unfence(text);
  return [{ path, dialect: 'lazy_snippet', blocks: [{ kind: 'lazy', text: body }] }];
}

/** Exactly one fenced block and nothing else that looks like an edit: the whole new file. */
export function looksLikeWholeFile(text: string): boolean {
  const fences = text.split('\n').filter((l) => /^\s*```/.test(l)).length;
  return fences === 2 && !looksLikeLazy(text);
}

export function parseWholeFile(text: string): ParsedEdit[] {
  const { body, path } = unfence(text);
  return [{ path, dialect: 'whole_file', blocks: [{ kind: 'write', content: body, fromSnippet: true }] }];
}
