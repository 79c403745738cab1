// Property: undo inverts. An edit applied for real (journal + atomic write) and then undone with
// the real journal (src/patch/undo.ts) leaves the file's original bytes.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as fc from 'fast-check';
import { applyProposal, proposeEdit, undo } from '../../src/patch';
import { buildCase, caseChoices } from './support/patch-case';
import { makeWorkspace } from './support/patch-oracle';
import { DIALECTS, renderings } from './support/patch-render';
import { propsParams, propsTimeout } from './support/props-params';

describe('patch engine property: undo inverts apply', () => {
  const root = makeWorkspace();
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it(
    'restores the bytes before the edit',
    async () => {
      await fc.assert(
        fc.asyncProperty(caseChoices, fc.constantFrom(...DIALECTS), async (choices, dialect) => {
          const c = buildCase(choices);
          if (!c) return;
          const file = path.join(root, c.name);
          fs.writeFileSync(file, c.before, 'utf8');
          const before = fs.readFileSync(file);
          for (const r of renderings(c, ['none'], [dialect])) {
            const proposed = await proposeEdit(root, c.name, r.edit);
            if (!proposed.ok) continue;
            const applied = await applyProposal(root, proposed.proposal);
            if (!applied.ok) throw new Error(`apply failed: ${applied.refusal.reason}`);
            expect(fs.readFileSync(file).toString('utf8')).toBe(proposed.proposal.after);
            const undone = await undo(root, 1);
            if (!undone.ok) throw new Error(`undo failed: ${undone.reason}`);
            expect(fs.readFileSync(file).equals(before)).toBe(true);
          }
          fs.rmSync(file);
        }),
        propsParams(150),
      );
    },
    propsTimeout(),
  );
});
