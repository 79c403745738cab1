// The pure views, tested as strings: (state, width, theme) → lines with blessed tags.
import { chatView, cardLabel } from '../../src/tui/chat-view';
import { gaugeView, gaugeNumbers } from '../../src/tui/gauge-view';
import { planView } from '../../src/tui/plan-view';
import { treeView } from '../../src/tui/tree-view';
import { patchesView } from '../../src/tui/patches-view';
import { approvalLayout, approvalView } from '../../src/tui/approval-view';
import { toolOutputView } from '../../src/tui/tool-output-view';
import { displayWidth, graphemeCost, padRight, terminalSafe, truncate } from '../../src/tui/text';
import { statusView } from '../../src/tui/status-view';
import { inputView } from '../../src/tui/input-view';
import { sideBySideDiffLines, unifiedDiffLines, diffLines } from '../../src/tui/diff-view';
import { computeLayout } from '../../src/tui/layout';
import { reduce } from '../../src/tui/store';
import { initialState, type UiState } from '../../src/tui/state';
import { loadTheme, monochromeTheme, type Theme } from '../../src/tui/theme';
import type { AgentEvent } from '../../src/agent/events';
import type { UiAction } from '../../src/tui/ui-actions';
import { proposal } from './harness';

const theme = ((): Theme => {
  const r = loadTheme('default', {});
  if (!r.ok) throw new Error(r.error);
  return r.theme;
})();
const mono = monochromeTheme();
const plain = (lines: string[]) => lines.map((l) => l.replace(/\{[^}]*\}/g, ''));
const play = (events: (AgentEvent | UiAction)[], s: UiState = initialState({ server: 'ollama http://127.0.0.1:11434', model: 'qwen', contextWindow: 8192 })) =>
  events.reduce(reduce, s);
const call = (id: string, name: string, args: Record<string, unknown>) => ({ id, name, arguments: args });

describe('chat view', () => {
  it('shows tool calls as compact cards: name, target and result summary', () => {
    const s = play([
      { type: 'tool.proposed', call: call('r', 'read_file', { path: 'src/a.ts' }), risk: 'read' },
      { type: 'tool.result', id: 'r', name: 'read_file', ok: true, summary: 'src/a.ts · 120 lines' },
    ]);
    const t = s.chat[0];
    expect(t.kind === 'tool' && cardLabel(t)).toBe('read_file src/a.ts · 120 lines');
    expect(plain(chatView(s, 60, theme))).toEqual(['⚙ read_file src/a.ts · 120 lines ✓']);
  });

  it('colours fenced code differently from prose and escapes braces from the model', () => {
    const s = play([{ type: 'model.delta', text: 'Use:\n```ts\nconst o = {a: 1};\n```' }]);
    const lines = chatView(s, 60, theme);
    expect(lines[0]).toContain(`{${theme.colors.assistant}-fg}Use:`);
    expect(lines[2]).toContain(`{${theme.colors.code}-fg}const o = {open}a: 1{close};`);
    expect(plain(lines).slice(-1)).toEqual(['▍']);
  });

  it('wraps long user text to the width; a change card stays one line (x opens its full result)', () => {
    let s = play([
      { type: 'turn.start', turn: 1, text: 'word '.repeat(30).trim() },
      { type: 'tool.proposed', call: call('w', 'write_file', { path: 'a.txt' }), risk: 'write' },
      {
        type: 'tool.result',
        id: 'w',
        name: 'write_file',
        ok: true,
        summary: 'a.txt · +1 −1',
        details: { kind: 'patch', path: 'a.txt', diff: '@@ -1 +1 @@\n-x\n+y\n', added: 1, removed: 1, newFile: false },
      },
    ]);
    const collapsed = plain(chatView(s, 40, theme));
    expect(Math.max(...collapsed.map((l) => l.length))).toBeLessThanOrEqual(40);
    expect(collapsed).not.toContain('  +y');
    s = play([{ type: 'ui.toggleThinking' }], s);
    expect(plain(chatView(s, 40, theme))).not.toContain('  +y');
  });

  it('sets guard and escalation notices apart with their own marks and colours', () => {
    const s = play([
      { type: 'guard', kind: 'repeated_call', message: 'same call three times' },
      { type: 'escalate', provider: 'anthropic', model: 'big', reason: 'stuck', phase: 'start' },
    ]);
    const lines = chatView(s, 80, theme);
    expect(lines[0]).toContain(theme.colors.guard);
    expect(plain(lines)[0]).toMatch(/^⚑ guard \(repeated_call\)/);
    expect(plain(lines)[2]).toMatch(/^⇪ escalation start/);
  });
});

