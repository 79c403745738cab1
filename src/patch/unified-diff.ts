// The unified diff shown for a proposal (before → after, 3 lines of context). Common head and
// tail are trimmed before diffing so a one-line change in a 20k-line file stays cheap.
import { diffArrays } from 'diff';
import { splitLines, toPlain } from './text-format';

type Op = { tag: ' ' | '-' | '+'; text: string; a: number; b: number };

const CONTEXT = 3;

function ops(before: string[], after: string[]): Op[] {
  let head = 0;
  while (head < before.length && head < after.length && before[head] === after[head]) head++;
  let tail = 0;
  while (tail < before.length - head && tail < after.length - head && before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail++;
  const out: Op[] = [];
  for (let i = Math.max(0, head - CONTEXT); i < head; i++) out.push({ tag: ' ', text: before[i], a: i, b: i });
  let a = head;
  let b = head;
  for (const change of diffArrays(before.slice(head, before.length - tail), after.slice(head, after.length - tail))) {
    for (const text of change.value) {
      if (change.added) out.push({ tag: '+', text, a, b: b++ });
      else if (change.removed) out.push({ tag: '-', text, a: a++, b });
      else out.push({ tag: ' ', text, a: a++, b: b++ });
    }
  }
  for (let j = 0; j < Math.min(CONTEXT, tail); j++) out.push({ tag: ' ', text: before[a + j], a: a + j, b: b + j });
  return out;
}

export function unifiedDiff(relPath: string, before: string | null, after: string): { diff: string; added: number; removed: number } {
  const b = splitLines(toPlain(before ?? ''));
  const a = splitLines(toPlain(after));
  const all = ops(b.lines, a.lines);
  const added = all.filter((o) => o.tag === '+').length;
  const removed = all.filter((o) => o.tag === '-').length;
  const lines = [`--- ${before === null ? '/dev/null' : `a/${relPath}`}`, `+++ b/${relPath}`];
  const changes = all.map((o, i) => (o.tag === ' ' ? -1 : i)).filter((i) => i >= 0);
  let i = 0;
  while (i < changes.length) {
    let j = i;
    while (j + 1 < changes.length && changes[j + 1] - changes[j] <= 2 * CONTEXT + 1) j++;
    const from = Math.max(0, changes[i] - CONTEXT);
    const to = Math.min(all.length, changes[j] + CONTEXT + 1);
    const hunk = all.slice(from, to);
    const oldLen = hunk.filter((o) => o.tag !== '+').length;
    const newLen = hunk.filter((o) => o.tag !== '-').length;
    const oldStart = oldLen ? hunk.find((o) => o.tag !== '+')!.a + 1 : hunk[0].a;
    const newStart = newLen ? hunk.find((o) => o.tag !== '-')!.b + 1 : hunk[0].b;
    lines.push(`@@ -${oldStart},${oldLen} +${newStart},${newLen} @@`);
    for (const o of hunk) lines.push(`${o.tag}${o.text}`);
    i = j + 1;
  }
  if (added + removed === 0 && b.finalNewline !== a.finalNewline) lines.push('(only the final newline changes)');
  return { diff: lines.join('\n') + '\n', added, removed };
}
