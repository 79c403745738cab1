// Property: no line lost. A lazy snippet ("// ... existing code ..." for unchanged code) either
// gives a file that keeps every line of the original outside the replaced region, in order, or is
// refused. (Exact-or-refused for lazy snippets is measured in `npm run bench`.)
import * as fs from 'node:fs';
import * as fc from 'fast-check';
import { proposeEdit } from '../../src/patch';
import { buildCase, caseChoices } from './support/patch-case';
import { describeCase, judge, makeWorkspace, writeCase } from './support/patch-oracle';
import { DRIFTS, renderings } from './support/patch-render';
import { propsParams, propsTimeout } from './support/props-params';

/**
 * `kept` appears in `lines` in order (a subsequence), compared without surrounding whitespace:
 * a line lost is content gone (blank lines are layout); layout slips are wrong bytes, counted
 * by the bench's report.
 */
function keptInOrder(kept: string[], lines: string[]): boolean {
  let i = 0;
  for (const l of lines) if (i < kept.length && l.trim() === kept[i].trim()) i++;
  return i === kept.length;
}

describe('patch engine property: lazy snippets lose no line', () => {
  const root = makeWorkspace();
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it(
    'keeps every line outside the replaced region, or refuses',
    async () => {
      await fc.assert(
        fc.asyncProperty(caseChoices, fc.constantFrom(...DRIFTS), async (choices, drift) => {
          const c = buildCase(choices);
          if (!c) return;
          writeCase(root, c);
          for (const r of renderings(c, [drift], ['lazy_snippet'])) {
            const result = await proposeEdit(root, c.name, r.edit);
            if (!result.ok) continue;
            const outside = [...c.lines.slice(0, c.start + c.ctxBefore), ...c.lines.slice(c.end - c.ctxAfter)].filter((l) => l.trim() !== '');
            const got = result.proposal.after
              .replace(/^\uFEFF/, '')
              .replace(/\r\n/g, '\n')
              .split('\n');
            if (!keptInOrder(outside, got)) throw new Error(`lines were lost\n${describeCase(c, r, judge(c, result))}`);
          }
        }),
        propsParams(300),
      );
    },
    propsTimeout(),
  );
});
