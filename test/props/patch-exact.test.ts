// Property: exact or refused. One intended change to a real file, rendered in every dialect with
// one of the drifts the ladder claims to absorb, gives the intended bytes or a refusal — never
// other bytes. (Lazy snippets have their own, weaker property: patch-lazy.test.ts.)
import * as fs from 'node:fs';
import * as fc from 'fast-check';
import { buildCase, caseChoices } from './support/patch-case';
import { describeCase, makeWorkspace, runRendered, writeCase } from './support/patch-oracle';
import { DIALECTS, DRIFTS, renderings } from './support/patch-render';
import { propsParams, propsTimeout } from './support/props-params';

const dialects = DIALECTS.filter((d) => d !== 'lazy_snippet');

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
          writeCase(root, c);
          for (const r of renderings(c, [drift], dialects)) {
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
