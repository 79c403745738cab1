// Issue 14 item 10 and the search views, as pure views and reducers: the status line at 80
// columns, no server, a cancelled reply, /clear during a turn, the command dialog's wording, the
// chat search's highlight and the tree's filter.
import { statusView } from '../../src/tui/status-view';
import { chatView, itemLines } from '../../src/tui/chat-view';
import { approvalView } from '../../src/tui/approval-view';
import { treeView, treeRowCount } from '../../src/tui/tree-view';
import { chatMatches, highlightChat } from '../../src/tui/chat-search-view';
import { displayWidth, plainOf } from '../../src/tui/text';
import { reduce } from '../../src/tui/store';
import { initialState, type UiState } from '../../src/tui/state';
import { monochromeTheme } from '../../src/tui/theme';
import type { AgentEvent } from '../../src/agent/events';
import type { UiAction } from '../../src/tui/ui-actions';
import type { TreeEntry } from '../../src/workspace/file-tree';

const theme = monochromeTheme();
const plain = (lines: string[]) => lines.map(plainOf);
const play = (events: (AgentEvent | UiAction)[], s: UiState = initialState({ server: 'finding a model server…', model: '', contextWindow: 0 })) =>
  events.reduce(reduce, s);

describe('status line', () => {
  it('at 80 columns drops whole segments, never cutting a word', () => {
    const s = play([
      {
        type: 'session.start',
        sessionId: 's',
        info: { kind: 'llama.cpp', baseUrl: 'http://127.0.0.1:8080', model: 'qwen2.5-coder-14b', contextWindow: 32768 } as never,
      },
      { type: 'turn.start', turn: 1, text: 'go' },
      { type: 'step.start', step: 3, tools: [] },
      { type: 'model.done', usage: { promptTokens: 1, completionTokens: 1, tokensPerSecond: 31.4 }, finishReason: 'stop', text: '' },
    ]);
    const first = plain(statusView(s, 80, theme))[0];
    expect(displayWidth(first)).toBeLessThanOrEqual(80);
    // The server address (least needed) did not fit: it is left out whole, and nothing else is cut.
    expect(first).toBe(' qwen2.5-coder-14b · 31.4 tok/s · step 3 · 1 in / 1 out · thinking…');
    expect(plain(statusView(s, 120, theme))[0]).toContain('· step 3 ·');
  });

  it('with no server says so (no empty "· ·" segment) until one answers', () => {
    const waiting = plain(statusView(play([]), 100, theme))[0];
    expect(waiting).not.toMatch(/·\s+·/);
    const missing = play([{ type: 'server.missing', message: 'no model server found at 127.0.0.1:11434, :8080' }]);
    expect(plain(statusView(missing, 100, theme))[0]).toContain('no model server found — still looking');
    const found = reduce(missing, {
      type: 'session.start',
      sessionId: 's',
      info: { kind: 'ollama', baseUrl: 'http://127.0.0.1:11434', model: 'qwen', contextWindow: 8192 } as never,
    });
    expect(plain(statusView(found, 100, theme))[0]).toContain('ollama http://127.0.0.1:11434 · qwen');
    expect(plain(chatView(found, 100, theme)).join('\n')).toContain('found a model server: ollama http://127.0.0.1:11434 · qwen');
  });
});

describe('a cancelled or cleared turn', () => {
  it('a reply cut by cancelling loses its ▍ cursor', () => {
    const s = play([
      { type: 'turn.start', turn: 1, text: 'go' },
      { type: 'model.delta', text: 'half a sent' },
      { type: 'turn.end', reason: 'cancelled', text: '', steps: 1 },
    ]);
    expect(plain(chatView(s, 60, theme)).join('\n')).not.toContain('▍');
  });

  it('/clear during a turn drops what that turn still streams (no mid-word continuation)', () => {
    const s = play([
      { type: 'turn.start', turn: 1, text: 'go' },
      { type: 'model.delta', text: 'The answer is' },
      { type: 'ui.clearChat' },
      { type: 'model.delta', text: ' forty-two' },
      { type: 'turn.end', reason: 'cancelled', text: '', steps: 1 },
    ]);
    expect(plain(chatView(s, 60, theme)).join('\n')).not.toContain('forty-two');
    const next = play(
      [
        { type: 'turn.start', turn: 2, text: 'again' },
        { type: 'model.delta', text: 'fresh' },
      ],
      s,
    );
    expect(plain(chatView(next, 60, theme)).join('\n')).toContain('fresh');
  });

  it('a request cancelled with its turn shows no "you said" the user never said', () => {
    const s = play([
      { type: 'tool.proposed', call: { id: 'c', name: 'run_command', arguments: { command: 'ls' } }, risk: 'exec' },
      { type: 'approval.resolved', id: 'c', decision: 'reject' },
    ]);
    expect(plain(itemLines(s.chat[0], 60, theme, false)).join('\n')).not.toContain('you said');
  });
});

describe('the command approval dialog', () => {
  it('speaks of a command and offers only y, n and A — not e or d', () => {
    const s = play([
      {
        type: 'approval.needed',
        request: {
          id: 'c',
          call: { id: 'c', name: 'run_command', arguments: { command: 'npm test' } },
          risk: 'exec',
          command: { command: 'npm test', cwd: '/w' },
        },
      },
    ]);
    const text = plain(approvalView({ ...s, focus: 'chat', dialogFocus: true }, 100, 20, theme)).join('\n');
    expect(text).toContain('Run this command?');
    expect(text).toContain('$ npm test');
    expect(text).toMatch(/y approve/);
    expect(text).toMatch(/A always allow this command/);
    expect(text).not.toMatch(/\be edit|\bd full diff|change/i);
  });
});

