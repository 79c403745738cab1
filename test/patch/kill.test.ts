// Crash safety: a child applying 1,000 edits through the real engine is SIGKILLed at random
// moments; afterwards every file is exactly its old or its new content, never a partial one, and
// the next process cleans up the temp files and the lock the killed ones left. Time-capped
// generously: the machine is shared and 1,000 fsynced edits take 20-60 s under load.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { transpileEngine } from './engine-build';

const FILES = ['f0.txt', 'f1.txt', 'f2.txt'];
const content = (k: number, f: string) => `n=${k}\n` + `${f}: a line of padding so that writes take more than one syscall\n`.repeat(300);

/** Deterministic pseudo-random numbers (mulberry32), so a failure can be replayed. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Round {
  applied: Map<string, number>;
  started: Map<string, number>;
  killed: boolean;
  code: number | null;
  stderr: string;
}

function runChild(mod: string, work: string, count: number, killAtStart: number): Promise<Round> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(__dirname, 'kill-child.js'), mod, work, String(count)], { stdio: ['ignore', 'pipe', 'pipe'] });
    const round: Round = { applied: new Map(), started: new Map(), killed: false, code: null, stderr: '' };
    let buffer = '';
    let starts = 0;
    child.stderr.on('data', (d: Buffer) => (round.stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      buffer += d.toString();
      let nl: number;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const [kind, file, k] = buffer.slice(0, nl).split(' ');
        buffer = buffer.slice(nl + 1);
        (kind === 'start' ? round.started : round.applied).set(file, Number(k));
        if (kind === 'start' && ++starts === killAtStart && !round.killed) {
          round.killed = true;
          child.kill('SIGKILL');
        }
      }
    });
    child.on('close', (code) => {
      round.code = code;
      resolve(round);
    });
  });
}

describe('kill test', () => {
  let mod: string;
  let work: string;
  beforeAll(() => {
    mod = fs.mkdtempSync(path.join(os.tmpdir(), 'sc-kill-mod-'));
    transpileEngine(mod);
  });
  afterAll(() => {
    fs.rmSync(mod, { recursive: true, force: true });
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  it('leaves every file exactly old or new after SIGKILL at random moments, over 1,000 edits', async () => {
    work = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'sc-kill-work-')));
    for (const f of FILES) fs.writeFileSync(path.join(work, f), content(0, f));
    const state = new Map(FILES.map((f) => [f, 0]));
    const random = rng(20261125);
    let attempted = 0;
    let kills = 0;
    while (attempted < 1000) {
      const remaining = 1000 - attempted;
      const round = await runChild(mod, work, remaining, 1 + Math.floor(random() * 120));
      expect(round.stderr).toBe('');
      if (round.killed) kills++;
      for (const f of FILES) {
        const text = fs.readFileSync(path.join(work, f), 'utf8');
        const k = Number(/^n=(\d+)/.exec(text)?.[1]);
        const last = round.applied.get(f) ?? state.get(f)!;
        // Exactly the content of the last reported version, or of the one being written.
        expect([last, last + 1]).toContain(k);
        expect(text === content(k, f)).toBe(true);
        if (k > state.get(f)!) attempted += k - state.get(f)!;
        state.set(f, k);
      }
      if (!round.killed) break;
    }
    expect(attempted).toBeGreaterThanOrEqual(1000);
    expect(kills).toBeGreaterThan(3);
    const journal = path.join(work, '.smallcode', 'journal');
    for (const name of fs.readdirSync(journal).filter((n) => /^\d+\.json$/.test(n))) {
      expect(() => JSON.parse(fs.readFileSync(path.join(journal, name), 'utf8'))).not.toThrow();
    }
    // The last child's first apply removed the temp files its killed predecessors left, and it
    // released the workspace lock when done.
    expect([...fs.readdirSync(work), ...fs.readdirSync(journal)].filter((n) => n.endsWith('.tmp'))).toEqual([]);
    expect(fs.existsSync(path.join(journal, 'apply.lock'))).toBe(false);
  }, 180_000);
});