describe('gauge view', () => {
  const budget = (prompt: number) => ({
    window: 1000,
    reserve: 100,
    system: 100,
    tools: 150,
    plan: 50,
    pinned: 0,
    history: prompt - 300,
    prompt,
    free: 900 - prompt,
    source: 'estimate' as const,
  });

  it('segments the window by share and shows tokens and percent', () => {
    const s = play([{ type: 'budget', report: budget(400) }]);
    const g = gaugeNumbers(s);
    expect(g.segments.map((x) => [x.name, x.tokens])).toEqual([
      ['sys', 100],
      ['tools', 150],
      ['plan', 50],
      ['hist', 100],
      ['free', 600],
    ]);
    expect(plain(gaugeView(s, 50, theme))).toEqual([expect.stringMatching(/^400\/1\.0k tokens 40%/), 'sys 100 tools 150 plan 50 hist 100 free 600']);
  });

  it('turns warning colour at 70 %, danger at 90 %, and warns before compaction', () => {
    expect(gaugeView(play([{ type: 'budget', report: budget(750) }]), 50, theme)[0]).toContain(`{${theme.colors.gaugeWarn}-fg}75%`);
    const full = play([{ type: 'budget', report: budget(920) }]);
    expect(gaugeView(full, 60, theme)[0]).toContain(`{${theme.colors.gaugeDanger}-fg}92%`);
    expect(plain(gaugeView(full, 80, theme))[1]).toMatch(/^⚠ little room left for the answer/);
    // "Over the window" only when the prompt itself no longer fits (issue 14: not at 77 %).
    expect(plain(gaugeView(play([{ type: 'budget', report: budget(770) }]), 80, theme))[1]).not.toMatch(/over the window/);
    expect(plain(gaugeView(play([{ type: 'budget', report: budget(1050) }]), 80, theme))[1]).toMatch(/^⚠ over the window/);
  });

  it('shrinks the history share at once after a compaction (/compact), not at the next request', () => {
    const s = play([
      { type: 'budget', report: budget(800) },
      { type: 'compaction', before: 500, after: 200, method: 'summary' },
    ]);
    expect(gaugeNumbers(s).used).toBe(500);
    expect(plain(gaugeView(s, 80, theme))[0]).toContain('50%');
  });

  it('grows live while the model streams', () => {
    const s = play([
      { type: 'budget', report: budget(400) },
      { type: 'model.delta', text: 'x'.repeat(400) },
    ]);
    expect(gaugeNumbers(s).used).toBe(500);
    expect(plain(gaugeView(s, 40, mono, 1))[0]).toMatch(/^ctx 500\/1\.0k █+░+ 50%$/);
  });
});

