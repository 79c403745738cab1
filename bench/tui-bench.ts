// TUI benchmark: with a 10,000-file workspace, a 5,000-line pending diff and 1,000 chat messages
// loaded, measures keypress → frame (median), first paint and RSS in a fresh child process (so
// nothing else in the runner inflates them), plus `smallcode --version` wall time.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import type { BenchRow } from './types';
import type { AgentEvent } from '../src/agent/events';
import type { AgentHandle } from '../src/agent/types';

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : NaN;
};

/** 80 folders × 100 files plus one folder of 2,000 files: 10,000 files. */
function makeWorkspace(): string {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'sc-tui-bench-')));
  for (let d = 0; d < 80; d++) {
    const dir = path.join(root, `pkg${String(d).padStart(2, '0')}`);
    fs.mkdirSync(dir);
    for (let f = 0; f < 100; f++) fs.writeFileSync(path.join(dir, `file${f}.ts`), '');
  }
  fs.mkdirSync(path.join(root, 'big'));
  for (let f = 0; f < 2000; f++) fs.writeFileSync(path.join(root, 'big', `item${f}.ts`), '');
  return root;
}

function loadEvents(): AgentEvent[] {
  const events: AgentEvent[] = [];
  for (let i = 0; i < 250; i++) {
    events.push({ type: 'turn.start', turn: i, text: `task number ${i}: please change something in the code` });
    events.push({ type: 'tool.proposed', call: { id: `r${i}`, name: 'read_file', arguments: { path: `pkg01/file${i % 100}.ts` } }, risk: 'read' });
    events.push({ type: 'tool.result', id: `r${i}`, name: 'read_file', ok: true, summary: `pkg01/file${i % 100}.ts · 120 lines` });
    events.push({ type: 'model.delta', text: `Here is the answer ${i}.\n\`\`\`ts\nconst x${i} = ${i};\n\`\`\`\nThat should work.` });
    events.push({ type: 'model.done', usage: { promptTokens: 1000, completionTokens: 50, tokensPerSecond: 30 }, finishReason: 'stop', text: '' });
    events.push({ type: 'turn.end', reason: 'done', text: '', steps: 1 });
  }
  const diff = ['--- a/big/item1.ts', '+++ b/big/item1.ts', '@@ -1,2500 +1,2500 @@'];
  for (let i = 0; i < 2500; i++) diff.push(`-old line ${i}`, `+new line ${i}`);
  const proposal = {
    path: 'big/item1.ts',
    before: '',
    beforeHash: null,
    after: '',
    diff: diff.join('\n') + '\n',
    added: 2500,
    removed: 2500,
    strategies: ['bench'],
  };
  events.push({ type: 'patch.pending', id: 'p1', proposal });
  return events;
}

const idleAgent: AgentHandle = {
  subscribe: () => () => undefined,
  submit: async () => ({ reason: 'done', text: '', steps: 0 }),
  resolve: () => undefined,
  cancel: () => undefined,
  undo: async () => ({ ok: true, reverted: [] }),
  changes: async () => [],
  undoChange: async () => ({ ok: false, reason: 'bench' }),
  redoChange: async () => ({ ok: false, reason: 'bench' }),
  compact: async () => undefined,
  escalate: () => undefined,
  clear: () => undefined,
  busy: () => false,
  setModel: () => undefined,
  rules: () => ({ files: [], tokens: 0, share: 0 }),
  checks: () => ({ checks: [], fixRounds: 0 }),
  runChecks: async () => undefined,
};

