// Puts edited plain text back into the file's own line endings. Uniform files take their one
// ending everywhere; mixed files keep each unchanged line's ending, new lines get the dominant one.
import { diffArrays } from 'diff';
import { detectFormat, fromPlain, splitLines, toPlain } from './text-format';

function endingsOf(disk: string): string[] {
  const body = disk.startsWith('\uFEFF') ? disk.slice(1) : disk;
  return (body.match(/\r?\n/g) ?? []).map((e) => e);
}

export function toDiskText(beforeDisk: string, plainAfter: string): string {
  const format = detectFormat(beforeDisk);
  const endings = endingsOf(beforeDisk);
  const mixed = endings.some((e) => e === '\r\n') && endings.some((e) => e === '\n');
  if (!mixed) return fromPlain(plainAfter, format);
  const before = splitLines(toPlain(beforeDisk)).lines;
  const after = splitLines(plainAfter);
  let head = 0;
  while (head < before.length && head < after.lines.length && before[head] === after.lines[head]) head++;
  let tail = 0;
  while (tail < before.length - head && tail < after.lines.length - head && before[before.length - 1 - tail] === after.lines[after.lines.length - 1 - tail])
    tail++;
  const eolOf: string[] = [];
  for (let i = 0; i < head; i++) eolOf.push(endings[i] ?? format.eol);
  let b = head;
  for (const op of diffArrays(before.slice(head, before.length - tail), after.lines.slice(head, after.lines.length - tail))) {
    for (let j = 0; j < op.count; j++) {
      if (op.removed) b++;
      else if (op.added) eolOf.push(format.eol);
      else eolOf.push(endings[b++] ?? format.eol);
    }
  }
  for (let i = before.length - tail; i < before.length; i++) eolOf.push(endings[i] ?? format.eol);
  const out = after.lines.map((line, i) => line + (i < after.lines.length - 1 || after.finalNewline ? eolOf[i] : '')).join('');
  return (format.bom ? '\uFEFF' : '') + out;
}