describe('plan, tree and patches views', () => {
  it('shows plan progress and marks the current item', () => {
    const s = play([
      {
        type: 'plan',
        items: [
          { text: 'read', done: true },
          { text: 'edit', done: false },
          { text: 'test', done: false },
        ],
      },
    ]);
    expect(plain(planView(s, 30, mono))).toEqual([expect.stringMatching(/^1\/3 done █+░+$/), '☑ read', '▸ edit', '☐ test']);
  });

  it('marks files with pending (●) and applied (✓) changes and their folders', () => {
    const s = play([
      {
        type: 'ui.tree.listing',
        dir: '',
        entries: [
          { name: 'src', rel: 'src', dir: true },
          { name: 'b.txt', rel: 'b.txt', dir: false },
        ],
      },
      { type: 'ui.tree.listing', dir: 'src', entries: [{ name: 'a.ts', rel: 'src/a.ts', dir: false }] },
      { type: 'ui.tree.toggle', rel: 'src' },
      { type: 'patch.pending', id: 'p', proposal: proposal('src/a.ts') },
      { type: 'patch.pending', id: 'q', proposal: proposal('b.txt') },
      { type: 'patch.applied', id: 'q', path: 'b.txt', journalId: 1 },
    ]);
    expect(plain(treeView(s, 30, mono))).toEqual(['▾ src/ ●', '    a.ts ●', '  b.txt ✓']);
  });

  it('lists the patch queue with +/− and status, then the selected diff coloured', () => {
    const s = play([
      { type: 'patch.pending', id: 'p', proposal: proposal('src/a.ts') },
      { type: 'ui.file.changed', rel: 'src/a.ts' },
    ]);
    const lines = patchesView(s, 50, theme);
    expect(plain(lines)[0]).toMatch(/^▶ src\/a\.ts +\+1 −1 changed on disk$/);
    expect(lines).toContain(`{${theme.colors.diffAdd}-fg}+y{/${theme.colors.diffAdd}-fg}`);
  });

  it('draws the diff side by side when the pane is ≥ 140 columns, unified below', () => {
    const d = '@@ -1,2 +1,2 @@\n ctx\n-old\n+new\n';
    expect(plain(sideBySideDiffLines(d, 120, mono))[2]).toMatch(/^-old +│ \+new +$/);
    expect(plain(diffLines(d, 150, mono))).toHaveLength(3);
    expect(plain(diffLines(d, 139, mono))).toEqual(plain(unifiedDiffLines(d, 139, mono)));
    expect(plain(diffLines(d, 140, mono))[2]).toMatch(/^-old +│ \+new/);
  });
});

describe('approval dialog and status line', () => {
  it('names the change, its keys, and hides long diffs behind d', () => {
    const diff = '@@ -1,30 +1,30 @@\n' + Array.from({ length: 30 }, (_, i) => `+line ${i}`).join('\n') + '\n';
    const p = { ...proposal('big.ts', diff), added: 30, removed: 0 };
    let s = play([{ type: 'approval.needed', request: { id: 'c', call: call('c', 'edit_file', { path: 'big.ts' }), risk: 'write', proposal: p } }]);
    let lines = plain(approvalView(s, 80, 20, mono));
    expect(lines[0]).toBe('Change big.ts? (+30 −0)');
    expect(lines.join('\n')).toContain('lines 1–11 of 31 · d shows the full diff');
    expect(lines.slice(-3).join(' ')).toMatch(/y approve +n reject +a approve all changes this turn +e edit +d full diff/);
    s = play([{ type: 'ui.toggleDiff' }], s);
    lines = plain(approvalView(s, 80, 40, mono));
    expect(lines.filter((l) => l.startsWith('+line'))).toHaveLength(30);
  });

  it('warns when the file changed on disk, and says so again when the agent re-made the change', () => {
    const req = { id: 'c', call: call('c', 'edit_file', { path: 'a.txt' }), risk: 'write' as const, proposal: proposal() };
    let s = play([
      { type: 'approval.needed', request: req },
      { type: 'ui.file.changed', rel: 'a.txt' },
    ]);
    expect(plain(approvalView(s, 100, 20, mono))[1]).toMatch(/^⚠ the file changed on disk since this was proposed — y re-checks it first/);
    const redone = { ...req, proposal: proposal('a.txt', '@@ -1 +1 @@\n-z\n+y\n') };
    s = play(
      [
        { type: 'patch.stale', id: 'c', path: 'a.txt' },
        { type: 'patch.pending', id: 'c', proposal: redone.proposal },
        { type: 'approval.needed', request: redone },
      ],
      s,
    );
    const lines = plain(approvalView(s, 100, 20, mono));
    expect(lines[1]).toMatch(/^⚠ the file changed on disk: this is the change re-made/);
    expect(lines).toContain('-z');
  });

  it('shows a command with its working directory', () => {
    const s = play([
      {
        type: 'approval.needed',
        request: { id: 'c', call: call('c', 'run_command', { command: 'npm test' }), risk: 'exec', command: { command: 'npm test', cwd: '/work/app' } },
      },
    ]);
    expect(plain(approvalView(s, 60, 10, mono)).slice(0, 3)).toEqual(['Run this command?', '$ npm test', 'in /work/app']);
  });

  it('puts server, model, speed, step and state on the status line with hints for the scope', () => {
    const s = play([
      { type: 'turn.start', turn: 1, text: 't' },
      { type: 'step.start', step: 2, tools: [] },
      { type: 'model.done', usage: { promptTokens: 1, completionTokens: 1, tokensPerSecond: 31.2 }, finishReason: 'tool_calls', text: '' },
      { type: 'approval.needed', request: { id: 'c', call: call('c', 'write_file', { path: 'a' }), risk: 'write', proposal: proposal() } },
    ]);
    const [first, second] = plain(statusView(s, 120, mono));
    expect(first).toBe(' ollama http://127.0.0.1:11434 · qwen · 31.2 tok/s · step 2 · 1 in / 1 out · waiting for your approval');
    expect(second).toMatch(/^ y approve · n reject · a approve all changes this turn · e edit · d full diff/);
  });

  it('draws the input with a cursor and a reason prompt when rejecting', () => {
    let s = play([{ type: 'ui.input', edit: { op: 'insert', text: 'hi' } }]);
    expect(inputView(s, 20, 1, mono)).toEqual(['{bold}› {/bold}hi{inverse} {/inverse}']);
    s = play(
      [
        { type: 'approval.needed', request: { id: 'c', call: call('c', 'write_file', { path: 'a' }), risk: 'write', proposal: proposal() } },
        { type: 'ui.reason', open: true },
      ],
      s,
    );
    expect(plain(inputView(s, 20, 1, mono))).toEqual(['why?  ']);
  });
});

