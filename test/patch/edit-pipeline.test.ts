// Golden cases for the whole edit pipeline (test/fixtures/edit-pipeline/<behaviour>/): a model's
// reply → the parser (SmallCode's tools) → edit_file's proposal through the patch engine. Plus:
// the edit proposed at approval time is the one applied after the file changed.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseToolCalls } from '../../src/toolcall/index';
import { allTools, toolSpecs } from '../../src/tools/registry';
import { editFileTool } from '../../src/tools/edit-file';
import { revalidate } from '../../src/patch/index';
import { runCli } from '../support/cli-harness';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'edit-pipeline');
const cases = fs
  .readdirSync(FIXTURES)
  .filter((d) => fs.statSync(path.join(FIXTURES, d)).isDirectory())
  .sort();
const specs = toolSpecs(allTools());
const fileIn = (dir: string, prefix: string) => fs.readdirSync(dir).find((f) => f.startsWith(`${prefix}.`));
const ctxFor = (root: string) => ({ root, signal: new AbortController().signal, outputCap: 20_000 });

let work: string;
beforeEach(() => {
  work = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'sc-edit-pipeline-')));
});
afterEach(() => fs.rmSync(work, { recursive: true, force: true }));

describe('edit pipeline golden cases', () => {
  it.each(cases)('%s', async (name) => {
    const dir = path.join(FIXTURES, name);
    const read = (f: string) => fs.readFileSync(path.join(dir, f), 'utf8');
    expect(read('SOURCE').trim()).not.toBe('');
    const parsed = parseToolCalls(read('reply.txt'), undefined, { tools: specs });
    if (fs.existsSync(path.join(dir, 'refusal')) && read('refusal').trim() === 'unreadable') {
      expect({ calls: parsed.calls, unreadable: parsed.intendedButUnreadable }).toEqual({ calls: [], unreadable: true });
      expect(parsed.repair).toMatch(/could not be|SEARCH/);
      return;
    }
    expect(parsed.calls.map((c) => c.name)).toEqual(['edit_file']);
    const args = parsed.calls[0].arguments;
    const before = fileIn(dir, 'before') as string;
    const target = path.join(work, String(args.path));
    fs.copyFileSync(path.join(dir, before), target);
    const proposed = await editFileTool.propose!(args, ctxFor(work));
    const expected = fileIn(dir, 'expected');
    if (expected) {
      expect(proposed.ok ? proposed.proposal.after : proposed.refusal).toBe(read(expected));
    } else {
      expect(proposed.ok ? 'applied' : proposed.refusal.code).toBe(read('refusal').trim());
    }
    if (fs.existsSync(path.join(dir, 'blocks'))) {
      const r = await runCli(['debug', 'parse', '--tools', 'edit_file'], { cwd: work, stdin: read('reply.txt') });
      const out = JSON.parse(r.stdout) as { calls: { edit?: { blocks?: unknown[] } }[] };
      expect(out.calls.map((c) => c.edit?.blocks?.length)).toEqual([Number(read('blocks'))]);
    }
  });
});

describe('approval-time edit', () => {
  it('applies the proposed blocks again after the file changed, whatever the call arguments say later', async () => {
    fs.writeFileSync(path.join(work, 'a.py'), 'x = 1\ny = 2\n');
    const args: Record<string, unknown> = {
      path: 'a.py',
      diff: '<<<<<<< SEARCH\nx = 1\n=======\nx = 10\n>>>>>>> REPLACE\n<<<<<<< SEARCH\ny = 2\n=======\ny = 20\n>>>>>>> REPLACE',
    };
    const proposed = await editFileTool.propose!(args, ctxFor(work));
    if (!proposed.ok) throw new Error(proposed.refusal.reason);
    // The arguments object is the model's; nothing may read it again once the proposal exists.
    args.diff = 'garbage';
    fs.writeFileSync(path.join(work, 'a.py'), '# header\nx = 1\ny = 2\n');
    const again = await revalidate(work, proposed.proposal);
    expect(again.ok ? again.proposal.after : again.refusal.reason).toBe('# header\nx = 10\ny = 20\n');
  });

  it('the agent re-checks a stale proposal from the proposal alone (no re-reading of the call)', () => {
    const runner = fs.readFileSync(path.join(__dirname, '..', '..', 'src', 'agent', 'tool-runner.ts'), 'utf8');
    expect(runner).toMatch(/revalidate\(deps\.root, proposal\)/);
    expect(runner).not.toMatch(/edit-file|call\.arguments\.(search|replace|diff)/);
  });
});
