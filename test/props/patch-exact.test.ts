// Property: exact or refused. One intended change to a real file, rendered in every dialect (lazy
// snippets included) with one of the drifts the ladder claims to absorb, gives the intended bytes
// or a refusal — never other bytes. (patch-lazy.test.ts adds: a lazy snippet loses no line.)
import * as fs from 'node:fs';
import * as fc from 'fast-check';
import { buildCase, caseChoices, hasWhitespaceTwin } from './support/patch-case';
import { describeCase, makeWorkspace, runRendered, writeCase } from './support/patch-oracle';
import { DIALECTS, DRIFTS, renderings } from './support/patch-render';
import { propsParams, propsTimeout } from './support/props-params';

describe('patch engine property: exact or refused', () => {
  const root = makeWorkspace();
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it(
    'never writes bytes other than the intended change, in any dialect or drift',
    async () => {
      await fc.assert(
        fc.asyncProperty(caseChoices, fc.constantFrom(...DRIFTS), async (choices, drift) => {
          const c = buildCase(choices);
          if (!c) return;
          // A drifted search (re-indented, trailing spaces…) whose region has a whitespace twin
          // elsewhere in the file may land exactly on the twin, or inside a longer line there: no
          // reader could tell which was meant, so such cases say nothing about the engine.
          if (drift !== 'none' && hasWhitespaceTwin(c.lines, c.start, c.end)) return;
          writeCase(root, c);
          for (const r of renderings(c, [drift], DIALECTS)) {
            const v = await runRendered(root, c, r);
            if (v.kind === 'wrong') throw new Error(describeCase(c, r, v));
          }
        }),
        propsParams(300),
      );
    },
    propsTimeout(),
  );
});