describe('layout', () => {
  it('collapses into tabs at 80×24 and puts panes side by side when wide', () => {
    const small = computeLayout({ cols: 80, rows: 24 }, 'chat');
    expect(small.mode).toBe('tabs');
    expect(Object.keys(small.rects).sort()).toEqual(['chat', 'dialog', 'gauge', 'help', 'input', 'output', 'status', 'tabs']);
    const wide = computeLayout({ cols: 160, rows: 48 }, 'chat');
    expect(wide.mode).toBe('wide');
    const r = wide.rects;
    expect(r.chat!.width + r.tree!.width).toBe(160);
    expect(r.patches!.top + r.patches!.height).toBe(r.input!.top);
    expect(r.status!.top + r.status!.height).toBe(48);
  });
});

describe('readable diffs (issue 14 item 4)', () => {
  const long = `const message = "${'x'.repeat(150)}END";`;
  const diff = `--- /dev/null\n+++ b/new.ts\n@@ -0,0 +1,2 @@\n+${long}\n+short\n`;

  it('never cuts a line with …: it wraps, and the header lines that repeat the title are left out', () => {
    const lines = plain(unifiedDiffLines(diff, 60, mono));
    expect(lines.join('\n')).not.toContain('…');
    expect(lines.join('\n')).not.toMatch(/\/dev\/null|\+\+\+ b\//);
    expect(lines[0]).toBe('@@ -0,0 +1,2 @@');
    expect(
      lines
        .map((l) => l.slice(1))
        .join('')
        .replace(/ /g, ''),
    ).toContain(`${long}short`.replace(/ /g, ''));
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(60);
  });

  it('scrolls sideways instead when asked: the rest of the line is a scroll away, marked ›', () => {
    const first = plain(unifiedDiffLines(diff, 60, mono, { wrap: false }));
    expect(first).toHaveLength(3);
    expect(first[1]).toMatch(/^\+const message.*›$/);
    const right = plain(unifiedDiffLines(diff, 60, mono, { wrap: false, col: 120 }));
    expect(right[1]).toMatch(/^\+‹.*END";$/);
  });

  it('keeps a removed `--- x` line inside a hunk (only the file header is dropped)', () => {
    expect(plain(unifiedDiffLines('--- a/f\n+++ b/f\n@@ -1 +1 @@\n--- x\n+y\n', 40, mono))).toEqual(['@@ -1 +1 @@', '--- x', '+y']);
  });

  it('shows "lines x–y of N" and pages by the rows the dialog shows', () => {
    const big = `@@ -1,300 +1,300 @@\n${Array.from({ length: 300 }, (_, i) => `+row ${i}`).join('\n')}\n`;
    const p = { ...proposal('big.ts', big), added: 300, removed: 0 };
    let s = play([
      { type: 'approval.needed', request: { id: 'c', call: call('c', 'edit_file', { path: 'big.ts' }), risk: 'write', proposal: p } },
      { type: 'ui.toggleDiff' },
    ]);
    const first = approvalLayout(s, 80, 30, mono);
    expect(plain(first.lines).join('\n')).toMatch(/lines 1–\d+ of 301/);
    s = play([{ type: 'ui.diffScroll', delta: first.diffRoom, max: first.diffRows - first.diffRoom }], s);
    const second = plain(approvalLayout(s, 80, 30, mono).lines).join('\n');
    expect(second).toContain(`lines ${first.diffRoom + 1}–${2 * first.diffRoom} of 301`);
  });

  it('picks side by side by the width of the pane that shows the diff, not the screen', () => {
    const s = play([{ type: 'patch.pending', id: 'p', proposal: proposal('a.txt', '@@ -1 +1 @@\n-old\n+new\n') }], {
      ...initialState({ server: 's', model: 'm', contextWindow: 1 }, { cols: 200, rows: 60 }),
    });
    expect(plain(patchesView(s, 88, mono)).some((l) => l.includes('│'))).toBe(false);
    expect(plain(patchesView(s, 150, mono)).some((l) => /^-old +│ \+new/.test(l))).toBe(true);
  });
});

describe('wide characters (issue 14 item 5)', () => {
  it('wraps CJK by display width: no line wider than the pane, no character lost', () => {
    const text = '这是一个很长的中文句子，用来测试按显示宽度换行是否正确，不会丢失任何文字。';
    const s = play([{ type: 'turn.start', turn: 1, text }]);
    const lines = plain(chatView(s, 20, mono));
    for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(20);
    expect(lines.map((l) => l.replace(/^[› ] /, '')).join('')).toBe(text);
  });

  it('measures emoji by what terminals draw, and simplifies sequences terminals disagree on', () => {
    expect(displayWidth('ok')).toBe(2);
    expect(displayWidth('表')).toBe(2);
    expect(terminalSafe('👨‍👩‍👧 ⚠️ 👍🏽')).toBe('👨👩👧 ⚠ 👍');
    expect(graphemeCost('😀')).toBe(3); // two cells, three units in blessed's line clipping
    expect(truncate('😀😀😀😀', 7)).toBe('😀😀…');
    expect(padRight('表a', 5)).toBe('表a  ');
  });
});

describe('tool output view (issue 14 item 1)', () => {
  it('expands a command card to its whole output with the exit code, marking the lines the model did not get', () => {
    const out = ['$ npm test', ...Array.from({ length: 30 }, (_, i) => `out ${i}`), '[exit code 1]'].join('\n');
    const s = play([
      { type: 'tool.proposed', call: call('r', 'run_command', { command: 'npm test' }), risk: 'exec' },
      {
        type: 'tool.result',
        id: 'r',
        name: 'run_command',
        ok: false,
        summary: 'npm test · exit code 1',
        details: { kind: 'command', command: 'npm test', cwd: '/w', exitCode: 1, timedOut: false, output: { text: out, cutForModel: { from: 10, to: 20 } } },
      },
    ]);
    const card = plain(chatView(s, 60, mono));
    expect(card[0]).toMatch(/^⚙ run_command npm test · exit code 1 ✗$/);
    expect(card).toContain('  out 29');
    expect(card.join('\n')).toContain('more lines (x shows all)');
    const t = s.chat[0];
    if (t.kind !== 'tool') throw new Error('not a card');
    const full = plain(toolOutputView(t, 60, mono));
    expect(full[0]).toBe('$ npm test   (in /w) → exit 1');
    for (let i = 0; i < 30; i++) expect(full).toContain(`out ${i}`);
    expect(full).toContain('┄┄ the model did not get the next 10 lines (output cap) ┄┄');
  });
});

describe('the approval dialog leaves the newest chat lines visible (issue 14 item 2)', () => {
  it('shrinks the panes above it instead of covering them', () => {
    for (const size of [
      { cols: 80, rows: 24 },
      { cols: 200, rows: 60 },
    ]) {
      const plainLayout = computeLayout(size, 'chat');
      const withDialog = computeLayout(size, 'chat', 1, 40);
      const chat = withDialog.rects.chat!;
      const dialog = withDialog.rects.dialog!;
      expect(chat.top + chat.height).toBeLessThanOrEqual(dialog.top);
      expect(chat.height).toBeGreaterThanOrEqual(5);
      expect(dialog.top + dialog.height).toBe(plainLayout.rects.input!.top);
    }
  });
});
