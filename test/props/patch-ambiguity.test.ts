// Property: ambiguity is refused. When the search text occurs more than once anywhere in the file
// (inside longer lines too), an edit that does not pin its place itself is refused as ambiguous,
// and the refusal names the candidate line numbers.
import * as fs from 'node:fs';
import * as fc from 'fast-check';
import { buildCase, caseChoices, search, withRepeat } from './support/patch-case';
import { describeCase, lineNumbers, makeWorkspace, occurrences, runRendered, writeCase } from './support/patch-oracle';
import { renderings } from './support/patch-render';
import { propsParams, propsTimeout } from './support/props-params';

const UNPINNED = ['search_replace', 'search_replace_cline', 'original_updated', 'old_str_json', 'old_str_args', 'unified_diff', 'apply_patch'] as const;

describe('patch engine property: ambiguity is refused', () => {
  const root = makeWorkspace();
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it(
    'refuses a search text that repeats, naming every line it occurs on',
    async () => {
      await fc.assert(
        fc.asyncProperty(caseChoices, fc.nat(), fc.boolean(), async (choices, at, inside) => {
          const base = buildCase(choices);
          if (!base || search(base).every((l) => l.trim() === '')) return;
          const c = withRepeat(base, at, inside);
          const plain = c.lines.join('\n');
          const want = [...new Set(lineNumbers(plain, occurrences(plain, search(c).join('\n'))))];
          if (want.length < 2) return;
          writeCase(root, c);
          for (const r of renderings(c, ['none'], UNPINNED)) {
            // `*** End of File` pins a hunk that ends the file: that is the edit choosing, not a guess.
            if (r.dialect === 'apply_patch' && c.end === c.lines.length) continue;
            const v = await runRendered(root, c, r);
            // The refusal lists up to 10 places; when it has no more than that, all of ours are among them.
            const places = v.kind === 'refused' ? Number(/matches (\d+) places/.exec(v.hint)?.[1] ?? 0) : 0;
            const named =
              v.kind === 'refused' &&
              v.code === 'ambiguous' &&
              places >= want.length &&
              (places > 10 || want.every((n) => new RegExp(`\\b${n}\\b`).test(v.hint)));
            if (!named) throw new Error(`want an ambiguity refusal naming lines ${want.join(', ')}\n${describeCase(c, r, v)}`);
          }
        }),
        propsParams(300),
      );
    },
    propsTimeout(),
  );
});
