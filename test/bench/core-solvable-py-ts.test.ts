// Every Python and TypeScript task of suites/core is solvable and not solved already: the untouched
// workspace fails its hidden check, and the reference answer, applied through the real edit tools,
// passes it. The checks run ahead in beforeAll, a few at a time; each task is then one test.
import { coreTasks, solveAll, type Solved } from './solve-with-reference';

const tasks = coreTasks().filter((t) => t.requires.includes('python3') || t.requires.includes('typescript'));
let results: Map<string, Solved | Error>;

beforeAll(async () => {
  results = await solveAll(tasks);
}, 300_000);

describe('suites/core, Python and TypeScript tasks', () => {
  it.each(tasks.map((t) => t.id))('%s: fails untouched, passes with the reference answer', (id) => {
    const r = results.get(id);
    if (r instanceof Error) throw r;
    expect(r!.untouched.passed).toBe(false);
    expect(r!.refused).toBeUndefined();
    expect(r!.solved?.passed ? 'passed' : r!.solved?.output).toBe('passed');
  });
});