/** Runs inside the child: prints one JSON line with the measurements. */
async function child(root: string): Promise<void> {
  const tty = () => Object.assign(new PassThrough(), { isTTY: true, columns: 160, rows: 48, isRaw: false, setRawMode() {} });
  const input = tty();
  const output = tty();
  let firstPaint = 0;
  let waiter: (() => void) | null = null;
  const write = output.write.bind(output) as (chunk: string | Buffer) => boolean;
  output.write = ((chunk: string | Buffer) => {
    if (!firstPaint) firstPaint = performance.now();
    const w = waiter;
    waiter = null;
    w?.();
    return write(chunk);
  }) as typeof output.write;
  output.resume();
  const tBoot = performance.now();
  const { startWorkbench } = require('../src/tui/app') as typeof import('../src/tui/app');
  const tLoaded = performance.now();
  let probe: import('../src/tui/app').WorkbenchProbe | undefined;
  const exit = startWorkbench({
    agent: idleAgent,
    root,
    theme: 'default',
    header: { server: 'bench', model: 'bench', contextWindow: 32768 },
    notices: [],
    initialEvents: loadEvents(),
    input,
    output,
    terminal: 'xterm-256color',
    onReady: (p) => (probe = p),
  });
  const p = probe!;
  p.store.dispatch({ type: 'ui.tree.toggle', rel: 'big' });
  p.store.dispatch({ type: 'ui.tree.toggle', rel: 'pkg00' });
  await p.tree.flush();
  await p.tree.ready();
  const frame = (key: string) =>
    new Promise<number>((resolve) => {
      const t0 = performance.now();
      waiter = () => resolve(performance.now() - t0);
      input.write(key);
    });
  const times: number[] = [];
  const keys = ['x', '\x7f', '\t', '\t', '\t', '\t', '\t', 'k', 'j'];
  for (let i = 0; i < 300; i++) {
    times.push(await frame(keys[i % keys.length]));
    await new Promise((r) => setImmediate(r));
  }
  const listed = Object.values(p.store.get().tree.listings).reduce((n, l) => n + l.length, 0);
  const watchedDirs = p.tree.watcher().watched().dirs.length;
  // The same keypress → frame, with the whole 10k-entry tree expanded and the tree pane focused.
  for (let d = 1; d < 80; d++) p.store.dispatch({ type: 'ui.tree.toggle', rel: `pkg${String(d).padStart(2, '0')}` });
  await p.tree.flush();
  p.store.dispatch({ type: 'ui.focus', focus: 'tree' });
  await frame('j');
  const treeEntries = Object.values(p.store.get().tree.listings).reduce((n, l) => n + l.length, 0);
  const treeTimes: number[] = [];
  for (let i = 0; i < 200; i++) {
    treeTimes.push(await frame(i % 10 === 9 ? 'k' : 'j'));
    await new Promise((r) => setImmediate(r));
  }
  const result = {
    keyMedian: median(times),
    treeKeyMedian: median(treeTimes),
    treeEntries,
    firstPaint,
    boot: tBoot,
    load: tLoaded - tBoot,
    rss: process.memoryUsage().rss / 1048576,
    listed,
    watchedDirs,
    renders: p.scheduler.count(),
  };
  p.quit(0);
  await exit;
  process.stdout.write(JSON.stringify(result) + '\n');
}

function versionTimes(): number[] {
  const bin = path.join(__dirname, '..', '..', 'bin', 'smallcode');
  const times: number[] = [];
  for (let i = 0; i < 15; i++) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, [bin, '--version'], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`smallcode --version failed: ${r.stderr.split('\n')[0]}`);
    times.push(performance.now() - t0);
  }
  return times;
}

export async function bench(): Promise<BenchRow[]> {
  const root = makeWorkspace();
  try {
    type ChildResult = {
      keyMedian: number;
      treeKeyMedian: number;
      firstPaint: number;
      boot: number;
      load: number;
      rss: number;
      listed: number;
      watchedDirs: number;
    };
    const runs: ChildResult[] = [];
    for (let i = 0; i < 5; i++) {
      const r = spawnSync(process.execPath, [__filename, '--child', root], { encoding: 'utf8', timeout: 120000 });
      const line = r.stdout.trim().split('\n').pop() ?? '';
      if (r.status !== 0 || !line.startsWith('{')) throw new Error(`tui bench child failed: ${(r.stderr || line).split('\n')[0]}`);
      runs.push(JSON.parse(line) as ChildResult);
    }
    const med = (f: (c: ChildResult) => number) => median(runs.map(f));
    const m = {
      keyMedian: med((c) => c.keyMedian),
      treeKeyMedian: med((c) => c.treeKeyMedian),
      firstPaint: med((c) => c.firstPaint),
      rss: Math.max(...runs.map((c) => c.rss)),
      listed: runs[0].listed,
      watchedDirs: runs[0].watchedDirs,
      boot: med((c) => c.boot),
      paint: med((c) => c.firstPaint - c.boot),
    };
    const version = median(versionTimes());
    const baseline = median(
      Array.from({ length: 15 }, () => {
        const t0 = performance.now();
        spawnSync(process.execPath, ['-e', '0']);
        return performance.now() - t0;
      }),
    );
    const row = (metric: string, value: number, unit: string, target: string, pass: boolean | null): BenchRow => ({
      area: 'tui',
      metric,
      value,
      unit,
      target,
      pass,
    });
    return [
      row('keypress → frame, median (10k-file tree, 5k-line diff, 1k messages)', m.keyMedian, 'ms', '≤ 16', m.keyMedian <= 16),
      row('keypress → frame, median (j in the tree pane, 10k entries expanded)', m.treeKeyMedian, 'ms', '≤ 16', m.treeKeyMedian <= 16),
      row('first paint (process start → first frame), median of 5 processes', m.firstPaint, 'ms', '≤ 250', m.firstPaint <= 250),
      row('  of which node boot (before our code runs)', m.boot, 'ms', '', null),
      row('  of which loading the TUI + first frame', m.paint, 'ms', '', null),
      row('RSS with everything loaded (max of 5)', m.rss, 'MiB', '≤ 120', m.rss <= 120),
      row('smallcode --version wall time, median of 15', version, 'ms', '≤ 80', version <= 80),
      row('node -e 0 wall time on this machine now (baseline for the two above)', baseline, 'ms', '', null),
      row('tree entries listed (lazily, of 10,000 files)', m.listed, 'entries', '', null),
      row('folders watched', m.watchedDirs, 'dirs', '', null),
    ];
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

if (require.main === module && process.argv[2] === '--child') {
  child(process.argv[3]).catch((err) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  });
}
