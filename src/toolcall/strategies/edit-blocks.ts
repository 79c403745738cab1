// Aider/Cline SEARCH/REPLACE blocks written as prose (file name on the line before, often inside a
// fence) → edit_file calls. Only when edit_file is offered, or when no tools are given.
import { framingBefore } from '../prose-guard';
import type { Found, Strategy } from '../types';

const BLOCK =
  /(?:^|\n)([^\n]*)\n(?:[ \t]*```[^\n]*\n)?(?:([^\n]*)\n)?[ \t]*<{5,9}[ \t]*SEARCH[^\n]*\n([\s\S]*?)\n?[ \t]*={5,9}[ \t]*\n([\s\S]*?)\n?[ \t]*>{5,9}[ \t]*REPLACE[^\n]*(?:\n[ \t]*```[ \t]*(?=\n|$))?/g;
const PATH =
  /^[ \t]*(?:[#*`]+\s*)?(?:File:\s*)?`?([\w./\\-]+\.[\w]+|[\w./\\-]*\/[\w.-]+|(?:[\w./-]*\/)?(?:[A-Z][a-z]*file|LICENSE|README|CHANGELOG))`?:?\**[ \t]*$/;

export const editBlocks: Strategy = {
  name: 'edit-blocks',
  find(text, ctx) {
    if (!text.includes('SEARCH') || !/>{5,9}\s*REPLACE/.test(text)) return [];
    if (ctx.tools && !ctx.tools.some((t) => t.name === 'edit_file')) return [];
    const out: Found[] = [];
    BLOCK.lastIndex = 0;
    let m: RegExpExecArray | null;
    let lastPath: string | undefined;
    while ((m = BLOCK.exec(text))) {
      const inner = m[2] !== undefined ? PATH.exec(m[2]) : null;
      const outer = PATH.exec(m[1]);
      const path = inner?.[1] ?? outer?.[1] ?? lastPath;
      const start = m.index + (m[0].startsWith('\n') ? 1 : 0) + (outer || inner ? 0 : m[1].length + 1);
      if (framingBefore(text, start, true) !== 'call') {
        out.push({ start, end: m.index + m[0].length, calls: [], repairs: [], ignored: 'SEARCH/REPLACE shown as an example' });
        continue;
      }
      if (!path) {
        out.push({ start, end: m.index + m[0].length, calls: [], repairs: [], unreadable: 'SEARCH/REPLACE block without a file name' });
        continue;
      }
      lastPath = path;
      out.push({
        start,
        end: m.index + m[0].length,
        calls: [{ name: 'edit_file', args: { path, search: m[3], replace: m[4] }, explicit: true }],
        repairs: ['SEARCH/REPLACE block'],
      });
    }
    return out;
  },
};
