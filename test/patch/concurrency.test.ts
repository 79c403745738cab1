// Two real SmallCode processes applying edits to one file at the same moment: no edit is lost
// (each apply is a compare-and-swap under the workspace lock) and journal ids never collide.
import { type ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { transpileEngine } from './engine-build';

const EDITS = 20;
const TRIALS = Number(process.env.SC_CONCURRENCY_TRIALS ?? 2);

interface ChildRun {
  applied: string[];
  ids: number[];
  stale: number;
  code: number | null;
  stderr: string;
}

function start(mod: string, work: string, tag: string): { child: ChildProcess; ready: Promise<void>; done: Promise<ChildRun> } {
  const child = spawn(process.execPath, [path.join(__dirname, 'concurrent-child.js'), mod, work, tag, String(EDITS)], { stdio: ['pipe', 'pipe', 'pipe'] });
  const run: ChildRun = { applied: [], ids: [], stale: 0, code: null, stderr: '' };
  let buffer = '';
  let onReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (onReady = resolve));
  child.stderr?.on('data', (d: Buffer) => (run.stderr += d.toString()));
  child.stdout?.on('data', (d: Buffer) => {
    buffer += d.toString();
    let nl: number;
    while ((nl = buffer.indexOf('\n')) >= 0) {
      const [kind, line, id] = buffer.slice(0, nl).split(' ');
      buffer = buffer.slice(nl + 1);
      if (kind === 'ready') onReady();
      else if (kind === 'stale') run.stale++;
      else if (kind === 'applied') {
        run.applied.push(line);
        run.ids.push(Number(id));
      }
    }
  });
  const done = new Promise<ChildRun>((resolve) =>
    child.on('close', (code) => {
      run.code = code;
      resolve(run);
    }),
  );
  return { child, ready, done };
}

describe('two processes on one workspace', () => {
  let mod: string;
  const works: string[] = [];
  beforeAll(() => {
    mod = fs.mkdtempSync(path.join(os.tmpdir(), 'sc-conc-mod-'));
    transpileEngine(mod);
  });
  afterAll(() => {
    fs.rmSync(mod, { recursive: true, force: true });
    for (const w of works) fs.rmSync(w, { recursive: true, force: true });
  });

  it(`loses no edit and reuses no journal id (${TRIALS} trials, 2 × ${EDITS} edits each)`, async () => {
    const lost: number[] = [];
    const reusedIds: number[] = [];
    for (let t = 0; t < TRIALS; t++) {
      const work = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'sc-conc-work-')));
      works.push(work);
      fs.writeFileSync(path.join(work, 'shared.txt'), 'start\nend\n');
      const a = start(mod, work, 'A');
      const b = start(mod, work, 'B');
      await Promise.all([a.ready, b.ready]);
      a.child.stdin?.write('go\n');
      b.child.stdin?.write('go\n');
      const [ra, rb] = await Promise.all([a.done, b.done]);
      expect([ra.code, ra.stderr, rb.code, rb.stderr]).toEqual([0, '', 0, '']);
      const lines = new Set(fs.readFileSync(path.join(work, 'shared.txt'), 'utf8').split('\n'));
      const applied = [...ra.applied, ...rb.applied];
      lost.push(applied.filter((l) => !lines.has(l)).length);
      // Every applied change has its own journal entry: no id handed out twice.
      const ids = [...ra.ids, ...rb.ids];
      reusedIds.push(ids.length - new Set(ids).size);
      expect(fs.readdirSync(path.join(work, '.smallcode', 'journal')).filter((n) => /^\d+\.json$/.test(n)).length).toBe(new Set(ids).size);
    }
    expect({ lost, reusedIds }).toEqual({ lost: new Array(TRIALS).fill(0), reusedIds: new Array(TRIALS).fill(0) });
  });
});