describe('search', () => {
  it('finds chat lines case-insensitively, newest first, and highlights every match', () => {
    const lines = ['{bold}› find the Needle{/bold}', 'nothing here', 'a needle and a NEEDLE', 'braces {open}needle{close}'];
    const m0 = chatMatches(lines, 'needle', 0);
    expect(m0).toEqual({ lines: [0, 2, 3], current: 3, position: 3 });
    expect(chatMatches(lines, 'needle', 1).current).toBe(2);
    expect(chatMatches(lines, 'needle', 3).current).toBe(3); // wraps
    expect(chatMatches(lines, 'needle', -1).current).toBe(0);
    const shown = highlightChat(lines, 'needle', chatMatches(lines, 'needle', 1));
    expect(shown[2]).toBe('a {inverse}needle{/inverse} and a {inverse}NEEDLE{/inverse}');
    expect(shown[3]).toBe('braces {open}{underline}{bold}needle{/bold}{/underline}{close}');
    expect(shown[1]).toBe('nothing here');
  });

  it('filters the tree while the query is typed and jumps to the chosen entry on Enter', () => {
    const files = (dir: string, n: number): TreeEntry[] => Array.from({ length: n }, (_, i) => ({ name: `f${i}.ts`, rel: `${dir}/f${i}.ts`, dir: false }));
    let s = play([
      {
        type: 'ui.tree.listing',
        dir: '',
        entries: [
          { name: 'a', rel: 'a', dir: true },
          { name: 'b', rel: 'b', dir: true },
        ],
      },
      { type: 'ui.tree.listing', dir: 'a', entries: files('a', 30) },
      { type: 'ui.tree.listing', dir: 'b', entries: files('b', 30) },
      { type: 'ui.tree.toggle', rel: 'a' },
      { type: 'ui.tree.toggle', rel: 'b' },
      { type: 'ui.focus', focus: 'tree' },
      { type: 'ui.tree.select', delta: 5 },
    ]);
    expect(treeRowCount(s)).toBe(62);
    s = play([{ type: 'ui.search.open', pane: 'tree' }, ...[...'f2'].map((ch) => ({ type: 'ui.input', edit: { op: 'insert', text: ch } }) as UiAction)], s);
    // a/f2, a/f20…a/f29, b/f2, b/f20…: 22 matches, shown with their paths, the first selected.
    expect(treeRowCount(s)).toBe(22);
    const shown = plain(treeView(s, 40, theme, 0, 3));
    expect(shown).toEqual(['  a/f2.ts', '  a/f20.ts', '  a/f21.ts']);
    expect(s.tree.selected).toBe(0);
    s = play([{ type: 'ui.tree.select', delta: 11 }, { type: 'ui.search.done' }], s);
    // b/f2.ts in the whole tree: a, 30 files, b, then b/f0, b/f1, b/f2.
    expect(treeRowCount(s)).toBe(62);
    expect(s.tree.selected).toBe(34);
    s = play([{ type: 'ui.search.step', dir: 1 }], s);
    expect(s.tree.selected).toBe(52); // b/f20
    s = play(
      [
        { type: 'ui.search.step', dir: -1 },
        { type: 'ui.search.step', dir: -1 },
      ],
      s,
    );
    expect(s.tree.selected).toBe(30); // a/f29
    // Esc while typing goes back to where the selection was.
    const back = play([{ type: 'ui.search.open', pane: 'tree' }, { type: 'ui.input', edit: { op: 'insert', text: 'zz' } }, { type: 'ui.search.cancel' }], s);
    expect(back.tree.selected).toBe(30);
    expect(back.search).toBeNull();
  });
});

describe('input editing (pure)', () => {
  const { applyInput, emptyInput, verticalMove, wordStartBefore, wordEndAfter } =
    require('../../src/tui/input-editor') as typeof import('../../src/tui/input-editor');
  const at = (text: string, cursor: number) => ({ ...emptyInput(['older']), text, cursor });

  it('↑ / ↓ keep the column where the next line is long enough, else its end', () => {
    expect(verticalMove('abcdef\nab\nabcdef', 5, 1)).toBe(9); // end of "ab"
    expect(verticalMove('abcdef\nab\nabcdef', 9, 1)).toBe(12);
    expect(verticalMove('abcdef\nab\nabcdef', 15, -1)).toBe(9);
    expect(verticalMove('one line', 3, -1)).toBeNull();
    expect(applyInput(at('one line', 3), { op: 'historyPrev' }).text).toBe('older');
  });

  it('words are letters, digits and _; punctuation and spaces are skipped as readline does', () => {
    expect(wordStartBefore('call foo.bar_baz(', 17)).toBe(9);
    expect(wordEndAfter('call foo.bar_baz(', 4)).toBe(8);
    expect(applyInput(at('rm -rf build/', 13), { op: 'deleteWordBack' }).text).toBe('rm -rf ');
  });

  it('Ctrl-U / Ctrl-K delete to the line start / end, and at the edge join the lines', () => {
    expect(applyInput(at('ab\ncd', 4), { op: 'killToStart' }).text).toBe('ab\nd');
    expect(applyInput(at('ab\ncd', 3), { op: 'killToStart' })).toMatchObject({ text: 'abcd', cursor: 2 });
    expect(applyInput(at('ab\ncd', 1), { op: 'killToEnd' }).text).toBe('a\ncd');
    expect(applyInput(at('ab\ncd', 2), { op: 'killToEnd' }).text).toBe('abcd');
  });
});
